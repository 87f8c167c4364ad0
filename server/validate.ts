import type { z } from 'zod';
import { issuesToFieldErrors } from '../shared/api/validation';
import { HttpError } from './errors';

/** zod at the door: anything that does not parse is a 400 with field errors, never a 5xx. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  throw new HttpError('VALIDATION', {}, { fieldErrors: issuesToFieldErrors(r.error.issues) });
}

/**
 * True if a string or key anywhere in `v` holds U+0000. PostgreSQL text cannot hold it: jsonb
 * refuses it on the way in, and json stores it only to fail later, whenever a key is read out of
 * the document as text (pull's scope filter, lookups), which would break every later request that
 * touches the row. So no request may bring one in.
 */
export function hasNul(v: unknown): boolean {
  if (typeof v === 'string') return v.includes('\0');
  if (typeof v !== 'object' || v === null) return false;
  if (Array.isArray(v)) return v.some(hasNul);
  for (const [k, x] of Object.entries(v)) if (k.includes('\0') || hasNul(x)) return true;
  return false;
}

export const NUL_REFUSED = '文字中不能含有空字符（U+0000）';

/** The refusal of a request that brings U+0000 (see hasNul). */
export const nulRefusal = () =>
  new HttpError('BAD_REQUEST', { detail: NUL_REFUSED }, { reason: 'nul' });
