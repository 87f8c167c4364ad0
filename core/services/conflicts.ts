/**
 * conflicts.list / conflicts.resolve. A person picks one of the two kept values:
 * - 'client' (this device's value): written locally and sent as a new `update` on the entity's
 *   current base, so it wins on the server only because someone chose it;
 * - 'server': the server's value is written locally (no mutation: the server has it already).
 * Either way the conflict is closed here at once and on the server in the next round
 * (POST /v1/conflicts/resolve), which closes it for every device that lists it.
 */
import { fail, ok, type Result } from '../../shared/api/result';
import type { FieldConflictItem } from '../../shared/schemas/sync';
import { getPath, setPath, type Doc } from '../../shared/sync/paths';
import type { SpotCheckData } from '../../shared/schemas/spotCheck';
import type { Enterprise } from '../../shared/schemas/enterprise';
import { diff } from '../audit/diff';
import {
  appendAudit,
  inTransaction,
  isFailure,
  requireProfile,
  type ServiceContext,
} from './context';
import { entityLabel } from './labels';

export function listConflicts(ctx: ServiceContext, entityId?: string): Result<FieldConflictItem[]> {
  return ok(
    ctx.store.conflicts.listOpen(entityId).map((c) => ({
      conflictId: c.id,
      entity: c.entity,
      entityId: c.entityId,
      label: entityLabel(ctx.store, c.entity, c.entityId),
      field: c.field,
      serverValue: c.serverValue,
      clientValue: c.clientValue,
      at: c.createdAt,
    })),
  );
}

export function resolveConflict(
  ctx: ServiceContext,
  input: { conflictId: string; choice: 'server' | 'client' },
): Result<FieldConflictItem[]> {
  const done = inTransaction(ctx, () => {
    const actor = requireProfile(ctx);
    if (isFailure(actor)) return actor;
    const c = ctx.store.conflicts.get(input.conflictId);
    if (!c || c.state !== 'open') return fail('NOT_FOUND', 'e.conflictNotFound');
    const value = input.choice === 'client' ? c.clientValue : c.serverValue;
    const at = ctx.now().toISOString();
    const changes = writeField(ctx, c.entity, c.entityId, c.field, value, at);
    if (changes === 'readOnly') return fail('READ_ONLY', 'e.readOnly');
    if (changes && changes.length > 0) {
      appendAudit(
        ctx,
        actor,
        c.entity as 'enterprise' | 'spotCheck',
        c.entityId,
        'update',
        changes,
        at,
      );
    }
    // Only the device's own document fields travel as mutations (workflow state is the server's).
    const sendable = c.entity === 'enterprise' || c.field.startsWith('data.');
    if (input.choice === 'client' && sendable && changes !== null) {
      ctx.store.outbox.append({
        entity: c.entity as 'enterprise' | 'spotCheck',
        entityId: c.entityId,
        op: 'update',
        changes: { [c.field]: value },
      });
    }
    ctx.store.conflicts.resolve(c.id, input.choice, at);
    return ok(null);
  });
  return done.ok ? listConflicts(ctx) : done;
}

/**
 * Writes one field of the local record; null when the record is not here, 'readOnly' when it
 * has been submitted (its conflicts are settled by a correction, not by editing it).
 */
function writeField(
  ctx: ServiceContext,
  entity: string,
  id: string,
  field: string,
  value: unknown,
  at: string,
) {
  if (entity === 'enterprise') {
    const e = ctx.store.enterprises.get(id);
    if (!e) return null;
    const next = { ...e, [field]: value, revision: e.revision + 1, updatedAt: at } as Enterprise;
    const changes = diff({ [field]: getPath(e, field) }, { [field]: value });
    if (changes.length > 0) ctx.store.enterprises.update(next);
    return changes;
  }
  if (entity === 'spotCheck' && field.startsWith('data.')) {
    const r = ctx.store.spotChecks.get(id);
    if (!r) return null;
    // A submitted record is signed and immutable: a late resolution must not edit it in place.
    if (r.status !== 'draft') return 'readOnly' as const;
    const path = field.slice('data.'.length);
    const data = structuredClone(r.data) as unknown as Doc;
    setPath(data, path, value);
    const changes = diff(r.data, data);
    if (changes.length > 0) {
      ctx.store.spotChecks.update(
        { ...r, data: data as unknown as SpotCheckData, revision: r.revision + 1, updatedAt: at },
        r,
      );
    }
    return changes;
  }
  return [];
}
