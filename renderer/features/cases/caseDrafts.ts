/** Cases as autosaved drafts: how they are saved, read back and copied locally. */
import { api } from '../../api/client';
import { ok } from '../../../shared/api/result';
import type { CaseDetail } from '../../../shared/api/caseContract';
import { emptyCaseData, type CaseData } from '../../../shared/schemas/case';
import type { DraftTarget } from '../drafts/draftSaver';
import { localCopyStore } from '../drafts/localCopy';

/**
 * Whether this user may change the case's content now: the core answers with `canEdit` from
 * the case rules (editProblem: the owner, and not in a final stage) each time the case is read.
 */
export const caseTakesEdits = (detail: CaseDetail): boolean => detail.canEdit;

/**
 * A copy saved by an older version may lack fields added since: fill them from the empty case,
 * one level into groups. No validation here: a copy holds exactly what was typed, right or wrong.
 */
export function completeCaseData(raw: unknown): CaseData {
  const out = emptyCaseData() as unknown as Record<string, unknown>;
  if (!raw || typeof raw !== 'object') return out as unknown as CaseData;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const blank = out[key];
    out[key] =
      blank &&
      typeof blank === 'object' &&
      !Array.isArray(blank) &&
      value &&
      typeof value === 'object'
        ? { ...blank, ...value }
        : value;
  }
  return out as unknown as CaseData;
}

export const caseCopies = localCopyStore<CaseData>('fieldcheck.caseDraft.', completeCaseData);

export const caseDraftTarget: DraftTarget<CaseData> = {
  async save(id, expectedRev, data) {
    const r = await api()['case.save']({ id, expectedRev, data });
    return r.ok ? ok({ revision: r.value.rev }) : r;
  },
  async load(id) {
    const r = await api()['case.get']({ id });
    if (!r.ok) return r;
    return ok({
      revision: r.value.record.rev,
      data: completeCaseData(r.value.record.data),
      editable: caseTakesEdits(r.value),
    });
  },
  copies: caseCopies,
};
