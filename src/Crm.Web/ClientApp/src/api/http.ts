import { ApiError } from './ApiError';

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();

/** Called when the service refuses the key (revoked while signed in): the app signs out. */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

/** Sends a request with the key as a bearer token; throws {@link ApiError} for any answer outside 2xx. */
export async function send(key: string, path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Authorization: `Bearer ${key}`, Accept: 'application/json' };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  if (!response.ok) {
    if (response.status === 401) {
      unauthorizedListeners.forEach((listener) => listener());
    }
    throw await ApiError.from(response);
  }
  return response;
}

export async function sendJson<T>(key: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(key, path, options);
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

/** Saves a response body as a file the browser downloads. */
export async function download(response: Response, fallbackName: string): Promise<void> {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = decodeURIComponent(name);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
