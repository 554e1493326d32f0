import { useEffect, useState } from 'react';
import type { CrmApi } from './api/CrmApi';
import type { Segment } from './api/types';

/** The workspace's segments, or null while unknown or where the service cannot list them (inputs then take an id). */
export function useSegments(api: CrmApi): Segment[] | null {
  const [segments, setSegments] = useState<Segment[] | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    api.segments(abort.signal).then(setSegments, () => setSegments(null));
    return () => abort.abort();
  }, [api]);
  return segments;
}
