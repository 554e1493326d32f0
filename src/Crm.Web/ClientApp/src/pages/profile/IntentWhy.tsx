import type { Customer, IntentReason, IntentReasonKind } from '../../api/types';
import { IntentPill } from '../../components/Badges';
import { dateTime } from '../../format';
import { channelLabels } from '../../labels';
import { Link } from '../../router';

const kindLabels: Record<IntentReasonKind, string> = {
  message: 'Message',
  pricing_view: 'Pricing page',
  cart_view: 'Cart',
  order: 'Order',
  sentiment: 'Sentiment',
  unanswered: 'Unanswered',
  slow_reply: 'Slow reply',
  reopened: 'Reopened',
  silence: 'Silence',
  in_touch: 'In touch',
  no_conversation: 'No conversation',
};

/** The profile link that opens the conversations tab on one conversation. */
export function conversationHref(customerId: string, conversationId: string): string {
  return `/customers/${encodeURIComponent(customerId)}?${new URLSearchParams({ tab: 'conversations', conversation: conversationId })}`;
}

/** Reasons as data when the server sends them; the texts alone from a server before that. */
function reasonsOf(customer: Customer): IntentReason[] {
  const { intent } = customer;
  if (intent.why && intent.why.length > 0) {
    return intent.why;
  }
  return intent.reasons.map((text) => ({ kind: 'message', text, weight: 0, share: 0, at: null, conversationId: null, messageId: null }));
}

function ReasonItem({ customer, reason }: { customer: Customer; reason: IntentReason }) {
  const conversation = reason.conversationId === null ? undefined : customer.recentConversations.find((item) => item.id === reason.conversationId);
  const channel = conversation ? (channelLabels[conversation.channel as keyof typeof channelLabels] ?? conversation.channel) : null;
  return (
    <li className="why-reason" data-kind={reason.kind}>
      <span className={`badge why-kind why-${reason.kind}`}>{kindLabels[reason.kind] ?? reason.kind}</span>
      <span className="why-text">{reason.text}</span>
      {reason.share > 0 && <span className="muted why-share">{Math.round(reason.share * 100)}%</span>}
      {reason.at && <span className="muted why-at">{dateTime(reason.at)}</span>}
      {reason.conversationId !== null && (
        <Link
          href={conversationHref(customer.id, reason.conversationId)}
          className="why-link"
          data-testid="why-conversation-link"
          data-conversation-id={reason.conversationId}
          title={reason.messageId ? `message ${reason.messageId}` : undefined}
        >
          {channel ? `${channel} conversation` : 'Conversation'}
        </Link>
      )}
    </li>
  );
}

/** The intent pill with the reasons that produced it, each message-borne one linking to its conversation. */
export function IntentWhy({ customer }: { customer: Customer }) {
  const reasons = reasonsOf(customer);
  return (
    <span className="intent-signal" data-testid="intent-signal">
      <IntentPill intent={customer.intent.intent} />
      <details className="intent-why" data-testid="intent-why">
        <summary>Why? · {Math.round(customer.intent.score * 100)}%</summary>
        <ol className="why-list card">
          {reasons.map((reason, index) => (
            <ReasonItem key={`${reason.kind}-${index}`} customer={customer} reason={reason} />
          ))}
        </ol>
      </details>
    </span>
  );
}
