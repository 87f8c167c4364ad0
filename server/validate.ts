import type { z } from 'zod';
import { issuesToFieldErrors } from '../shared/api/validation';
import { HttpError } from './errors';

/** zod at the door: anything that does not parse is a 400 with field errors, never a 5xx. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  throw new HttpError('VALIDATION', {}, { fieldErrors: issuesToFieldErrors(r.error.issues) });
}

export { hasUnstorableText, mayHoldUnstorableText } from '../shared/sync/unstorableText';

export const UNSTORABLE_REFUSED = '文字中不能含有空字符（U+0000）或不成对的代理码元';

/** The refusal of a request that brings such text (see hasUnstorableText). */
export const unstorableRefusal = () =>
  new HttpError('BAD_REQUEST', { detail: UNSTORABLE_REFUSED }, { reason: 'unstorableText' });
