import type { z } from 'zod';
import { issuesToFieldErrors } from '../shared/api/validation';
import { HttpError } from './errors';

/** zod at the door: anything that does not parse is a 400 with field errors, never a 5xx. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  throw new HttpError('VALIDATION', {}, { fieldErrors: issuesToFieldErrors(r.error.issues) });
}
