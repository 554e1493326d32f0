import { useRef } from 'react';
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
  agent: 'Agent',
};

/** The profile link that opens the conversations tab on one conversation. */
function conversationHref(customerId: string, conversationId: string): string {
  return `/customers/${encodeURIComponent(customerId)}?${new URLSearchParams({ tab: 'conversations', conversation: conversationId })}`;
}

function ReasonItem({ customer, reason, onFollow }: { customer: Customer; reason: IntentReason; onFollow: () => void }) {
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
          onClick={onFollow}
        >
          {channel ? `${channel} conversation` : 'Conversation'}
        </Link>
      )}
    </li>
  );
}

/**
 * The intent pill with the reasons that produced it, each one a conversation produced linking to that conversation; a signal
 * stored before reasons were data shows its reason texts alone.
 */
export function IntentWhy({ customer }: { customer: Customer }) {
  const why = customer.intent.why ?? [];
  const details = useRef<HTMLDetailsElement>(null);
  // The list opens over the tabs; following a link to a conversation closes it so the conversation shows.
  const close = () => details.current?.removeAttribute('open');
  return (
    <span className="intent-signal" data-testid="intent-signal">
      <IntentPill intent={customer.intent.intent} />
      <details className="intent-why" data-testid="intent-why" ref={details}>
        <summary>Why? · {Math.round(customer.intent.score * 100)}%</summary>
        <ol className="why-list card">
          {why.length > 0
            ? why.map((reason, index) => <ReasonItem key={`${reason.kind}-${index}`} customer={customer} reason={reason} onFollow={close} />)
            : customer.intent.reasons.map((text) => (
                <li key={text} className="why-reason">
                  <span className="why-text">{text}</span>
                </li>
              ))}
        </ol>
      </details>
    </span>
  );
}
