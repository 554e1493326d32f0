import { useCallback, useEffect, useRef, useState } from 'react';
import type { CrmApi } from '../../api/CrmApi';
import type { Customer, CustomerRow } from '../../api/types';
import { useLiveEvent } from '../../live/LiveContext';

/** Rows asked for per page: a screenful several times over, so scrolling rarely waits. */
export const pageSize = 100;

/** Above this many changed rows a fresh first page costs less than reading each customer. */
const maxRowsRefreshedOneByOne = 100;

export interface CustomerList {
  rows: CustomerRow[];
  loading: boolean;
  complete: boolean;
  error: Error | null;
  loadMore: () => void;
  /** Re-reads the given rows after a change made from here, for when no live push is coming. */
  refresh: (ids: string[]) => Promise<void>;
}

interface ListState {
  query: string;
  rows: CustomerRow[];
  nextCursor: string | null;
  loading: boolean;
  complete: boolean;
  error: Error | null;
}

function initial(query: string): ListState {
  return { query, rows: [], nextCursor: null, loading: true, complete: false, error: null };
}

/** The row a list push would carry, built from a full customer; initials stay as the list last gave them. */
function rowFrom(customer: Customer, previous: CustomerRow): CustomerRow {
  const { profile } = customer;
  return {
    ...previous,
    name: profile.name,
    email: profile.email,
    phone: profile.phone,
    company: profile.company,
    avatarUrl: profile.avatarUrl,
    lifecycle: customer.lifecycle,
    tags: customer.tags,
    intent: customer.intent.intent,
    lastActive: customer.lastActive,
    firstSeen: customer.firstSeen,
    conversations: customer.conversations,
    messages: customer.messages,
    orders: customer.orders,
    lifetimeValue: customer.lifetimeValue,
    csatAverage: customer.csatAverage,
  };
}

/**
 * The customer list for one query, read page by page over the API's cursor as the view scrolls, with live pushes applied
 * in place: a changed customer's row is replaced where it is, a removed one leaves.
 */
export function useCustomerList(api: CrmApi, query: string): CustomerList {
  const [state, setState] = useState<ListState>(() => initial(query));
  const inFlight = useRef<AbortController | null>(null);
  const current = state.query === query ? state : initial(query);

  const fetchPage = useCallback(
    (cursor: string | null) => {
      inFlight.current?.abort();
      const abort = new AbortController();
      inFlight.current = abort;
      setState((previous) => ({ ...(previous.query === query ? previous : initial(query)), loading: true, error: null }));
      api.customers(new URLSearchParams(query), cursor, pageSize, abort.signal).then(
        (page) =>
          setState((previous) => {
            if (previous.query !== query) {
              return previous;
            }
            const known = new Set(previous.rows.map((row) => row.id));
            const rows = cursor === null ? page.items : [...previous.rows, ...page.items.filter((row) => !known.has(row.id))];
            return { query, rows, nextCursor: page.nextCursor, loading: false, complete: page.nextCursor === null, error: null };
          }),
        (failure: Error) => {
          if (!abort.signal.aborted) {
            setState((previous) => (previous.query === query ? { ...previous, loading: false, error: failure } : previous));
          }
        },
      );
    },
    [api, query],
  );

  useEffect(() => {
    fetchPage(null);
    return () => inFlight.current?.abort();
  }, [fetchPage]);

  const loadMore = useCallback(() => {
    if (!current.loading && !current.complete && current.error === null && current.nextCursor !== null) {
      fetchPage(current.nextCursor);
    }
  }, [current.loading, current.complete, current.error, current.nextCursor, fetchPage]);

  const replaceRows = useCallback(
    (change: (rows: CustomerRow[]) => CustomerRow[]) =>
      setState((previous) => {
        const rows = previous.query === query ? change(previous.rows) : previous.rows;
        return rows === previous.rows ? previous : { ...previous, rows };
      }),
    [query],
  );

  const refresh = useCallback(
    async (ids: string[]) => {
      const wanted = new Set(ids);
      const shown = current.rows.filter((row) => wanted.has(row.id));
      if (shown.length > maxRowsRefreshedOneByOne) {
        fetchPage(null);
        return;
      }
      const customers = await Promise.all(shown.map((row) => api.customer(row.id).catch(() => null)));
      const fresh = new Map(customers.flatMap((customer, index) => (customer ? [[shown[index]!.id, rowFrom(customer, shown[index]!)] as const] : [])));
      replaceRows((rows) => rows.map((row) => fresh.get(row.id) ?? row));
    },
    [api, current.rows, fetchPage, replaceRows],
  );

  useLiveEvent('customerChanged', (changed) => replaceRows((rows) => (rows.some((row) => row.id === changed.id) ? rows.map((row) => (row.id === changed.id ? changed : row)) : rows)));
  useLiveEvent('customerRemoved', ({ id }) => replaceRows((rows) => rows.filter((row) => row.id !== id)));
  useLiveEvent('customerMerged', ({ duplicateId }) => replaceRows((rows) => rows.filter((row) => row.id !== duplicateId)));

  return { rows: current.rows, loading: current.loading, complete: current.complete, error: current.error, loadMore, refresh };
}
