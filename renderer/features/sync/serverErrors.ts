/** Puts an API error's field messages on the form's fields; the rest goes in a banner. */
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { ApiError } from '../../../shared/api/result';
import { encodeMessage } from '../../i18n/messages';

export function applyFieldErrors<T extends FieldValues>(
  error: ApiError,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
): boolean {
  let placed = false;
  for (const [path, ref] of Object.entries(error.fieldErrors ?? {})) {
    const name = fields.find((f) => f === path);
    if (!name) continue;
    setError(name, { type: 'server', message: encodeMessage(ref) }, { shouldFocus: !placed });
    placed = true;
  }
  return placed;
}
