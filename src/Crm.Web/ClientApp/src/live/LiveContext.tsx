import { createContext, useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { LiveConnection, type ConnectionStatus, type LiveEventName, type LiveEvents } from './LiveConnection';

const LiveContext = createContext<LiveConnection | null>(null);

export function LiveProvider({ apiKey, children }: { apiKey: string; children: ReactNode }) {
  const [live] = useState(() => new LiveConnection(apiKey));
  useEffect(() => {
    live.start();
    return () => live.stop();
  }, [live]);
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

function useLive(): LiveConnection {
  const live = useContext(LiveContext);
  if (live === null) {
    throw new Error('useLive is only for components inside LiveProvider');
  }
  return live;
}

/** Calls the latest `handler` for every push of `name` while the component is mounted. */
export function useLiveEvent<K extends LiveEventName>(name: K, handler: (payload: LiveEvents[K]) => void): void {
  const live = useLive();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => live.on(name, (payload) => latest.current(payload)), [live, name]);
}

export function useConnectionStatus(): ConnectionStatus {
  const live = useLive();
  return useSyncExternalStore(live.subscribeStatus, live.getStatus);
}

/** Follows one customer's timeline while the component showing it is mounted. */
export function useFollowCustomer(id: string): void {
  const live = useLive();
  useEffect(() => {
    live.follow(id);
    return () => live.unfollow(id);
  }, [live, id]);
}

/** Asks the hub for row pushes of these customers while the component is mounted (see LiveConnection.watch). */
export function useWatchCustomers(watcher: string, ids: string[]): void {
  const live = useLive();
  const key = ids.join(',');
  useEffect(() => {
    live.watch(watcher, key.length === 0 ? [] : key.split(','));
  }, [live, watcher, key]);
  useEffect(() => () => live.unwatch(watcher), [live, watcher]);
}
