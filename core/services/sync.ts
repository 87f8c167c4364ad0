/** sync.* handlers: status, enrollment, sign-in and out, a round now, the quarantine list. */
import { ok, type Result } from '../../shared/api/result';
import type { QuarantinedChange, SyncStatus } from '../../shared/schemas/sync';
import type { SyncEngine } from '../sync/engine';
import { enroll, login, logout } from '../sync/identity';
import type { ServiceContext } from './context';
import { entityLabel } from './labels';

export interface SyncServiceContext extends ServiceContext {
  sync: SyncEngine;
}

const deps = (ctx: SyncServiceContext) => ({
  store: ctx.store,
  now: ctx.now,
  ...(ctx.sync.fetch ? { fetch: ctx.sync.fetch } : {}),
});

export function syncStatus(ctx: SyncServiceContext): Result<SyncStatus> {
  return ok(ctx.sync.status());
}

export async function syncEnroll(
  ctx: SyncServiceContext,
  input: { serverUrl: string; code: string; deviceName: string },
): Promise<Result<SyncStatus>> {
  const r = await enroll(deps(ctx), input);
  return r.ok ? ok(ctx.sync.status()) : r;
}

export async function syncLogin(
  ctx: SyncServiceContext,
  input: { username: string; password: string },
): Promise<Result<SyncStatus>> {
  const r = await login(deps(ctx), input);
  if (!r.ok) return r;
  ctx.sync.start();
  return ok(ctx.sync.status());
}

export function syncLogout(ctx: SyncServiceContext): Result<SyncStatus> {
  logout(deps(ctx));
  return ok(ctx.sync.status());
}

export function syncNow(ctx: SyncServiceContext): Result<SyncStatus> {
  ctx.sync.trigger();
  return ok(ctx.sync.status());
}

export function syncQuarantine(ctx: SyncServiceContext): Result<QuarantinedChange[]> {
  return ok(
    ctx.store.quarantine.list().map((q) => ({
      mutationId: q.mutationId,
      seq: q.seq,
      entity: q.entity,
      entityId: q.entityId,
      op: q.op,
      label: entityLabel(ctx.store, q.entity, q.entityId),
      reason: q.reason,
      message: q.message,
      ...(q.fieldErrors ? { fieldErrors: q.fieldErrors } : {}),
      at: q.at,
      ...(q.resolvedAt ? { resolvedAt: q.resolvedAt } : {}),
      ...(q.resolution ? { resolution: q.resolution } : {}),
    })),
  );
}
