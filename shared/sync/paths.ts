/**
 * Documents travel as plain JSON; changes name fields by dotted path (`sample.batchNumber`).
 * Plain objects are walked into; arrays and scalars are leaves, so a list such as `samplers` is
 * one field for conflict detection (its items have no stable identity to merge by).
 */
export type Doc = Record<string, unknown>;

/** Segments that could reach an object's prototype are never valid field names. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

export const PATH_PATTERN = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$/;

export function isSafePath(path: string): boolean {
  return PATH_PATTERN.test(path) && !path.split('.').some((s) => FORBIDDEN.has(s));
}

/**
 * A JSON object. Compared by shape, not by identity with this realm's Object.prototype: rows
 * can come from another realm (a worker thread, a test sandbox).
 */
export function isPlainObject(v: unknown): v is Doc {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

export function cloneJson<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

export function getPath(doc: unknown, path: string): unknown {
  let node: unknown = doc;
  for (const seg of path.split('.')) {
    if (Array.isArray(node) && /^\d+$/.test(seg)) node = node[Number(seg)];
    else if (isPlainObject(node) && Object.hasOwn(node, seg)) node = node[seg];
    else return undefined;
  }
  return node;
}

/** Sets a value in place, creating objects on the way; a numeric segment indexes an existing array. */
export function setPath(doc: Doc, path: string, value: unknown): void {
  if (!isSafePath(path)) throw new Error(`Unsafe field path: ${path}`);
  const segs = path.split('.');
  let node: Doc | unknown[] = doc;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i] as string;
    const last = i === segs.length - 1;
    if (Array.isArray(node)) {
      const idx = Number(seg);
      if (!/^\d+$/.test(seg) || idx > node.length) throw new Error(`Bad array index in ${path}`);
      if (last) node[idx] = cloneJson(value);
      else {
        if (!isPlainObject(node[idx]) && !Array.isArray(node[idx])) node[idx] = {};
        node = node[idx] as Doc | unknown[];
      }
      continue;
    }
    if (last) node[seg] = cloneJson(value);
    else {
      const next: unknown = Object.hasOwn(node, seg) ? node[seg] : undefined;
      if (!isPlainObject(next) && !Array.isArray(next)) node[seg] = {};
      node = node[seg] as Doc | unknown[];
    }
  }
}

/** A copy of `doc` with every change applied, in key order. */
export function applyChanges(doc: Doc, changes: Record<string, unknown>): Doc {
  const out = cloneJson(doc);
  for (const [path, value] of Object.entries(changes)) setPath(out, path, value);
  return out;
}

/** Leaf values by dotted path. An empty object is a leaf too, so it is not lost. */
export function flattenLeaves(
  doc: Doc,
  prefix = '',
  out = new Map<string, unknown>(),
): Map<string, unknown> {
  for (const [key, value] of Object.entries(doc)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(value) && Object.keys(value).length > 0) flattenLeaves(value, path, out);
    else out.set(path, value);
  }
  return out;
}

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}

/** Leaf paths whose values differ between two documents (added and removed leaves included). */
export function changedLeaves(before: Doc, after: Doc): string[] {
  const a = flattenLeaves(before);
  const b = flattenLeaves(after);
  const out: string[] = [];
  for (const [path, value] of b) if (!a.has(path) || !jsonEqual(a.get(path), value)) out.push(path);
  for (const path of a.keys()) if (!b.has(path)) out.push(path);
  return out.sort();
}
