import { defaultSort } from '../../labels';

/**
 * The Customers page keeps its search, filters and sort in the URL under the list API's own parameter names, so a view can
 * be shared and reloaded and the query string goes to `GET /api/v1/customers` as it is.
 */
export const listParameters = [
  'q',
  'lifecycle',
  'tag',
  'tagMode',
  'segment',
  'intent',
  'channel',
  'ltvMin',
  'ltvMax',
  'conversationsMin',
  'conversationsMax',
  'ordersMin',
  'createdAfter',
  'createdBefore',
  'sort',
] as const;

export type ListParameter = (typeof listParameters)[number];

/** The list parameters of `search`, in a fixed order so that equal views give equal strings. */
export function listQuery(search: URLSearchParams): URLSearchParams {
  const query = new URLSearchParams();
  for (const name of listParameters) {
    for (const value of search.getAll(name)) {
      if (value.length > 0) {
        query.append(name, value);
      }
    }
  }
  return query;
}

/** A copy of `query` with `name` set to `values` (none removes it). */
export function withParameter(query: URLSearchParams, name: ListParameter, values: string | string[] | null): URLSearchParams {
  const next = new URLSearchParams(query);
  next.delete(name);
  for (const value of values === null ? [] : Array.isArray(values) ? values : [values]) {
    if (value.length > 0) {
      next.append(name, value);
    }
  }
  return listQuery(next);
}

export function href(query: URLSearchParams): string {
  const text = query.toString();
  return text.length === 0 ? '/' : `/?${text}`;
}

export function sortOf(query: URLSearchParams): string {
  return query.get('sort') ?? defaultSort;
}

/** How many filters narrow the list, beside the search box, intent and sort which show themselves. */
export function activeFilterCount(query: URLSearchParams): number {
  const shownElsewhere = new Set<string>(['q', 'intent', 'sort', 'tagMode']);
  return new Set([...query.keys()].filter((name) => !shownElsewhere.has(name))).size;
}
