import { memo } from 'react';
import type { CustomerRow } from '../../api/types';
import { Avatar, IntentPill, LifecycleBadge, TagBadge } from '../../components/Badges';
import { RelativeTime } from '../../components/RelativeTime';
import { count, money } from '../../format';
import { Link } from '../../router';

const maxTagsShown = 3;

export const CustomerTableRow = memo(function CustomerTableRow({
  row,
  selected,
  onToggle,
}: {
  row: CustomerRow;
  selected: boolean;
  onToggle: (id: string) => void;
}) {
  const displayName = row.name ?? row.email ?? row.phone ?? 'Unnamed customer';
  const hiddenTags = row.tags.length - maxTagsShown;
  return (
    <div className={`customer-row${selected ? ' is-selected' : ''}`} data-testid="customer-row" data-id={row.id}>
      <span role="cell" className="cell-check">
        <input type="checkbox" checked={selected} onChange={() => onToggle(row.id)} aria-label={`Select ${displayName}`} />
      </span>
      <span role="cell" className="cell-customer">
        <Avatar url={row.avatarUrl} initials={row.initials} />
        <Link href={`/customers/${encodeURIComponent(row.id)}`} className="customer-link">
          <span className="customer-name" data-testid="customer-name">
            {displayName}
          </span>
          <span className="customer-email muted">{row.email ?? row.company ?? ''}</span>
        </Link>
      </span>
      <span role="cell">
        <LifecycleBadge lifecycle={row.lifecycle} />
      </span>
      <span role="cell" className="cell-tags" data-testid="row-tags">
        {row.tags.slice(0, maxTagsShown).map((tag) => (
          <TagBadge key={tag} tag={tag} />
        ))}
        {hiddenTags > 0 && (
          <span className="tag tag-more" title={row.tags.slice(maxTagsShown).join(', ')}>
            +{hiddenTags}
          </span>
        )}
      </span>
      <span role="cell">
        <IntentPill intent={row.intent} />
      </span>
      <span role="cell" className="cell-number" data-testid="row-conversations">
        {count(row.conversations)}
      </span>
      <span role="cell" className="cell-number" data-testid="row-ltv">
        {money(row.lifetimeValue)}
      </span>
      <span role="cell" className="cell-time">
        <RelativeTime iso={row.lastActive} />
      </span>
    </div>
  );
});

export function CustomerTableHeader({ allSelected, someSelected, onToggleAll }: { allSelected: boolean; someSelected: boolean; onToggleAll: () => void }) {
  return (
    <div className="customer-row customer-header" role="row" aria-rowindex={1}>
      <span role="columnheader" className="cell-check">
        <input
          type="checkbox"
          checked={allSelected}
          ref={(element) => {
            if (element) {
              element.indeterminate = someSelected && !allSelected;
            }
          }}
          onChange={onToggleAll}
          aria-label="Select all loaded customers"
          data-testid="select-all"
        />
      </span>
      <span role="columnheader">Customer</span>
      <span role="columnheader">Lifecycle</span>
      <span role="columnheader">Tags</span>
      <span role="columnheader">Intent</span>
      <span role="columnheader" className="cell-number">
        Conversations
      </span>
      <span role="columnheader" className="cell-number">
        Lifetime value
      </span>
      <span role="columnheader" className="cell-time">
        Last active
      </span>
    </div>
  );
}
