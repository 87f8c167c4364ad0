/**
 * How an entity's field stamps (conflicts.ts: per leaf field, the serverSeq and device of its
 * last change) are stored in `entities.fields`. Written out in full they are three times the
 * size of the document itself (71 leaves × `{"s":…,"d":"<device uuid>"}` for a spot check), and
 * almost all of them are the same stamp: the one of the write that created the record.
 *
 * Stored form: `"*"` holds a default stamp that every current leaf of the document has unless
 * the leaf is listed on its own (with its stamp, or null for "no stamp"); keys that are not
 * leaves of the document (removed fields) are listed as they are. Without `"*"` the object is
 * the plain path → stamp map (rows written before this codec, and documents with no stamps).
 * `"*"` can never be a field path (paths.ts), and decode(encode(s, doc), doc) equals s exactly,
 * so everything above this file sees the same stamps as before.
 */
import { flattenLeaves, type Doc } from '../../../shared/sync/paths';
import type { FieldStamp, FieldStamps } from '../conflicts';

export const DEFAULT_KEY = '*';

export type StoredStamps = Record<string, FieldStamp | null>;

const same = (a: FieldStamp, b: FieldStamp) => a.s === b.s && a.d === b.d;

/** Stamps of a newly created document: every leaf carries `stamp`. */
export function stampsForNew(doc: Doc, stamp: FieldStamp): StoredStamps {
  // A non-empty object always has at least one leaf (an empty nested object is a leaf).
  return Object.keys(doc).length > 0 ? { [DEFAULT_KEY]: { s: stamp.s, d: stamp.d } } : {};
}

/**
 * JSON.stringify(stampsForNew(doc, { s: seq, d: deviceId })), written directly: it is made for
 * every new entity of a push. `deviceJson` is JSON.stringify(deviceId).
 */
export function newStampsJson(doc: Doc, seq: number, deviceJson: string): string {
  for (const _ in doc) return `{"${DEFAULT_KEY}":{"s":${seq},"d":${deviceJson}}}`;
  return '{}';
}

/**
 * The most common stamp among the document's leaves becomes the default; ties go to the higher
 * seq, then the larger device id, so the stored form does not depend on key order.
 */
export function encodeStamps(stamps: FieldStamps, doc: Doc): StoredStamps {
  const leaves = [...flattenLeaves(doc).keys()];
  const counts = new Map<string, { stamp: FieldStamp; n: number }>();
  for (const leaf of leaves) {
    const st = Object.hasOwn(stamps, leaf) ? stamps[leaf] : undefined;
    if (!st) continue;
    const k = `${st.s}\u0000${st.d}`;
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { stamp: st, n: 1 });
  }
  let best: { stamp: FieldStamp; n: number } | undefined;
  for (const c of counts.values()) {
    if (
      !best ||
      c.n > best.n ||
      (c.n === best.n &&
        (c.stamp.s > best.stamp.s || (c.stamp.s === best.stamp.s && c.stamp.d > best.stamp.d)))
    )
      best = c;
  }
  if (!best) return { ...stamps };
  const def = best.stamp;
  const out: StoredStamps = { [DEFAULT_KEY]: { s: def.s, d: def.d } };
  const leafSet = new Set(leaves);
  for (const leaf of leaves) {
    const st = Object.hasOwn(stamps, leaf) ? stamps[leaf] : undefined;
    if (!st) out[leaf] = null;
    else if (!same(st, def)) out[leaf] = st;
  }
  for (const [k, st] of Object.entries(stamps)) if (!leafSet.has(k)) out[k] = st;
  return out;
}

export function decodeStamps(stored: StoredStamps | null | undefined, doc: Doc): FieldStamps {
  if (!stored) return {};
  const def = Object.hasOwn(stored, DEFAULT_KEY) ? stored[DEFAULT_KEY] : undefined;
  if (!def) return stored as FieldStamps;
  const out: FieldStamps = {};
  for (const leaf of flattenLeaves(doc).keys()) {
    if (!Object.hasOwn(stored, leaf)) out[leaf] = { s: def.s, d: def.d };
  }
  for (const [k, st] of Object.entries(stored)) if (k !== DEFAULT_KEY && st) out[k] = st;
  return out;
}
