import { v7 as uuidv7 } from 'uuid';
import { fail, type ApiError, type Result } from '../../shared/api/result';
import type { AuditEntityType, AuditEntry, FieldChange } from '../../shared/schemas/audit';
import type { Profile } from '../../shared/schemas/profile';
import type { Store } from '../../db/store';

export interface ServiceContext {
  store: Store;
  now: () => Date;
}

export type Failure = { ok: false; error: ApiError };

export const newId = (): string => uuidv7();

/**
 * Runs a write in one IMMEDIATE transaction: the write lock is taken up front, so a busy
 * database fails fast (SQLITE_BUSY after busy_timeout) instead of midway, and any throw rolls
 * everything back — the record, its search entry and its audit entry go together or not at all.
 */
export function inTransaction<T>(ctx: ServiceContext, fn: () => Result<T>): Result<T> {
  return ctx.store.db.transaction(fn).immediate();
}

/** The inspector on this device: every write but first-run setup needs one, as the audit actor. */
export function requireProfile(ctx: ServiceContext): Profile | Failure {
  // An enrolled device works for a signed-in user only: after logout nobody writes in their name.
  const s = ctx.store.syncState;
  if (s.get('enrollment') && !s.get('session')) return fail('UNAUTHORIZED', 'e.syncSignedOut');
  return ctx.store.profile.get() ?? fail('NOT_SET_UP', 'e.notSetUp');
}

export const isFailure = (v: unknown): v is Failure =>
  typeof v === 'object' && v !== null && (v as { ok?: unknown }).ok === false;

export function appendAudit(
  ctx: ServiceContext,
  actor: Profile,
  entityType: AuditEntityType,
  entityId: string,
  action: AuditEntry['action'],
  changes: FieldChange[],
  at: string,
): void {
  ctx.store.audit.append({
    id: newId(),
    entityType,
    entityId,
    action,
    actorId: actor.id,
    actorName: actor.name,
    at,
    changes,
  });
}
