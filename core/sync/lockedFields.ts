/**
 * Fields a record no longer lets its owner change, which a refusal may still hold on the device:
 * a case's fields its stage has locked (shared/domain/case/stages.ts). Such a held field is not
 * sent again and the record takes the server's value; the quarantine keeps what was refused.
 */
import type { Store } from '../../db/store';
import { lockedBy, type CaseStage } from '../../shared/domain/case/stages';

/** Whether a case field (a path as sent, `data.…`) is locked in `stage`. */
export const caseFieldLocked =
  (stage: CaseStage) =>
  (path: string): boolean =>
    lockedBy(stage, path.replace(/^data\./, '')) !== null;

/** The locked-field test for the record as the device holds it now. */
export function lockedFields(store: Store, entity: string, id: string): (path: string) => boolean {
  const stage = entity === 'case' ? store.cases.get(id)?.stage : undefined;
  return stage ? caseFieldLocked(stage) : () => false;
}

/**
 * After a pull: held refusals whose every field the record now locks are settled as 'locked'
 * (quarantine.ts settleLocked), so the sync page does not keep asking for something no save can
 * send. Returns how many.
 */
export function settleLockedRefusals(store: Store, at: string): number {
  let settled = 0;
  for (const { entity, entityId } of store.quarantine.heldRecords()) {
    settled += store.quarantine.settleLocked(
      entity,
      entityId,
      lockedFields(store, entity, entityId),
      at,
    );
  }
  return settled;
}
