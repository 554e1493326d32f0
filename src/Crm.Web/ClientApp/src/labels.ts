import type { Channel, Intent, Lifecycle } from './api/types';

export const lifecycleLabels: Record<Lifecycle, string> = {
  lead: 'Lead',
  customer: 'Customer',
  active: 'Active',
  at_risk: 'At risk',
  churned: 'Churned',
  vip: 'VIP',
};

export const intentLabels: Record<Intent, string> = {
  sales_opportunity: 'Sales opportunity',
  support: 'Support',
  general: 'General',
  no_engagement: 'No engagement',
};

export const channelLabels: Record<Channel, string> = {
  whatsapp: 'WhatsApp',
  sms: 'SMS',
  phone: 'Phone',
  email: 'Email',
  widget: 'Web chat',
  instagram: 'Instagram',
};

export const defaultSort = '-lastActive';

/** Every order `GET /api/v1/customers` offers, both ways, as a person would name it. */
export const sortOptions: { value: string; label: string }[] = [
  { value: '-lastActive', label: 'Last active, newest first' },
  { value: 'lastActive', label: 'Last active, oldest first' },
  { value: 'name', label: 'Name A–Z' },
  { value: '-name', label: 'Name Z–A' },
  { value: '-firstSeen', label: 'First seen, newest first' },
  { value: 'firstSeen', label: 'First seen, oldest first' },
  { value: '-conversations', label: 'Most conversations' },
  { value: 'conversations', label: 'Fewest conversations' },
  { value: '-messages', label: 'Most messages' },
  { value: 'messages', label: 'Fewest messages' },
  { value: '-ltv', label: 'Lifetime value, highest first' },
  { value: 'ltv', label: 'Lifetime value, lowest first' },
];
