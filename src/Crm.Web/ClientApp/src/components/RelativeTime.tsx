import { useSyncExternalStore } from 'react';
import { dateTime, relativeTime } from '../format';

// One shared clock for every relative time on the page, ticking once a minute.
let now = Date.now();
const listeners = new Set<() => void>();
setInterval(() => {
  now = Date.now();
  listeners.forEach((listener) => listener());
}, 60_000);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}

export function RelativeTime({ iso }: { iso: string | null }) {
  const current = useNow();
  return (
    <time dateTime={iso ?? undefined} title={dateTime(iso)}>
      {relativeTime(iso, current)}
    </time>
  );
}
