/** Spot checks as autosaved drafts: how they are saved, read back and copied locally. */
import { api } from '../../api/client';
import { ok } from '../../../shared/api/result';
import {
  completeSpotCheckData,
  isEditableSpotCheckStatus,
  type SpotCheckData,
  type SpotCheckDraftData,
  type SpotCheckStatus,
} from '../../../shared/schemas/spotCheck';
import type { DraftTarget } from '../drafts/draftSaver';
import { localCopyStore } from '../drafts/localCopy';

/** A draft takes edits, and so does a record a supervisor returned (its owner fixes and resubmits). */
export const takesEdits = (status: SpotCheckStatus): boolean => isEditableSpotCheckStatus(status);

export const spotCheckCopies = localCopyStore<SpotCheckData>('fieldcheck.spotCheckDraft.', (raw) =>
  completeSpotCheckData(raw as SpotCheckDraftData),
);

export const spotCheckDraftTarget: DraftTarget<SpotCheckData> = {
  async save(id, expectedRevision, values) {
    const r = await api()['spotCheck.saveDraft']({ id, expectedRevision, data: values });
    return r.ok ? ok({ revision: r.value.revision }) : r;
  },
  async load(id) {
    const r = await api()['spotCheck.get']({ id });
    if (!r.ok) return r;
    const { record } = r.value;
    return ok({
      revision: record.revision,
      data: completeSpotCheckData(record.data),
      editable: takesEdits(record.status),
    });
  },
  copies: spotCheckCopies,
};
