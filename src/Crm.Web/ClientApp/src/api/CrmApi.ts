import { download, send, sendJson } from './http';
import type {
  AttributeValue,
  Customer,
  CustomerPage,
  CustomerRow,
  DuplicateSuggestion,
  Intent,
  Lifecycle,
  MergeResult,
  Note,
  Profile,
  Segment,
  Stats,
  TimelinePage,
} from './types';
import { maxIdsPerRequest, summarize, type BulkAction, type BulkOutcome, type BulkResponse } from './bulk';

const base = '/api/v1';

/** The list's largest page, so customers named by id come back in one page per request. */
const rowsPerRequest = 200;

/** The service's REST API as one signed-in agent or admin uses it. */
export class CrmApi {
  private readonly key: string;

  constructor(key: string) {
    this.key = key;
  }

  stats(signal?: AbortSignal): Promise<Stats> {
    return sendJson(this.key, `${base}/stats`, { signal });
  }

  /** `query` uses the list's own parameter names (q, lifecycle, tag, sort, …), as the dashboard's URL does. */
  customers(query: URLSearchParams, cursor: string | null, limit: number, signal?: AbortSignal): Promise<CustomerPage> {
    const parameters = new URLSearchParams(query);
    parameters.set('limit', String(limit));
    if (cursor !== null) {
      parameters.set('cursor', cursor);
    }
    return sendJson(this.key, `${base}/customers?${parameters}`, { signal });
  }

  /** The list rows of these customers, in requests of at most {@link rowsPerRequest} ids; unknown ids are left out. */
  async customerRows(ids: string[]): Promise<CustomerRow[]> {
    const pages = await Promise.all(
      chunks(ids, rowsPerRequest).map((chunk) => this.customers(new URLSearchParams(chunk.map((id) => ['ids', id])), null, rowsPerRequest)),
    );
    return pages.flatMap((page) => page.items);
  }

  customer(id: string, signal?: AbortSignal): Promise<Customer> {
    return sendJson(this.key, `${base}/customers/${encodeURIComponent(id)}`, { signal });
  }

  createCustomer(profile: Partial<Profile>, tags: string[]): Promise<Customer> {
    return sendJson(this.key, `${base}/customers`, { method: 'POST', body: { profile, tags } });
  }

  updateProfile(id: string, patch: Partial<Profile>): Promise<Customer> {
    return sendJson(this.key, this.customerPath(id), { method: 'PATCH', body: patch });
  }

  setLifecycle(id: string, lifecycle: Lifecycle): Promise<Customer> {
    return sendJson(this.key, `${this.customerPath(id)}/lifecycle`, { method: 'PUT', body: { lifecycle } });
  }

  correctIntent(id: string, intent: Intent, note: string): Promise<Customer> {
    return sendJson(this.key, `${this.customerPath(id)}/intent`, { method: 'PUT', body: note.trim() ? { intent, note: note.trim() } : { intent } });
  }

  addTags(id: string, tags: string[]): Promise<Customer> {
    return sendJson(this.key, `${this.customerPath(id)}/tags`, { method: 'POST', body: { tags } });
  }

  removeTag(id: string, tag: string): Promise<Customer> {
    return sendJson(this.key, `${this.customerPath(id)}/tags/${encodeURIComponent(tag)}`, { method: 'DELETE' });
  }

  addToSegment(id: string, segmentId: string): Promise<Customer> {
    return sendJson(this.key, `${this.customerPath(id)}/segments`, { method: 'POST', body: { segmentId } });
  }

  removeFromSegment(id: string, segmentId: string): Promise<Customer> {
    return sendJson(this.key, `${this.customerPath(id)}/segments/${encodeURIComponent(segmentId)}`, { method: 'DELETE' });
  }

  addNote(id: string, text: string): Promise<Note> {
    return sendJson(this.key, `${this.customerPath(id)}/notes`, { method: 'POST', body: { text } });
  }

  editNote(id: string, noteId: string, text: string): Promise<Note> {
    return sendJson(this.key, `${this.customerPath(id)}/notes/${encodeURIComponent(noteId)}`, { method: 'PATCH', body: { text } });
  }

  deleteNote(id: string, noteId: string): Promise<void> {
    return sendJson(this.key, `${this.customerPath(id)}/notes/${encodeURIComponent(noteId)}`, { method: 'DELETE' });
  }

  /** Changes only the attributes named; a null value removes one. Answers the customer's attributes afterwards. */
  async setAttributes(id: string, changes: Record<string, AttributeValue | null>): Promise<Record<string, AttributeValue>> {
    const body = await sendJson<{ attributes: Record<string, AttributeValue> }>(this.key, `${this.customerPath(id)}/attributes`, {
      method: 'PATCH',
      body: { attributes: changes },
    });
    return body.attributes;
  }

  timeline(id: string, before: number | null, limit: number, signal?: AbortSignal): Promise<TimelinePage> {
    const parameters = new URLSearchParams({ limit: String(limit) });
    if (before !== null) {
      parameters.set('before', String(before));
    }
    return sendJson(this.key, `${this.customerPath(id)}/timeline?${parameters}`, { signal });
  }

  merge(survivorId: string, duplicateId: string, dryRun: boolean): Promise<MergeResult> {
    return sendJson(this.key, `${this.customerPath(survivorId)}/merge`, { method: 'POST', body: { duplicateId, dryRun } });
  }

  async downloadExport(id: string): Promise<void> {
    await download(await send(this.key, `${this.customerPath(id)}/export`), `customer-${id}.json`);
  }

  duplicates(signal?: AbortSignal): Promise<DuplicateSuggestion[]> {
    return sendJson(this.key, `${base}/duplicates`, { signal });
  }

  async segments(signal?: AbortSignal): Promise<Segment[]> {
    return (await sendJson<{ items: Segment[] }>(this.key, `${base}/segments`, { signal })).items;
  }

  /** Sends the ids in requests of at most {@link maxIdsPerRequest}, one after another, and sums their outcomes. */
  async bulk(action: BulkAction, ids: string[], argument: { lifecycle: string } | { tags: string[] } | { segmentId: string }): Promise<BulkOutcome> {
    const responses: BulkResponse[] = [];
    for (const chunk of chunks(ids, maxIdsPerRequest)) {
      responses.push(await sendJson<BulkResponse>(this.key, `${base}/customers/bulk`, { method: 'POST', body: { action, ids: chunk, ...argument } }));
    }
    return summarize(responses);
  }

  async downloadCsv(ids: string[]): Promise<void> {
    const parameters = new URLSearchParams(ids.map((id) => ['ids', id]));
    await download(await send(this.key, `${base}/customers/export.csv?${parameters}`), 'customers.csv');
  }

  private customerPath(id: string): string {
    return `${base}/customers/${encodeURIComponent(id)}`;
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));
}
