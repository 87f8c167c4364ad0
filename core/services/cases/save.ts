/**
 * case.save: the owner's content edits. What the current stage has settled is refused by the
 * state machine's locks; every accepted change bumps `rev`, so an approval of older content is
 * refused as stale (on this device and on the server).
 */
import { fail, ok, type Result } from '../../../shared/api/result';
import { editProblem } from '../../../shared/domain/case/machine';
import type { CaseRecord } from '../../../shared/domain/case/record';
import type { CaseData } from '../../../shared/schemas/case';
import type { Doc } from '../../../shared/sync/paths';
import { diff } from '../../audit/diff';
import { changedPaths } from '../../sync/changes';
import { appendAudit, inTransaction, isFailure, type ServiceContext } from '../context';
import { currentActor, notFound, permissionFailure, ruleFailure } from './actor';

export interface CaseSaveInput {
  id: string;
  expectedRev: number;
  data: CaseData;
}

export function saveCase(ctx: ServiceContext, input: CaseSaveInput): Result<CaseRecord> {
  return inTransaction(ctx, () => {
    const actor = currentActor(ctx);
    if (isFailure(actor)) return actor;
    const current = ctx.store.cases.get(input.id);
    if (!current) return notFound();
    const refused = permissionFailure(actor, 'record.edit', current.ownerUserId);
    if (refused) return refused;
    if (current.rev !== input.expectedRev) {
      return fail('CONFLICT', 'e.conflict', { revision: current.rev });
    }
    const changes = diff(current.data, input.data);
    // Autosave repeats the same content; an unchanged save is not a new revision.
    if (changes.length === 0) return ok(current);
    const problem = editProblem(
      current,
      current.ownerUserId,
      actor,
      changes.map((c) => c.path),
    );
    if (problem) return ruleFailure(problem);
    const at = ctx.now().toISOString();
    const next: CaseRecord = { ...current, data: input.data, rev: current.rev + 1, updatedAt: at };
    ctx.store.cases.update(next, current);
    appendAudit(ctx, actor.profile, 'case', next.id, 'update', changes, at);
    ctx.store.outbox.append({
      entity: 'case',
      entityId: next.id,
      op: 'update',
      changes: changedPaths(current.data as unknown as Doc, input.data as unknown as Doc, 'data'),
    });
    return ok(next);
  });
}
