// The shapes the service's JSON takes: camelCase fields, enums as snake_case strings.

export const lifecycles = ['lead', 'customer', 'active', 'at_risk', 'churned', 'vip'] as const;
export type Lifecycle = (typeof lifecycles)[number];

export const intents = ['sales_opportunity', 'support', 'general', 'no_engagement'] as const;
export type Intent = (typeof intents)[number];

export const channels = ['whatsapp', 'sms', 'phone', 'email', 'widget', 'instagram'] as const;
export type Channel = (typeof channels)[number];

export interface Stats {
  all: number;
  active: number;
  needsAttention: number;
  salesOpportunities: number;
}

/** One item of `GET /api/v1/customers`, and what the hub pushes for a changed customer. */
export interface CustomerRow {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  company: string | null;
  avatarUrl: string | null;
  initials: string;
  lifecycle: Lifecycle;
  tags: string[];
  intent: Intent;
  lastActive: string | null;
  firstSeen: string;
  conversations: number;
  messages: number;
  orders: number;
  lifetimeValue: number;
  csatAverage: number | null;
}

export interface CustomerPage {
  items: CustomerRow[];
  nextCursor: string | null;
}

export interface Profile {
  name: string | null;
  email: string | null;
  phone: string | null;
  company: string | null;
  city: string | null;
  country: string | null;
  language: string | null;
  avatarUrl: string | null;
}

export type ProfileField = keyof Profile;

export type AttributeKind = 'string' | 'number' | 'boolean' | 'date';

export interface AttributeValue {
  kind: AttributeKind;
  text?: string | null;
  number?: number | null;
  boolean?: boolean | null;
  date?: string | null;
}

export interface Note {
  id: string;
  author: string;
  text: string;
  at: string;
  editedAt: string | null;
}

export interface ConversationSummary {
  id: string;
  channel: string;
  status: 'open' | 'closed';
  startedAt: string;
  lastMessageAt: string | null;
  messageCount: number;
  lastSnippet: string | null;
  /** How the latest inbound message with text sounded; absent from servers before sentiment, null until one arrives. */
  sentiment?: Sentiment | null;
}

export type Sentiment = 'negative' | 'neutral' | 'positive';

export type IntentReasonKind =
  | 'message'
  | 'pricing_view'
  | 'cart_view'
  | 'order'
  | 'sentiment'
  | 'unanswered'
  | 'slow_reply'
  | 'reopened'
  | 'silence'
  | 'in_touch'
  | 'no_conversation'
  | 'agent';

/** One reason of the intent: what produced it, its vote and share, and the conversation (and message) behind it. */
export interface IntentReason {
  kind: IntentReasonKind;
  text: string;
  weight: number;
  share: number;
  at: string | null;
  conversationId: string | null;
  messageId: string | null;
}

export interface IntentSignal {
  intent: Intent;
  score: number;
  reasons: string[];
  /** Absent from servers before reasons were data; empty for a signal stored before then. */
  why?: IntentReason[];
}

export interface OrderRecord {
  id: string;
  amount: number;
  currency: string;
  placedAt: string;
  refundedAt: string | null;
}

export interface ChannelIdentity {
  channel: Channel;
  value: string;
}

export interface Customer {
  id: string;
  profile: Profile;
  firstSeen: string;
  lastActive: string | null;
  lastContact: string | null;
  conversations: number;
  messages: number;
  orders: number;
  lifetimeValue: number;
  csatCount: number;
  csatAverage: number | null;
  lifecycle: Lifecycle;
  manualLifecycle: { stage: Lifecycle; actor: string; at: string } | null;
  intent: IntentSignal;
  /** An agent's confirmation or correction, standing until the computed intent moves from `computedIntentThen`. */
  intentCorrection?: IntentCorrection | null;
  tags: string[];
  segments: string[];
  identities: ChannelIdentity[];
  attributes: Record<string, AttributeValue>;
  notes: Note[];
  recentConversations: ConversationSummary[];
  /** The current sentiment: most common among the last five inbound messages of 30 days, ties to the latest. */
  sentiment?: Sentiment;
  /** The last two inbound messages turned negative after a non-negative one: a needs-attention candidate. */
  sentimentTurnedNegative?: boolean;
  recentOrders: OrderRecord[];
  /** Set when the id asked for was merged away: the body is then the survivor's. */
  mergedInto: string | null;
}

export interface IntentCorrection {
  intent: Intent;
  actor: string;
  at: string;
  note: string | null;
  computedIntentThen: Intent;
  confirmed: boolean;
}

export interface TimelineEntry {
  sequence: number;
  at: string;
  kind: string;
  actor: string;
  summary: string;
}

export interface TimelinePage {
  items: TimelineEntry[];
  nextBefore: number | null;
}

export interface DuplicateSuggestion {
  customerId: string;
  otherCustomerId: string;
  channel: string;
  value: string;
  at: string;
}

export interface Segment {
  id: string;
  name: string;
  description?: string | null;
  kind: 'static' | 'rule';
}

export interface MergeResult {
  survivor: Customer;
  duplicateId: string;
  dryRun: boolean;
}
