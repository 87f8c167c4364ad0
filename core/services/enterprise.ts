import type { z } from 'zod';
import { fail, ok, type Result } from '../../shared/api/result';
import type {
  Enterprise,
  EnterpriseInput,
  EnterpriseUpdateSchema,
} from '../../shared/schemas/enterprise';
import type { EnterpriseListQuery, EnterpriseSummary, Page } from '../../shared/schemas/lists';
import { diff } from '../audit/diff';
import { changedPaths, updatesWithHeld } from '../sync/changes';
import type { Doc } from '../../shared/sync/paths';
import {
  appendAudit,
  inTransaction,
  isFailure,
  newId,
  requireProfile,
  type ServiceContext,
} from './context';

type EnterpriseUpdate = z.output<typeof EnterpriseUpdateSchema>;

function duplicateOf(ctx: ServiceContext, creditCode: string, selfId: string | null) {
  const existing = ctx.store.enterprises.findByCreditCode(creditCode);
  if (!existing || existing.id === selfId) return null;
  const message = { key: 'e.duplicateCreditCode', params: { name: existing.name } };
  return fail('DUPLICATE', message.key, message.params, { creditCode: message });
}

function inputOf(e: Enterprise): EnterpriseInput {
  const { id: _id, revision: _r, createdAt: _c, updatedAt: _u, ...input } = e;
  return input;
}

export function createEnterprise(ctx: ServiceContext, input: EnterpriseInput): Result<Enterprise> {
  return inTransaction(ctx, () => {
    const actor = requireProfile(ctx);
    if (isFailure(actor)) return actor;
    const dup = duplicateOf(ctx, input.creditCode, null);
    if (dup) return dup;
    const at = ctx.now().toISOString();
    const e: Enterprise = { id: newId(), ...input, revision: 1, createdAt: at, updatedAt: at };
    ctx.store.enterprises.insert(e);
    appendAudit(ctx, actor, 'enterprise', e.id, 'create', diff({}, input), at);
    ctx.store.outbox.append({
      entity: 'enterprise',
      entityId: e.id,
      op: 'create',
      changes: { ...input },
    });
    return ok(e);
  });
}

export function updateEnterprise(ctx: ServiceContext, input: EnterpriseUpdate): Result<Enterprise> {
  return inTransaction(ctx, () => {
    const actor = requireProfile(ctx);
    if (isFailure(actor)) return actor;
    const current = ctx.store.enterprises.get(input.id);
    if (!current) return fail('NOT_FOUND', 'e.notFound');
    if (current.revision !== input.expectedRevision) {
      return fail('CONFLICT', 'e.conflict', { revision: current.revision });
    }
    const dup = duplicateOf(ctx, input.values.creditCode, current.id);
    if (dup) return dup;
    const changes = diff(inputOf(current), input.values);
    if (changes.length === 0) return ok(current);
    const at = ctx.now().toISOString();
    const next: Enterprise = {
      ...current,
      ...input.values,
      revision: current.revision + 1,
      updatedAt: at,
    };
    ctx.store.enterprises.update(next);
    appendAudit(ctx, actor, 'enterprise', next.id, 'update', changes, at);
    const updates = updatesWithHeld(
      ctx.store,
      'enterprise',
      next.id,
      changedPaths(inputOf(current), input.values),
      inputOf(next) as unknown as Doc,
    );
    for (const u of updates) {
      ctx.store.outbox.append({ entity: 'enterprise', entityId: next.id, op: 'update', ...u });
    }
    return ok(next);
  });
}

export function getEnterprise(ctx: ServiceContext, id: string): Result<Enterprise> {
  const e = ctx.store.enterprises.get(id);
  return e ? ok(e) : fail('NOT_FOUND', 'e.notFound');
}

export function listEnterprises(
  ctx: ServiceContext,
  q: EnterpriseListQuery,
): Result<Page<EnterpriseSummary>> {
  return ok(ctx.store.enterprises.list(q));
}
