import { useCallback, useEffect, useState } from 'react';
import type { TimelineEntry } from '../../api/types';
import { RelativeTime } from '../../components/RelativeTime';
import { useFollowCustomer, useLiveEvent } from '../../live/LiveContext';
import { useSession } from '../../SessionContext';

const pageSize = 50;

function newestFirst(entries: TimelineEntry[]): TimelineEntry[] {
  const bySequence = new Map(entries.map((entry) => [entry.sequence, entry]));
  return [...bySequence.values()].sort((a, b) => b.sequence - a.sequence);
}

/** Newest first, older pages on request; new entries arrive live while the tab is open. */
export function TimelineTab({ customerId }: { customerId: string }) {
  const { api } = useSession();
  const [entries, setEntries] = useState<TimelineEntry[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error | null>(null);

  const read = useCallback((before: number | null, signal?: AbortSignal) => api.timeline(customerId, before, pageSize, signal), [api, customerId]);

  useEffect(() => {
    const abort = new AbortController();
    read(null, abort.signal).then(
      (page) => {
        setEntries((current) => newestFirst([...page.items, ...current]));
        setNextBefore(page.nextBefore);
        setLoading(false);
      },
      (failure: Error) => {
        if (!abort.signal.aborted) {
          setError(failure);
          setLoading(false);
        }
      },
    );
    return () => abort.abort();
  }, [read]);

  const loadOlder = (before: number) => {
    setLoading(true);
    read(before).then(
      (page) => {
        setEntries((current) => newestFirst([...current, ...page.items]));
        setNextBefore(page.nextBefore);
        setLoading(false);
      },
      (failure: Error) => {
        setError(failure);
        setLoading(false);
      },
    );
  };

  useFollowCustomer(customerId);
  useLiveEvent('timelineAppended', (appended) => {
    if (appended.customerId === customerId) {
      setEntries((current) => newestFirst([...appended.entries, ...current]));
    }
  });
  useLiveEvent('resync', () => {
    read(null).then((page) => setEntries((current) => newestFirst([...page.items, ...current])), setError);
  });

  return (
    <div className="timeline" data-testid="timeline">
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      {entries.length === 0 && !loading && <p className="muted">Nothing has happened yet.</p>}
      <ol className="timeline-list">
        {entries.map((entry) => (
          <li key={entry.sequence} className={`timeline-entry kind-${entry.kind}`} data-testid="timeline-entry">
            <span className="timeline-kind">{entry.kind.replaceAll('_', ' ')}</span>
            <span className="timeline-summary">{entry.summary}</span>
            <span className="timeline-meta muted">
              {entry.actor} · <RelativeTime iso={entry.at} />
            </span>
          </li>
        ))}
      </ol>
      {nextBefore !== null && (
        <button type="button" className="button" disabled={loading} onClick={() => loadOlder(nextBefore)}>
          {loading ? 'Loading…' : 'Older entries'}
        </button>
      )}
    </div>
  );
}
