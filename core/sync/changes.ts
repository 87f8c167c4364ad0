/**
 * What a local change sends to the server: field paths in the server's document shape (see
 * server/sync/entities/*). Arrays are one field there (their items have no identity to merge
 * by), so a change inside `samplers` sends the whole list.
 */
import { changedLeaves, cloneJson, getPath, type Doc } from '../../shared/sync/paths';

/** `{path: newValue}` for every leaf that differs, under `prefix` (e.g. `data`). */
export function changedPaths(before: Doc, after: Doc, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of changedLeaves(before, after)) {
    const value = getPath(after, path);
    out[prefix ? `${prefix}.${path}` : path] = value === undefined ? null : cloneJson(value);
  }
  return out;
}
