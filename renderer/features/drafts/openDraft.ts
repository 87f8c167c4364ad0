/**
 * What a form opens with: the stored record, or unsaved input kept in the local copy. Shared by
 * every autosaved form, so a restored copy is handled the same way everywhere.
 */
import { threeWayMerge } from '../../lib/threeWayMerge';
import { sameValues, type LocalCopy, type LocalCopyStore } from './localCopy';

export interface OpenedDraft<T> {
  initialValues: T;
  /** The form starts from a local copy the store does not have yet. */
  restored: boolean;
  /** A local copy holds input that the record can no longer take; the copy is kept. */
  unapplied: boolean;
}

/**
 * The stored data with the local copy's input on it. Same revision: the copy as it is. The
 * record moved on (sync pull, conflict resolution): only the fields edited locally, merged onto
 * the stored data, so changes made elsewhere are kept. A copy from an older version without its
 * base cannot be merged safely and is taken as carrying no input.
 */
function withLocalInput<T extends object>(local: LocalCopy<T>, stored: T, revision: number): T {
  if (local.revision === revision) return local.values;
  return local.base ? threeWayMerge(local.base, local.values, stored) : stored;
}

export function openDraft<T extends object>(
  copies: LocalCopyStore<T>,
  id: string,
  stored: T,
  revision: number,
  /** Whether the record still takes this user's edits. */
  editable: boolean,
): OpenedDraft<T> {
  const local = copies.read(id);
  const values = local ? withLocalInput(local, stored, revision) : stored;
  const pending = local !== null && !sameValues(values, stored);
  if (pending && editable) return { initialValues: values, restored: true, unapplied: false };
  // Submitted or locked elsewhere: the input cannot go into this record, but is not thrown away.
  if (pending) return { initialValues: stored, restored: false, unapplied: true };
  if (local) copies.clear(id);
  return { initialValues: stored, restored: false, unapplied: false };
}
