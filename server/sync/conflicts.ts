/**
 * Field-level conflict detection, pure so it can be tested (and reasoned about) alone.
 *
 * Each entity keeps, per leaf field, the serverSeq and device of its last change. A client
 * change to field F conflicts iff F changed on the server after the client's baseServerSeq, by
 * another device, and the values differ. Conflicting fields keep the server's value in the
 * document; both values go to a conflict row for a person to decide. Other fields merge.
 * Client clocks play no part: "after" means a higher server seq.
 */
import { changedLeaves, cloneJson, getPath, setPath, type Doc } from '../../shared/sync/paths';

export interface FieldStamp {
  /** serverSeq of the last change. */
  s: number;
  /** Device that made it. */
  d: string;
}
export type FieldStamps = Record<string, FieldStamp>;

export interface DetectedConflict {
  field: string;
  serverValue: unknown;
  clientValue: unknown;
  serverSeq: number;
}

export function detectConflicts(
  current: Doc,
  stamps: FieldStamps,
  candidate: Doc,
  baseServerSeq: number | null,
  deviceId: string,
): { merged: Doc; conflicts: DetectedConflict[] } {
  const base = baseServerSeq ?? 0;
  const merged = cloneJson(candidate);
  const conflicts: DetectedConflict[] = [];
  for (const field of changedLeaves(current, candidate)) {
    const stamp = Object.hasOwn(stamps, field) ? stamps[field] : undefined;
    if (!stamp || stamp.s <= base || stamp.d === deviceId) continue;
    const serverValue = getPath(current, field);
    conflicts.push({
      field,
      serverValue,
      clientValue: getPath(candidate, field),
      serverSeq: stamp.s,
    });
    restore(merged, field, serverValue);
  }
  return { merged, conflicts };
}

function restore(doc: Doc, field: string, value: unknown): void {
  if (value !== undefined) {
    setPath(doc, field, value);
    return;
  }
  const parts = field.split('.');
  const leaf = parts.pop() as string;
  const parent = parts.length ? getPath(doc, parts.join('.')) : doc;
  if (parent && typeof parent === 'object' && !Array.isArray(parent))
    Reflect.deleteProperty(parent, leaf);
}

/** Stamps after a write: every changed leaf now carries this seq and device. */
export function restamp(
  stamps: FieldStamps,
  changed: readonly string[],
  seq: number,
  deviceId: string,
): FieldStamps {
  const out: FieldStamps = { ...stamps };
  for (const f of changed) out[f] = { s: seq, d: deviceId };
  return out;
}
