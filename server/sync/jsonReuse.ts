/**
 * Serializing the same JSON once. A create usually stores, as its document's `data`, exactly the
 * `data` the device sent (validated and completed, and for a complete record nothing changes),
 * and the push path writes both: the document (entities.doc) and what was sent (the push log).
 * When the two are the same JSON, the text is made once and used in both places.
 *
 * Everything here is exact: sameJson is true only when JSON.stringify would give the same text
 * for both values, and stringifyWith gives exactly JSON.stringify's text. Anything outside plain
 * JSON data (undefined, functions, non-finite numbers, class instances, toJSON) makes sameJson
 * false, and the caller then serializes as usual.
 */
import { joinText, type TextPart } from '../storage/textParts';

const isPlain = (v: object): boolean => {
  const proto = Object.getPrototypeOf(v) as unknown;
  return (proto === Object.prototype || proto === null) && !('toJSON' in v);
};

/** True iff JSON.stringify(a) === JSON.stringify(b) (and both are plain JSON data). */
export function sameJson(a: unknown, b: unknown): boolean {
  return sameAt(a, b, 0);
}

/** Per nesting depth, an array reused for an object's keys (no allocation per object). */
const keyScratch: string[][] = [];

function sameAt(a: unknown, b: unknown, depth: number): boolean {
  if (a === b) {
    if (a === null) return true;
    switch (typeof a) {
      case 'string':
      case 'boolean':
        return true;
      case 'number':
        return Number.isFinite(a);
      case 'object':
        return plainJson(a as object);
      default:
        return false;
    }
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameAt(a[i], b[i], depth + 1)) return false;
    return true;
  }
  if (Array.isArray(b) || !isPlain(a) || !isPlain(b)) return false;
  // Same own keys in the same order. for…in gives Object.keys' order; a key that is not own
  // (someone added an enumerable key to Object.prototype) makes the answer a safe "no".
  const kb = (keyScratch[depth] ??= []);
  let n = 0;
  for (const k in b) {
    if (!Object.hasOwn(b, k)) return false;
    kb[n++] = k;
  }
  let i = 0;
  for (const k in a) {
    if (!Object.hasOwn(a, k) || i >= n || k !== kb[i]) return false;
    i++;
    const x = (a as Record<string, unknown>)[k];
    const y = (b as Record<string, unknown>)[k];
    // Most leaves are the same string on both sides: no call needed.
    if (!(x === y && typeof x === 'string') && !sameAt(x, y, depth + 1)) return false;
  }
  return i === n;
}

/** The same object on both sides: it still has to be plain JSON data throughout. */
function plainJson(v: object): boolean {
  if (Array.isArray(v)) return v.every((x) => sameJson(x, x));
  if (!isPlain(v)) return false;
  for (const x of Object.values(v)) if (!sameJson(x, x)) return false;
  return true;
}

/**
 * JSON text as one string or as parts to concatenate (see storage/types.ts RowSet: parts are
 * written one after another, so a large known text is never copied into a new string). A part may
 * be the UTF-8 bytes a device sent (storage/textParts.ts).
 */
export type JsonText = string | readonly TextPart[];

export const jsonString = (t: JsonText): string => (typeof t === 'string' ? t : joinText(t));

/**
 * JSON.stringify(obj) for a plain object whose members named in `known` have the given JSON
 * text (the caller guarantees it is JSON.stringify of that member's value), as parts: the known
 * texts are parts of their own. Member order and the skipping of undefined, function and symbol
 * values are JSON.stringify's.
 */
export function stringifyParts(
  obj: Record<string, unknown>,
  known: Record<string, TextPart>,
): TextPart[] {
  if (!isPlain(obj)) return [JSON.stringify(obj)];
  // Common case: one known member, the last one. JSON.stringify of the object with null in its
  // place ends with `"<key>":null}` (the last member); cut that null out and put the text in.
  let last: string | undefined;
  for (const k in obj) if (Object.hasOwn(obj, k)) last = k;
  const knownKeys = Object.keys(known);
  const key = knownKeys.length === 1 ? knownKeys[0] : undefined;
  const value = key === undefined ? undefined : obj[key];
  if (
    key !== undefined &&
    last === key &&
    value !== undefined &&
    typeof value !== 'function' &&
    typeof value !== 'symbol'
  ) {
    const head = JSON.stringify({ ...obj, [key]: null });
    return [head.slice(0, -5), known[key] as TextPart, '}'];
  }
  const parts: TextPart[] = [];
  let cur = '{';
  let sep = '';
  for (const key of Object.keys(obj)) {
    if (Object.hasOwn(known, key)) {
      parts.push(`${cur}${sep}${JSON.stringify(key)}:`, known[key] as TextPart);
      cur = '';
    } else {
      const text = JSON.stringify(obj[key]);
      if (text === undefined) continue;
      cur += `${sep}${JSON.stringify(key)}:${text}`;
    }
    sep = ',';
  }
  parts.push(`${cur}}`);
  return parts;
}

/** stringifyParts as one string. */
export const stringifyWith = (obj: Record<string, unknown>, known: Record<string, TextPart>) =>
  joinText(stringifyParts(obj, known));

/**
 * JSON texts already made during a push batch, by the object they serialize (a mutation's
 * `changes`): the push log takes them instead of serializing again.
 */
export type KnownJson = WeakMap<object, JsonText>;

/**
 * The document's JSON text; when its `data` is the same JSON as the `data` the device sent (and
 * that is all it sent), made once and also remembered as the text of `sent` for the push log.
 */
export function docJsonReusing(
  doc: Record<string, unknown>,
  sent: Record<string, unknown> | undefined,
  known: KnownJson,
): JsonText {
  if (
    sent !== undefined &&
    Object.hasOwn(doc, 'data') &&
    Object.keys(sent).length === 1 &&
    Object.hasOwn(sent, 'data') &&
    sameJson(doc.data, sent.data)
  ) {
    const data = JSON.stringify(sent.data);
    known.set(sent, ['{"data":', data, '}']);
    return stringifyParts(doc, { data });
  }
  return JSON.stringify(doc);
}
