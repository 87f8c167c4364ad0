/**
 * A copy of the form in localStorage, written on every change before the save is even
 * attempted: if the save fails, the app crashes or the laptop dies, reopening the record
 * brings the input back. Cleared once the store has the same values. The copy also keeps the
 * stored data its edits started from (`base`), so that if the record changed elsewhere in the
 * meantime only the fields edited here are carried over (see threeWayMerge).
 */
import {
  completeSpotCheckData,
  type SpotCheckData,
  type SpotCheckDraftData,
} from '../../../shared/schemas/spotCheck';

const PREFIX = 'fieldcheck.spotCheckDraft.';

export interface LocalCopy {
  values: SpotCheckData;
  /** The store's revision the copy started from. */
  revision: number;
  /** The stored data at `revision` (the last saved values); absent in copies from older versions. */
  base?: SpotCheckData;
  at: string;
}

export function writeLocalCopy(
  id: string,
  values: SpotCheckData,
  revision: number,
  base: SpotCheckData,
): void {
  try {
    const copy: LocalCopy = { values, revision, base, at: new Date().toISOString() };
    localStorage.setItem(PREFIX + id, JSON.stringify(copy));
  } catch {
    // Quota or privacy mode: the save to the store is still attempted; nothing more to do here.
  }
}

export function readLocalCopy(id: string): LocalCopy | null {
  try {
    const raw = localStorage.getItem(PREFIX + id);
    if (!raw) return null;
    const copy = JSON.parse(raw) as LocalCopy;
    return {
      ...copy,
      values: completeSpotCheckData(copy.values as SpotCheckDraftData),
      ...(copy.base ? { base: completeSpotCheckData(copy.base as SpotCheckDraftData) } : {}),
    };
  } catch {
    return null;
  }
}

export function clearLocalCopy(id: string): void {
  try {
    localStorage.removeItem(PREFIX + id);
  } catch {
    // Nothing to recover: a stale copy equal to the stored record is ignored on open.
  }
}

/** Key order differs between sources, so compare by sorted JSON. */
export function sameValues(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) =>
    val && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(
          Object.entries(val as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : 1)),
        )
      : val,
  );
}
