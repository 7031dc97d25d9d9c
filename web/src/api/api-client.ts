import type { ApiError } from '@kept/contract/api-types.ts';

/** A failed API call: the server's stable error code, its message and the offending field. */
export class ApiFailure extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;

  constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    this.name = 'ApiFailure';
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();

/** Staff screens subscribe to learn that the session has ended (a 401 on a staff call). */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Public and portal calls do not redirect to the login page on 401. */
  public?: boolean;
  signal?: AbortSignal;
  /** Sent even while the page unloads (a presence leave). */
  keepalive?: boolean;
}

function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    'error' in value &&
    typeof (value as ApiError).error?.code === 'string'
  );
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const init: RequestInit = {
    method: options.method ?? 'GET',
    credentials: 'include',
    headers: { Accept: 'application/json' },
    signal: options.signal,
    keepalive: options.keepalive ?? false,
  };
  if (options.body !== undefined) {
    init.headers = { ...init.headers, 'Content-Type': 'application/json' };
    init.body = JSON.stringify(options.body);
  } else if (init.method !== 'GET') {
    // Fastify rejects a JSON content type with an empty body; send an empty object instead.
    init.headers = { ...init.headers, 'Content-Type': 'application/json' };
    init.body = '{}';
  }
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiFailure(0, 'network', 'The server could not be reached');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let payload: unknown = undefined;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = undefined;
    }
  }
  if (!response.ok) {
    if (response.status === 401 && !options.public) {
      for (const listener of unauthorizedListeners) listener();
    }
    if (isApiError(payload)) {
      throw new ApiFailure(response.status, payload.error.code, payload.error.message, payload.error.field);
    }
    throw new ApiFailure(response.status, `http_${response.status}`, response.statusText || 'Request failed');
  }
  return payload as T;
}

export function queryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}
