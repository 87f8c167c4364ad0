/**
 * Three-way merge of two edits of one JSON document, field by field (dotted leaf paths, as in
 * shared/sync/paths.ts: arrays such as `samplers` are one leaf). The result starts from
 * `theirs` and takes from `mine` only the leaves `mine` changed relative to `base`; where both
 * changed a leaf, `mine` (the input on this screen) wins. Pure and deterministic.
 */
import {
  changedLeaves,
  cloneJson,
  flattenLeaves,
  getPath,
  isPlainObject,
  isSafePath,
  setPath,
  type Doc,
} from '../../shared/sync/paths';

export function threeWayMerge<T extends object>(base: T, mine: T, theirs: T): T {
  const merged = cloneJson(theirs) as unknown as Doc;
  const mineLeaves = flattenLeaves(mine as unknown as Doc);
  const mineChanged = changedLeaves(base as unknown as Doc, mine as unknown as Doc);
  for (const path of mineChanged) {
    if (!isSafePath(path)) continue;
    if (mineLeaves.has(path)) {
      setPath(merged, path, mineLeaves.get(path));
    } else if (![...mineLeaves.keys()].some((p) => p.startsWith(`${path}.`))) {
      // The leaf is gone from mine (not merely turned into an object with fields): remove it.
      removePath(merged, path);
    }
  }
  return merged as unknown as T;
}

function removePath(doc: Doc, path: string): void {
  const segs = path.split('.');
  const last = segs.pop() as string;
  const parent = segs.length ? getPath(doc, segs.join('.')) : doc;
  if (isPlainObject(parent)) Reflect.deleteProperty(parent, last);
}
