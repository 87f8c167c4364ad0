/**
 * Text the server's database cannot give back out of a JSON document: U+0000 (PostgreSQL text
 * cannot hold it) and lone surrogates (a UTF-16 half with no partner: no character, so no UTF-8
 * for it). json stores either as its escape and fails later, whenever a key is read out of the
 * document as text. Neither is anything a person types; both arrive pasted from some programs.
 * The server refuses them (server/validate.ts); the app replaces them at its door (core/dispatch.ts)
 * so nothing it stores, syncs or audits holds one.
 */

/** Regexes without `u`: they match UTF-16 code units. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_ALL = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const unstorable = (s: string) => s.includes('\0') || LONE_SURROGATE.test(s);

/** Made by a literal, JSON.parse or structuredClone, in any realm (its Object.prototype). */
const isPlainObject = (v: object): v is Record<string, unknown> => {
  const proto = Object.getPrototypeOf(v) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
};

/** True if a string or key anywhere in `v` (arrays and plain objects) holds such text. */
export function hasUnstorableText(v: unknown): boolean {
  if (typeof v === 'string') return unstorable(v);
  if (typeof v !== 'object' || v === null || ArrayBuffer.isView(v)) return false;
  if (Array.isArray(v)) return v.some(hasUnstorableText);
  for (const [k, x] of Object.entries(v)) if (unstorable(k) || hasUnstorableText(x)) return true;
  return false;
}

/**
 * Whether JSON text may parse to such a string: only an escape can put either there (JSON
 * forbids raw control characters in strings, and decoded UTF-8 holds no lone surrogate), so text
 * without `\u0000` or a `\uD8..`–`\uDF..` escape needs no walk after parsing.
 */
export const mayHoldUnstorableText = (json: string): boolean =>
  /\\u(?:0000|[dD][89a-fA-F])/.test(json);

const replaced = (s: string) => s.replace(UNSTORABLE_ALL, '\uFFFD');

/**
 * `v` with each such character replaced by U+FFFD (what a UTF-8 encoder writes for a lone
 * surrogate; the mark stays visible where the character was), or `v` itself when it has none.
 * Only strings inside arrays and plain objects are rewritten; anything else is kept as it is.
 */
export function withStorableText<T>(v: T): T {
  if (!hasUnstorableText(v)) return v;
  const walk = (x: unknown): unknown => {
    if (typeof x === 'string') return replaced(x);
    if (typeof x !== 'object' || x === null || ArrayBuffer.isView(x)) return x;
    if (Array.isArray(x)) return x.map(walk);
    if (!isPlainObject(x)) return x;
    return Object.fromEntries(Object.entries(x).map(([k, y]) => [replaced(k), walk(y)]));
  };
  return walk(v) as T;
}
