/**
 * The sync scheduler: one round at a time, every `intervalMs` while enrolled and signed in, at
 * once on sync.now, with backoff after failures. Everything on the network is async and every
 * local transaction is short (one per page or batch), so the API is never blocked by a round.
 * close() aborts the request in flight and waits for the round to unwind.
 */
import type { Store } from '../../db/store';
import type { MessageRef } from '../../shared/api/result';
import type { SyncPhase, SyncStatus, SyncUser } from '../../shared/schemas/sync';
import type { HealthResponse } from '../../shared/sync/protocol';
import { auditChainStatus } from './auditUpload';
import { backoffMs, MAX_BACKOFF_MS, MAX_UNREACHABLE_BACKOFF_MS } from './backoff';
import { DEFAULT_LIMITS, type RoundContext, type SyncLimits } from './context';
import { createHooks, type SyncHooks } from './hooks';
import { requestJson, SyncHttpError, SyncNetworkError, type FetchLike } from './http';
import { ChecksumMismatch } from './pull';
import { runRound } from './round';

export interface SyncOptions {
  /** Seconds between rounds, in ms (default 30 s); 0 = no automatic rounds (tests run them). */
  intervalMs?: number;
  /** Replaces global fetch (tests drop responses with it). */
  fetch?: FetchLike;
  limits?: Partial<SyncLimits>;
  /** Timeout of the reachability probe (GET /health), default 3 s. */
  probeTimeoutMs?: number;
}

export class SyncEngine {
  readonly hooks: SyncHooks = createHooks();
  readonly limits: SyncLimits;
  private phase: SyncPhase = 'idle';
  private progress: { done: number; total: number } | null = null;
  private reachable: boolean | null = null;
  private lastAttemptAt: string | null = null;
  private lastError: MessageRef | null = null;
  private nextAttemptAt: Date | null = null;
  private failures = 0;
  private inflight: Promise<void> | null = null;
  private abort: AbortController | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
    private readonly opts: SyncOptions = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
  }

  get fetch(): FetchLike | undefined {
    return this.opts.fetch;
  }

  /** Enrolled, signed in, not revoked: the only state in which rounds run. */
  canSync(): boolean {
    const s = this.store.syncState;
    return !this.closed && !!s.get('enrollment') && !!s.get('session') && !s.get('revoked');
  }

  /** Starts the automatic loop (a round soon, then every interval). Idempotent. */
  start(): void {
    if (this.opts.intervalMs === 0) return;
    if (this.canSync() && !this.inflight) this.schedule(0);
  }

  /** sync.now: starts a round unless one is running (then that one is the answer). */
  trigger(): void {
    if (this.canSync()) void this.round();
  }

  /** Runs a round now, or joins the running one. Never rejects: failures land in status. */
  round(): Promise<void> {
    if (this.inflight) return this.inflight;
    if (!this.canSync()) return Promise.resolve();
    this.clearTimer();
    this.inflight = this.execute().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  /** Stops for good; returns the round still unwinding, or null when none was running. */
  close(): Promise<void> | null {
    this.closed = true;
    this.clearTimer();
    this.abort?.abort();
    return this.inflight;
  }

  status(): SyncStatus {
    const s = this.store.syncState;
    const enrollment = s.get('enrollment');
    const session = s.get('session');
    return {
      enrolled: !!enrollment,
      serverUrl: enrollment?.serverUrl ?? null,
      device: enrollment ? { id: enrollment.deviceId, name: enrollment.deviceName } : null,
      user: session ? this.userById(session.userId) : null,
      revoked: s.get('revoked'),
      reachable: this.reachable,
      phase: this.phase,
      progress: this.progress,
      pendingMutations: this.store.outbox.count('pending'),
      pendingFiles: this.hooks.pendingFiles?.() ?? 0,
      quarantined: this.store.quarantine.count(),
      openConflicts: this.store.conflicts.countOpen(),
      lastSuccessAt: s.get('lastSuccessAt'),
      lastAttemptAt: this.lastAttemptAt,
      lastError: this.lastError,
      nextAttemptAt: this.nextAttemptAt?.toISOString() ?? null,
      auditChain: auditChainStatus(this.store, enrollment?.deviceId ?? null),
    };
  }

  private userById(id: string): SyncUser | null {
    const users = this.store.syncState.get('users') ?? {};
    return Object.values(users).find((u) => u.user.id === id)?.user ?? null;
  }

  private async execute(): Promise<void> {
    const enrollment = this.store.syncState.get('enrollment');
    if (!enrollment) return;
    const abort = new AbortController();
    this.abort = abort;
    this.lastAttemptAt = this.now().toISOString();
    this.nextAttemptAt = null;
    const rc: RoundContext = {
      store: this.store,
      now: this.now,
      serverUrl: enrollment.serverUrl,
      deviceId: enrollment.deviceId,
      token: enrollment.token,
      signal: abort.signal,
      limits: this.limits,
      ...(this.opts.fetch ? { fetch: this.opts.fetch } : {}),
      setPhase: (phase, progress = null) => {
        this.phase = phase;
        this.progress = progress;
      },
    };
    let ok = false;
    try {
      await requestJson<HealthResponse>(
        { baseUrl: rc.serverUrl, signal: abort.signal, ...(rc.fetch ? { fetch: rc.fetch } : {}) },
        'GET',
        '/health',
        undefined,
        this.opts.probeTimeoutMs ?? 3000,
      );
      this.reachable = true;
      await runRound(rc, this.hooks);
      ok = true;
      this.failures = 0;
      this.lastError = null;
      this.store.syncState.set('lastSuccessAt', this.now().toISOString());
    } catch (err) {
      if (this.closed) return;
      this.failures++;
      this.noteFailure(err);
    } finally {
      this.abort = null;
      this.phase = 'idle';
      this.progress = null;
      if (!this.closed && this.canSync()) {
        const interval = this.opts.intervalMs ?? 30_000;
        if (!ok) {
          this.phase = 'waiting';
          const cap = this.reachable === false ? MAX_UNREACHABLE_BACKOFF_MS : MAX_BACKOFF_MS;
          this.schedule(backoffMs(this.failures, Math.random, cap));
        } else if (interval > 0) this.schedule(interval);
      }
    }
  }

  private noteFailure(err: unknown): void {
    if (err instanceof SyncNetworkError) {
      this.reachable = false;
      this.lastError = { key: 'e.syncNetwork', params: { detail: err.message } };
      return;
    }
    if (err instanceof SyncHttpError) {
      this.reachable = true;
      if (err.code === 'DEVICE_REVOKED') {
        // Stop for good: nothing local is deleted; the inspector is told why.
        const revoked = { message: err.message, at: this.now().toISOString() };
        this.store.syncState.set('revoked', revoked);
        this.lastError = { key: 'e.syncRevoked', params: { message: err.message } };
        return;
      }
      this.lastError = { key: 'e.syncServer', params: { message: err.message } };
      return;
    }
    if (err instanceof ChecksumMismatch) {
      this.lastError = { key: 'e.syncChecksum' };
      return;
    }
    this.lastError = { key: 'e.syncServer', params: { message: (err as Error).message } };
  }

  private schedule(delayMs: number): void {
    this.clearTimer();
    this.nextAttemptAt = new Date(this.now().getTime() + delayMs);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.trigger();
    }, delayMs);
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
