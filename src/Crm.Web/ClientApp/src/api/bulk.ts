/** The actions of `POST /api/v1/customers/bulk`; each takes one argument: `lifecycle`, `tags` or `segmentId`. */
export type BulkAction = 'set_lifecycle' | 'add_tags' | 'remove_tags' | 'assign_segment' | 'remove_segment';

/** The service takes at most this many ids per bulk request or CSV export. */
export const maxIdsPerRequest = 1000;

export interface BulkCustomerResult {
  id: string;
  outcome: 'updated' | 'unchanged' | 'not_found' | 'failed';
  error?: string;
}

export interface BulkResponse {
  results: BulkCustomerResult[];
  updated: number;
  unchanged: number;
  notFound: number;
  failed: number;
}

/** What one confirmed bulk action did, summed over the requests it took. */
export interface BulkOutcome {
  succeeded: number;
  failed: number;
  failures: BulkCustomerResult[];
}

/** Updated and unchanged customers both end in the state asked for; not found and failed ones did not. */
export function summarize(responses: BulkResponse[]): BulkOutcome {
  const results = responses.flatMap((response) => response.results);
  const failures = results.filter((result) => result.outcome === 'failed' || result.outcome === 'not_found');
  return { succeeded: results.length - failures.length, failed: failures.length, failures };
}
