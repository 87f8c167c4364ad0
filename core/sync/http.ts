/**
 * The device's HTTP client for the central endpoint: JSON in and out, a timeout on every
 * request, an AbortSignal so closing the app ends a request at once, and errors sorted into
 * the two kinds the round cares about: the server said no (SyncHttpError, with its code), or
 * the network failed (SyncNetworkError: retry later, pushes are idempotent).
 */
import type { SyncErrorBody } from '../../shared/sync/protocol';
import type { SyncErrorCode } from '../../shared/sync/errors';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: SyncErrorCode | 'HTTP',
    message: string,
    readonly details: unknown,
  ) {
    super(message);
    this.name = 'SyncHttpError';
  }
  /** Server trouble (5xx, 429): worth retrying later, like a network error. */
  get transient(): boolean {
    return this.status >= 500 || this.status === 429;
  }
}

export class SyncNetworkError extends Error {
  constructor(
    message: string,
    readonly aborted = false,
  ) {
    super(message);
    this.name = 'SyncNetworkError';
  }
}

export interface HttpOptions {
  baseUrl: string;
  token?: string;
  fetch?: FetchLike;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** A request body sent as it is, with its own content type (the push's NDJSON, shared/sync/pushBody.ts). */
export class TextBody {
  constructor(
    readonly text: string,
    readonly type: string,
  ) {}
}

/** POSTs `body` (as JSON, or a TextBody as it is) or GETs, and reads the JSON answer. */
export async function requestJson<T>(
  opts: HttpOptions,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  timeoutMs = opts.timeoutMs ?? 30_000,
): Promise<T> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const sent =
    body === undefined || body instanceof TextBody
      ? body
      : new TextBody(JSON.stringify(body), 'application/json');
  if (sent) headers['content-type'] = sent.type;
  const f: FetchLike = opts.fetch ?? ((url, init) => fetch(url, init));
  let res: Response;
  let text: string;
  try {
    res = await f(`${opts.baseUrl.replace(/\/+$/, '')}${path}`, {
      method,
      headers,
      signal,
      ...(sent ? { body: sent.text } : {}),
    });
    text = await res.text();
  } catch (err) {
    const aborted = opts.signal?.aborted ?? false;
    const why = timeout.aborted ? `timeout after ${timeoutMs} ms` : (err as Error).message;
    throw new SyncNetworkError(`${method} ${path}: ${why}`, aborted);
  }
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (res.ok) return parsed as T;
  const err = (parsed ?? {}) as Partial<SyncErrorBody>;
  throw new SyncHttpError(
    res.status,
    typeof err.code === 'string' ? err.code : 'HTTP',
    typeof err.message === 'string' ? err.message : `HTTP ${res.status}`,
    err.details,
  );
}
