/**
 * case.save: the owner's content edits. What the current stage has settled is refused by the
 * state machine's locks; every accepted change of content bumps `rev`, so an approval of older
 * content is refused as stale (on this device and on the server).
 *
 * 文书字号 (`documentNumbers`) are written by the app when a form is numbered
 * (core/numbers/issue.ts, through writeCaseData), never by the form: a save that does not carry
 * them keeps them, and one that would change a number already written is refused. They are not
 * content an approval covers, so writing one does not bump `rev`.
 */
import { fail, ok, type Result } from '../../../shared/api/result';
import { isDocumentNumberPath, replacedDocumentNumber } from '../../../shared/documents/numbers';
import { editProblem } from '../../../shared/domain/case/machine';
import type { CaseRecord } from '../../../shared/domain/case/record';
import type { CaseData } from '../../../shared/schemas/case';
import type { Doc } from '../../../shared/sync/paths';
import { diff } from '../../audit/diff';
import { changedPaths, updatesWithHeld } from '../../sync/changes';
import { caseFieldLocked } from '../../sync/lockedFields';
import { appendAudit, inTransaction, isFailure, type ServiceContext } from '../context';
import { currentActor, notFound, permissionFailure, ruleFailure, type CaseActor } from './actor';

export interface CaseSaveInput {
  id: string;
  expectedRev: number;
  data: CaseData;
}

/**
 * Writes new data of a case inside the caller's transaction: the machine's edit rules, the
 * write-once numbers, the record, its audit entry and the outbox `update`. The caller has
 * checked the permission and the revision.
 */
export function writeCaseData(
  ctx: ServiceContext,
  actor: CaseActor,
  current: CaseRecord,
  given: CaseData,
): Result<CaseRecord> {
  const before = current.data.documentNumbers ?? {};
  const data: CaseData = {
    ...given,
    documentNumbers: { ...before, ...(given.documentNumbers ?? {}) },
  };
  const replaced = replacedDocumentNumber(before, data.documentNumbers);
  if (replaced !== null) {
    return fail('RULE', 'caseRule.numberFixed', { number: before[replaced] ?? '' });
  }
  const changes = diff(current.data, data);
  // Autosave repeats the same content; an unchanged save is not a new revision.
  if (changes.length === 0) return ok(current);
  const problem = editProblem(
    current,
    current.ownerUserId,
    actor,
    changes.map((c) => c.path),
  );
  if (problem) return ruleFailure(problem);
  // Held fields a stage has locked since stay as the server has them (the quarantine keeps them).
  const updates = updatesWithHeld(
    ctx.store,
    'case',
    current.id,
    changedPaths(current.data as unknown as Doc, data as unknown as Doc, 'data'),
    data as unknown as Doc,
    'data',
    (path) => !caseFieldLocked(current.stage)(path),
  );
  // Each update with content (not only document numbers) raises the server's rev by one.
  const contentUpdates = updates.filter((u) =>
    Object.keys(u.changes).some((path) => !isDocumentNumberPath(path.replace(/^data\./, ''))),
  ).length;
  const at = ctx.now().toISOString();
  const next: CaseRecord = { ...current, data, rev: current.rev + contentUpdates, updatedAt: at };
  ctx.store.cases.update(next, current);
  appendAudit(ctx, actor.profile, 'case', next.id, 'update', changes, at);
  for (const u of updates) {
    ctx.store.outbox.append({ entity: 'case', entityId: next.id, op: 'update', ...u });
  }
  return ok(next);
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
    return writeCaseData(ctx, actor, current, input.data);
  });
}
