import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { intents } from '../../api/types';
import { VirtualList } from '../../components/VirtualList';
import { count, plural } from '../../format';
import { intentLabels, sortOptions } from '../../labels';
import { useWatchCustomers } from '../../live/LiveContext';
import { navigate, useLocation } from '../../router';
import { useSession } from '../../SessionContext';
import { useSegments } from '../../useSegments';
import { BulkBar } from './BulkActions';
import { CustomerTableHeader, CustomerTableRow } from './CustomerTableRow';
import { FilterPanel } from './FilterPanel';
import { activeFilterCount, href, listQuery, sortOf, withParameter } from './listQuery';
import { SearchBox } from './SearchBox';
import { selectedCard, StatCards, statCards, type StatCard } from './StatCards';
import { useCustomerList } from './useCustomerList';
import { useStats } from './useStats';

const rowHeight = 56;

export function CustomersPage() {
  const { api } = useSession();
  const location = useLocation();
  const query = useMemo(() => listQuery(location.search), [location.search]);
  const queryText = query.toString();
  const list = useCustomerList(api, queryText);
  const { stats, reload: reloadStats } = useStats(api);
  const segments = useSegments(api);
  const [filtersOpen, setFiltersOpen] = useState(() => activeFilterCount(query) > 0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const previousQuery = useRef(queryText);
  const [range, setRange] = useState<[number, number]>([0, 0]);
  const onRangeChange = useCallback((first: number, last: number) => setRange([first, last]), []);
  useWatchCustomers('customer-list', list.rows.slice(range[0], range[1]).map((row) => row.id));

  useEffect(() => {
    if (previousQuery.current !== queryText) {
      previousQuery.current = queryText;
      setSelected(new Set());
    }
  }, [queryText]);

  const show = useCallback((next: URLSearchParams, replace = false) => navigate(href(next), { replace }), []);

  const selectCard = (card: StatCard) => {
    const { filter } = statCards.find((item) => item.card === card)!;
    const cleared = withParameter(withParameter(query, 'lifecycle', null), 'intent', null);
    const withLifecycle = filter.lifecycle ? withParameter(cleared, 'lifecycle', filter.lifecycle) : cleared;
    show(filter.intent ? withParameter(withLifecycle, 'intent', filter.intent) : withLifecycle);
  };

  const toggle = useCallback(
    (id: string) =>
      setSelected((current) => {
        const next = new Set(current);
        if (!next.delete(id)) {
          next.add(id);
        }
        return next;
      }),
    [],
  );
  const allSelected = list.rows.length > 0 && list.rows.every((row) => selected.has(row.id));
  const toggleAll = () => setSelected(allSelected ? new Set() : new Set(list.rows.map((row) => row.id)));

  const afterBulk = (ids: string[]) => {
    void list.refresh(ids);
    reloadStats();
  };

  const filterCount = activeFilterCount(query);
  const unfiltered = queryText.length === 0 || [...query.keys()].every((name) => name === 'sort');

  return (
    <div className="customers-page">
      <StatCards stats={stats} selected={selectedCard(query)} onSelect={selectCard} />
      <div className="toolbar">
        <SearchBox value={query.get('q') ?? ''} onSearch={(text) => show(withParameter(query, 'q', text.trim()), true)} />
        <select aria-label="Intent" name="intent" value={query.get('intent') ?? ''} onChange={(event) => show(withParameter(query, 'intent', event.target.value))}>
          <option value="">All intents</option>
          {intents.map((intent) => (
            <option key={intent} value={intent}>
              {intentLabels[intent]}
            </option>
          ))}
        </select>
        <select aria-label="Sort" name="sort" value={sortOf(query)} onChange={(event) => show(withParameter(query, 'sort', event.target.value))}>
          {sortOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <button type="button" className="button" aria-expanded={filtersOpen} onClick={() => setFiltersOpen((open) => !open)}>
          Filters{filterCount > 0 ? ` (${filterCount})` : ''}
        </button>
        {!unfiltered && (
          <button type="button" className="button button-quiet" onClick={() => show(withParameter(new URLSearchParams(), 'sort', query.get('sort')))}>
            Clear all
          </button>
        )}
      </div>
      {filtersOpen && <FilterPanel query={query} segments={segments} onChange={show} />}
      <div className="customer-table" role="table" aria-label="Customers" aria-rowcount={list.complete ? list.rows.length + 1 : -1}>
        <CustomerTableHeader allSelected={allSelected} someSelected={selected.size > 0} onToggleAll={toggleAll} />
        <VirtualList
          label="Customer rows"
          count={list.rows.length}
          rowHeight={rowHeight}
          onNearEnd={list.loadMore}
          onRangeChange={onRangeChange}
          renderRow={(index) => {
            const row = list.rows[index]!;
            return <CustomerTableRow row={row} selected={selected.has(row.id)} onToggle={toggle} />;
          }}
          footer={
            <div className="list-footer" data-testid="list-footer">
              {list.error ? (
                <span className="form-error" role="alert">
                  {list.error.message}
                </span>
              ) : list.loading ? (
                'Loading…'
              ) : list.rows.length === 0 ? (
                'No customers match.'
              ) : list.complete ? (
                plural(list.rows.length, 'customer')
              ) : (
                `${count(list.rows.length)}${unfiltered && stats ? ` of ${count(stats.all)}` : ''} loaded; scroll for more`
              )}
            </div>
          }
        />
      </div>
      {selected.size > 0 && <BulkBar selectedIds={[...selected]} segments={segments} onClear={() => setSelected(new Set())} onChanged={afterBulk} />}
    </div>
  );
}
