/**
 * Helpers for records whose devices write only their `data` part (spot checks and cases): the
 * rest of the document is workflow state that the server alone keeps.
 */
import { applyChanges, type Doc } from '../../../shared/sync/paths';
import type { Mutation } from '../../../shared/sync/protocol';
import { isRejection, reject, type Rejection } from './types';

/** Refuses a change outside `data` (and the named extra paths). */
export function onlyData(m: Mutation, allowed: readonly string[] = []): Rejection | null {
  for (const path of Object.keys(m.changes)) {
    if (path === 'data' || path.startsWith('data.') || allowed.includes(path)) continue;
    return reject('fieldNotWritable', { field: path });
  }
  return null;
}

/**
 * The `data` a create names. The app sends the whole document as `{ data: {...} }`; that object
 * is used as it is (the validators copy, never change it, and it came from JSON), which skips a
 * deep clone per record. Dotted paths go through applyChanges.
 */
export function createdData(changes: Record<string, unknown>): { data: unknown } | Rejection {
  const keys = Object.keys(changes);
  if (keys.length === 1 && keys[0] === 'data') return { data: changes.data };
  const doc = withChanges({}, changes);
  return isRejection(doc) ? doc : { data: doc.data };
}

/**
 * `doc` with the changes applied, or a validation rejection when a path cannot be set (an
 * index past the end of a list): a malformed change is the client's problem, not a server error.
 */
export function withChanges(doc: Doc, changes: Record<string, unknown>): Doc | Rejection {
  try {
    return applyChanges(doc, changes);
  } catch {
    return reject('validation', undefined, {
      fieldErrors: Object.fromEntries(Object.keys(changes).map((k) => [k, { key: 'v.invalid' }])),
    });
  }
}
