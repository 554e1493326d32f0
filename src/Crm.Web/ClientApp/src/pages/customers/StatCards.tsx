import type { Stats } from '../../api/types';
import { count } from '../../format';

export type StatCard = keyof Stats;

/** Each card and the list filter that shows its customers. */
export const statCards: { card: StatCard; label: string; filter: { lifecycle?: string; intent?: string } }[] = [
  { card: 'all', label: 'All Customers', filter: {} },
  { card: 'active', label: 'Active', filter: { lifecycle: 'active' } },
  { card: 'needsAttention', label: 'Needs Attention', filter: { lifecycle: 'at_risk' } },
  { card: 'salesOpportunities', label: 'Sales Opportunities', filter: { intent: 'sales_opportunity' } },
];

/** The card whose filter is exactly the list's lifecycle and intent filters, if any. */
export function selectedCard(query: URLSearchParams): StatCard | null {
  const lifecycles = query.getAll('lifecycle');
  const intent = query.get('intent');
  const match = statCards.find(
    ({ filter }) =>
      (filter.lifecycle === undefined ? lifecycles.length === 0 : lifecycles.length === 1 && lifecycles[0] === filter.lifecycle) &&
      (filter.intent ?? null) === intent,
  );
  return match?.card ?? null;
}

export function StatCards({ stats, selected, onSelect }: { stats: Stats | null; selected: StatCard | null; onSelect: (card: StatCard) => void }) {
  return (
    <section className="stat-cards" aria-label="Customer counts">
      {statCards.map(({ card, label }) => (
        <button
          key={card}
          type="button"
          className={`stat-card stat-${card}`}
          aria-pressed={selected === card}
          onClick={() => onSelect(card)}
          data-testid={`stat-${card}`}
        >
          <span className="stat-label">{label}</span>
          <span className="stat-value" data-testid={`stat-${card}-value`}>
            {stats === null ? '…' : count(stats[card])}
          </span>
        </button>
      ))}
    </section>
  );
}
