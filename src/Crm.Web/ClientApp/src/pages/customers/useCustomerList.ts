import { useCallback, useEffect, useRef, useState } from 'react';
import type { CrmApi } from '../../api/CrmApi';
import type { CustomerRow } from '../../api/types';
import { useLiveEvent } from '../../live/LiveContext';

/** Rows asked for per page: a screenful several times over, so scrolling rarely waits. */
export const pageSize = 100;

export interface CustomerList {
  rows: CustomerRow[];
  loading: boolean;
  complete: boolean;
  error: Error | null;
  loadMore: () => void;
  /** Rereads the given rows (those shown): after a change made from here, or when the hub starts pushing their changes. */
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

  /** The rows each reread in flight asks for, and those a push overtook: the reread must not put older values back. */
  const rereads = useRef(new Set<{ ids: ReadonlySet<string>; overtaken: Set<string> }>());

  const refresh = useCallback(
    async (ids: string[]) => {
      const wanted = new Set(ids);
      const shown = current.rows.filter((row) => wanted.has(row.id)).map((row) => row.id);
      const reread = { ids: new Set(shown), overtaken: new Set<string>() };
      rereads.current.add(reread);
      try {
        const latest = await api.customerRows(shown).catch(() => []);
        const fresh = new Map(latest.filter((row) => !reread.overtaken.has(row.id)).map((row) => [row.id, row]));
        replaceRows((rows) => rows.map((row) => fresh.get(row.id) ?? row));
      } finally {
        rereads.current.delete(reread);
      }
    },
    [api, current.rows, replaceRows],
  );

  useLiveEvent('watched', ({ ids }) => void refresh(ids));
  useLiveEvent('customerChanged', (changed) => {
    rereads.current.forEach((reread) => reread.ids.has(changed.id) && reread.overtaken.add(changed.id));
    replaceRows((rows) => (rows.some((row) => row.id === changed.id) ? rows.map((row) => (row.id === changed.id ? changed : row)) : rows));
  });
  useLiveEvent('customerRemoved', ({ id }) => replaceRows((rows) => rows.filter((row) => row.id !== id)));
  useLiveEvent('customerMerged', ({ duplicateId }) => replaceRows((rows) => rows.filter((row) => row.id !== duplicateId)));

  return { rows: current.rows, loading: current.loading, complete: current.complete, error: current.error, loadMore, refresh };
}
