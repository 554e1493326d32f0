import { useCallback, useEffect, useRef, useState } from 'react';
import type { Customer } from '../../api/types';
import { useLiveEvent, useWatchCustomers } from '../../live/LiveContext';
import { navigate } from '../../router';
import { useSession } from '../../SessionContext';

export interface LoadedCustomer {
  customer: Customer | null;
  error: Error | null;
  reload: () => void;
  /** Takes a customer an edit answered with, so the page shows it without reading it again. */
  update: (customer: Customer) => void;
}

/** Live pushes for the open customer arrive coalesced, but a burst still needs no more than one re-read per interval. */
const reloadAtMostEveryMs = 500;

/** One customer, re-read when the hub says it changed; a merged id moves the page to its survivor. */
export function useCustomer(id: string): LoadedCustomer {
  const { api } = useSession();
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const pendingReload = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const update = useCallback(
    (loaded: Customer) => {
      if (loaded.id !== id) {
        navigate(`/customers/${encodeURIComponent(loaded.id)}`, { replace: true });
        return;
      }
      setCustomer(loaded);
      setError(null);
    },
    [id],
  );

  const reload = useCallback(() => {
    api.customer(id).then(update, setError);
  }, [api, id, update]);

  useEffect(() => {
    reload();
    return () => clearTimeout(pendingReload.current);
  }, [reload]);

  const reloadSoon = () => {
    if (pendingReload.current === undefined) {
      pendingReload.current = setTimeout(() => {
        pendingReload.current = undefined;
        reload();
      }, reloadAtMostEveryMs);
    }
  };

  useWatchCustomers('profile', [id]);
  useLiveEvent('watched', ({ ids }) => ids.includes(id) && reloadSoon());
  useLiveEvent('customerChanged', (row) => row.id === id && reloadSoon());
  useLiveEvent('customerRemoved', (removed) => removed.id === id && reloadSoon());
  useLiveEvent('customerMerged', (merge) => merge.duplicateId === id && navigate(`/customers/${encodeURIComponent(merge.survivorId)}`, { replace: true }));
  useLiveEvent('resync', reload);

  return { customer, error, reload, update };
}
