import type { z } from 'zod';
import { issuesToFieldErrors } from '../shared/api/validation';
import { HttpError } from './errors';

/** zod at the door: anything that does not parse is a 400 with field errors, never a 5xx. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  throw new HttpError('VALIDATION', {}, { fieldErrors: issuesToFieldErrors(r.error.issues) });
}

/** A UTF-16 half with no partner: no character at all (regex without `u`: code units). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const unstorable = (s: string) => s.includes('\0') || LONE_SURROGATE.test(s);

/**
 * True if a string or key anywhere in `v` holds text PostgreSQL cannot give back out of a JSON
 * document: U+0000 (text cannot hold it) or a lone surrogate (no character, so no UTF-8 for it).
 * json stores either as its escape and fails later, whenever a key is read out of the document as
 * text (pull's scope filter, lookups), which would break every later request touching the row.
 * So nothing may bring one in.
 */
export function hasUnstorableText(v: unknown): boolean {
  if (typeof v === 'string') return unstorable(v);
  if (typeof v !== 'object' || v === null) return false;
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

export const UNSTORABLE_REFUSED = '文字中不能含有空字符（U+0000）或不成对的代理码元';

/** The refusal of a request that brings such text (see hasUnstorableText). */
export const unstorableRefusal = () =>
  new HttpError('BAD_REQUEST', { detail: UNSTORABLE_REFUSED }, { reason: 'unstorableText' });
