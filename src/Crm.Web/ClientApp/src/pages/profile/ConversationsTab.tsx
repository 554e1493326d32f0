import { useEffect, useRef } from 'react';
import type { Customer, Sentiment } from '../../api/types';
import { RelativeTime } from '../../components/RelativeTime';
import { count, dateTime } from '../../format';
import { channelLabels } from '../../labels';
import { useLocation } from '../../router';

const sentimentLabels: Record<Sentiment, string> = { negative: 'Negative', neutral: 'Neutral', positive: 'Positive' };

/** A conversation named in the address (`conversation=`, as the intent's reasons link) is marked and scrolled to. */
export function ConversationsTab({ customer }: { customer: Customer }) {
  const selected = useLocation().search.get('conversation');
  const selectedRow = useRef<HTMLTableRowElement>(null);
  useEffect(() => selectedRow.current?.scrollIntoView({ block: 'nearest' }), [selected]);
  const conversations = [...customer.recentConversations].sort((a, b) => Date.parse(b.lastMessageAt ?? b.startedAt) - Date.parse(a.lastMessageAt ?? a.startedAt));
  if (conversations.length === 0) {
    return <p className="muted">No conversations yet.</p>;
  }
  return (
    <table className="simple-table" data-testid="conversations">
      <thead>
        <tr>
          <th>Channel</th>
          <th>Status</th>
          <th>Started</th>
          <th>Last message</th>
          <th className="cell-number">Messages</th>
          <th>Sentiment</th>
          <th>Latest</th>
        </tr>
      </thead>
      <tbody>
        {conversations.map((conversation) => (
          <tr
            key={conversation.id}
            data-conversation-id={conversation.id}
            className={conversation.id === selected ? 'is-selected' : undefined}
            aria-current={conversation.id === selected ? 'true' : undefined}
            ref={conversation.id === selected ? selectedRow : undefined}
          >
            <td>{channelLabels[conversation.channel as keyof typeof channelLabels] ?? conversation.channel}</td>
            <td>
              <span className={`badge conversation-${conversation.status}`}>{conversation.status === 'open' ? 'Open' : 'Closed'}</span>
            </td>
            <td>{dateTime(conversation.startedAt)}</td>
            <td>
              <RelativeTime iso={conversation.lastMessageAt} />
            </td>
            <td className="cell-number">{count(conversation.messageCount)}</td>
            <td>{conversation.sentiment ? <span className={`badge sentiment-${conversation.sentiment}`}>{sentimentLabels[conversation.sentiment]}</span> : ''}</td>
            <td className="snippet">{conversation.lastSnippet ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
