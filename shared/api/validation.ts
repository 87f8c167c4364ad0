import type { z } from 'zod';
import { fail, type ApiError, type MessageRef, type Result } from './result';

/** Turns zod issues into messages by field path; the first problem per field wins. */
export function issuesToFieldErrors(
  issues: readonly z.core.$ZodIssue[],
): Record<string, MessageRef> {
  const out: Record<string, MessageRef> = {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key].join('.');
        out[path] ??= { key: 'v.unknownField', params: { field: key } };
      }
      continue;
    }
    const path = issue.path.map(String).join('.') || '_';
    if (out[path]) continue;
    out[path] = messageFor(issue);
  }
  return out;
}

/** Messages that are i18n keys: field rules (`v.`) and the case rules schemas refer to. */
const MESSAGE_KEY = /^(v|caseRule)\./;

function messageFor(issue: z.core.$ZodIssue): MessageRef {
  const key = MESSAGE_KEY.test(issue.message) ? issue.message : fallbackKey(issue);
  if (issue.code === 'too_big') return { key, params: { max: Number(issue.maximum) } };
  if (issue.code === 'too_small') return { key, params: { min: Number(issue.minimum) } };
  return { key };
}

function fallbackKey(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_big':
      return 'v.tooLong';
    case 'too_small':
      return 'v.tooSmall';
    case 'invalid_type':
      return 'v.type';
    case 'invalid_value':
      return 'v.enum';
    default:
      return 'v.invalid';
  }
}

export function validationError(issues: readonly z.core.$ZodIssue[]): {
  ok: false;
  error: ApiError;
} {
  return fail('VALIDATION', 'e.validation', undefined, issuesToFieldErrors(issues));
}

/** Parses input against a schema; a failure becomes a VALIDATION error with field messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return validationError(parsed.error.issues);
}
