import type { Customer, Sentiment } from '../../api/types';
import { RelativeTime } from '../../components/RelativeTime';
import { count, dateTime } from '../../format';
import { channelLabels } from '../../labels';

const sentimentLabels: Record<Sentiment, string> = { negative: 'Negative', neutral: 'Neutral', positive: 'Positive' };

export function ConversationsTab({ customer }: { customer: Customer }) {
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
          <tr key={conversation.id}>
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
