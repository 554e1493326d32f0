import { useEffect, useState } from 'react';
import { useSession } from '../../SessionContext';

const days = 30;
const dayMs = 24 * 60 * 60 * 1000;
const entriesRead = 200;

/** Timeline entries per day over the last 30 days, as small bars. */
export function ActivityChart({ customerId, version }: { customerId: string; version: string }) {
  const { api } = useSession();
  const [perDay, setPerDay] = useState<number[] | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    api.timeline(customerId, null, entriesRead, abort.signal).then(
      (page) => {
        const today = Math.floor(Date.now() / dayMs);
        const counts = new Array<number>(days).fill(0);
        for (const entry of page.items) {
          const age = today - Math.floor(Date.parse(entry.at) / dayMs);
          if (age >= 0 && age < days) {
            counts[days - 1 - age]! += 1;
          }
        }
        setPerDay(counts);
      },
      () => setPerDay(null),
    );
    return () => abort.abort();
  }, [api, customerId, version]);

  if (perDay === null) {
    return null;
  }
  const highest = Math.max(1, ...perDay);
  const total = perDay.reduce((sum, value) => sum + value, 0);
  return (
    <figure className="activity-chart" data-testid="activity-chart">
      <svg viewBox={`0 0 ${days * 8} 40`} role="img" aria-label={`${total} timeline entries in the last ${days} days`} preserveAspectRatio="none">
        {perDay.map((value, index) => {
          const height = (value / highest) * 38;
          return (
            <rect key={index} x={index * 8 + 1} y={40 - height} width={6} height={height} rx={1}>
              <title>{`${value} on ${new Date((Math.floor(Date.now() / dayMs) - (days - 1 - index)) * dayMs).toDateString()}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption className="muted">Activity, last {days} days</figcaption>
    </figure>
  );
}
