/** What one sync round works with: the store, the endpoint, limits, and the abort signal. */
import type { Store } from '../../db/store';
import type { SyncPhase } from '../../shared/schemas/sync';
import { requestJson, type FetchLike } from './http';

export interface SyncLimits {
  maxBatchMutations: number;
  maxBatchBytes: number;
  pullLimit: number;
  requestTimeoutMs: number;
}

export const DEFAULT_LIMITS: SyncLimits = {
  maxBatchMutations: 500,
  maxBatchBytes: 1024 * 1024,
  pullLimit: 500,
  requestTimeoutMs: 60_000,
};

export interface RoundContext {
  store: Store;
  now: () => Date;
  serverUrl: string;
  deviceId: string;
  token: string;
  fetch?: FetchLike;
  signal: AbortSignal;
  limits: SyncLimits;
  setPhase(phase: SyncPhase, progress?: { done: number; total: number } | null): void;
}

export function post<T>(rc: RoundContext, path: string, body: unknown): Promise<T> {
  return requestJson<T>(
    {
      baseUrl: rc.serverUrl,
      token: rc.token,
      signal: rc.signal,
      timeoutMs: rc.limits.requestTimeoutMs,
      ...(rc.fetch ? { fetch: rc.fetch } : {}),
    },
    'POST',
    path,
    body,
  );
}

export function get<T>(rc: RoundContext, path: string): Promise<T> {
  return requestJson<T>(
    {
      baseUrl: rc.serverUrl,
      token: rc.token,
      signal: rc.signal,
      timeoutMs: rc.limits.requestTimeoutMs,
      ...(rc.fetch ? { fetch: rc.fetch } : {}),
    },
    'GET',
    path,
  );
}

/** One local transaction (IMMEDIATE: takes the write lock up front, like the services). */
export function tx<T>(store: Store, fn: () => T): T {
  return store.db.transaction(fn).immediate();
}
