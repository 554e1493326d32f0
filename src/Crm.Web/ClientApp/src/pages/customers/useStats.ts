import { useCallback, useEffect, useState } from 'react';
import type { CrmApi } from '../../api/CrmApi';
import type { Stats } from '../../api/types';
import { useConnectionStatus, useLiveEvent } from '../../live/LiveContext';

/** While the hub is unreachable the cards are re-read this often instead. */
const pollWhileOfflineMs = 15_000;

/** The four stat cards: read once, then kept current by the hub's pushes, and re-read after every reconnection. */
export function useStats(api: CrmApi): { stats: Stats | null; reload: () => void } {
  const [stats, setStats] = useState<Stats | null>(null);
  const status = useConnectionStatus();

  const reload = useCallback(() => {
    api.stats().then(setStats, () => undefined);
  }, [api]);

  useEffect(reload, [reload]);
  useEffect(() => {
    if (status === 'live') {
      return undefined;
    }
    const timer = setInterval(reload, pollWhileOfflineMs);
    return () => clearInterval(timer);
  }, [status, reload]);
  useLiveEvent('statsChanged', setStats);
  useLiveEvent('resync', reload);

  return { stats, reload };
}
