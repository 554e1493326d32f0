import { useEffect, useState } from 'react';
import { lifecycles, type Channel, type Customer, type DuplicateSuggestion, type Lifecycle } from '../../api/types';
import { FormError } from '../../components/FieldError';
import { RelativeTime } from '../../components/RelativeTime';
import { count, date, money, plural } from '../../format';
import { channelLabels, lifecycleLabels } from '../../labels';
import { Link } from '../../router';
import { useSession } from '../../SessionContext';
import { ActivityChart } from './ActivityChart';

interface OverviewProps {
  customer: Customer;
  onChanged: (customer: Customer) => void;
  onReviewDuplicate: (otherId: string) => void;
}

function valuesByChannel(customer: Customer): Map<Channel, string[]> {
  const grouped = new Map<Channel, string[]>();
  for (const identity of customer.identities) {
    grouped.set(identity.channel, [...(grouped.get(identity.channel) ?? []), identity.value]);
  }
  return grouped;
}

export function OverviewTab({ customer, onChanged, onReviewDuplicate }: OverviewProps) {
  const { profile } = customer;
  const location = [profile.city, profile.country].filter(Boolean).join(', ');
  return (
    <div className="overview">
      <Duplicates customerId={customer.id} onReview={onReviewDuplicate} />
      <div className="overview-grid">
        <section>
          <h3>Contact</h3>
          <dl className="facts">
            <dt>Email</dt>
            <dd>{profile.email ?? '—'}</dd>
            <dt>Phone</dt>
            <dd>{profile.phone ?? '—'}</dd>
            <dt>Company</dt>
            <dd>{profile.company ?? '—'}</dd>
            <dt>Location</dt>
            <dd>{location || '—'}</dd>
            <dt>Language</dt>
            <dd>{profile.language ?? '—'}</dd>
          </dl>
        </section>
        <section>
          <h3>Lifecycle</h3>
          <LifecycleControl customer={customer} onChanged={onChanged} />
          <h3>Identities</h3>
          {customer.identities.length === 0 ? (
            <p className="muted">No channel identities.</p>
          ) : (
            <dl className="facts" data-testid="identities">
              {[...valuesByChannel(customer)].map(([channel, values]) => (
                <div key={channel} className="fact-row">
                  <dt>{channelLabels[channel]}</dt>
                  <dd>{values.join(', ')}</dd>
                </div>
              ))}
            </dl>
          )}
        </section>
        <section>
          <h3>Engagement</h3>
          <dl className="facts">
            <dt>Conversations</dt>
            <dd>{count(customer.conversations)}</dd>
            <dt>Messages</dt>
            <dd>{count(customer.messages)}</dd>
            <dt>CSAT</dt>
            <dd>{customer.csatAverage === null ? 'No scores yet' : `${customer.csatAverage.toFixed(1)} of 5 (${plural(customer.csatCount, 'score')})`}</dd>
            <dt>Last contact</dt>
            <dd>
              <RelativeTime iso={customer.lastContact} />
            </dd>
            <dt>Last active</dt>
            <dd>
              <RelativeTime iso={customer.lastActive} />
            </dd>
            <dt>First seen</dt>
            <dd>{date(customer.firstSeen)}</dd>
            <dt>Intent</dt>
            <dd title={customer.intent.reasons.join('; ')}>
              {customer.intent.reasons.join('; ') || '—'} ({Math.round(customer.intent.score * 100)}%)
            </dd>
          </dl>
          <ActivityChart customerId={customer.id} version={customer.lastActive ?? customer.firstSeen} />
        </section>
        <section>
          <h3>Orders</h3>
          <dl className="facts">
            <dt>Lifetime value</dt>
            <dd data-testid="profile-ltv">{money(customer.lifetimeValue)}</dd>
            <dt>Orders</dt>
            <dd>{count(customer.orders)}</dd>
          </dl>
          {customer.recentOrders.length > 0 && (
            <table className="simple-table">
              <thead>
                <tr>
                  <th>Order</th>
                  <th>Placed</th>
                  <th className="cell-number">Amount</th>
                </tr>
              </thead>
              <tbody>
                {customer.recentOrders.map((order) => (
                  <tr key={order.id} className={order.refundedAt ? 'is-refunded' : undefined}>
                    <td>
                      {order.id}
                      {order.refundedAt && <span className="muted"> (refunded)</span>}
                    </td>
                    <td>{date(order.placedAt)}</td>
                    <td className="cell-number">{money(order.amount, order.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </div>
  );
}

function LifecycleControl({ customer, onChanged }: { customer: Customer; onChanged: (customer: Customer) => void }) {
  const { api } = useSession();
  const [stage, setStage] = useState<Lifecycle>(customer.lifecycle);
  const [error, setError] = useState<Error | null>(null);
  const [saving, setSaving] = useState(false);
  const [shown, setShown] = useState(customer.lifecycle);
  if (shown !== customer.lifecycle) {
    setShown(customer.lifecycle);
    setStage(customer.lifecycle);
  }

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      onChanged(await api.setLifecycle(customer.id, stage));
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="lifecycle-control">
      <select aria-label="Lifecycle stage" name="lifecycle" value={stage} onChange={(event) => setStage(event.target.value as Lifecycle)}>
        {lifecycles.map((value) => (
          <option key={value} value={value}>
            {lifecycleLabels[value]}
          </option>
        ))}
      </select>
      <button type="button" className="button button-small" disabled={saving || stage === customer.lifecycle} onClick={() => void save()}>
        Change
      </button>
      {customer.manualLifecycle && (
        <p className="muted">
          Set by hand by {customer.manualLifecycle.actor}, <RelativeTime iso={customer.manualLifecycle.at} />.
        </p>
      )}
      <FormError error={error} fields={[]} />
    </div>
  );
}

function Duplicates({ customerId, onReview }: { customerId: string; onReview: (otherId: string) => void }) {
  const { api } = useSession();
  const [suggestions, setSuggestions] = useState<DuplicateSuggestion[]>([]);
  useEffect(() => {
    const abort = new AbortController();
    api.duplicates(abort.signal).then(
      (all) => setSuggestions(all.filter((item) => item.customerId === customerId || item.otherCustomerId === customerId)),
      () => setSuggestions([]),
    );
    return () => abort.abort();
  }, [api, customerId]);

  if (suggestions.length === 0) {
    return null;
  }
  return (
    <div className="duplicates" role="note" data-testid="duplicates">
      <strong>Possible duplicates</strong>
      <ul>
        {suggestions.map((item) => {
          const other = item.customerId === customerId ? item.otherCustomerId : item.customerId;
          return (
            <li key={`${other}/${item.channel}/${item.value}`}>
              <Link href={`/customers/${encodeURIComponent(other)}`}>Another customer</Link> also claims {channelLabels[item.channel as keyof typeof channelLabels] ?? item.channel}{' '}
              <code>{item.value}</code>.{' '}
              <button type="button" className="button button-small" onClick={() => onReview(other)}>
                Review merge
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
