/**
 * What a local change sends to the server: field paths in the server's document shape (see
 * server/sync/entities/*). Arrays are one field there (their items have no identity to merge
 * by), so a change inside `samplers` sends the whole list.
 */
import type { Store } from '../../db/store';
import { changedLeaves, cloneJson, getPath, type Doc } from '../../shared/sync/paths';
import { withStorableText } from '../../shared/sync/unstorableText';

/** `{path: newValue}` for every leaf that differs, under `prefix` (e.g. `data`). */
export function changedPaths(before: Doc, after: Doc, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of changedLeaves(before, after)) {
    const value = getPath(after, path);
    out[prefix ? `${prefix}.${path}` : path] = value === undefined ? null : cloneJson(value);
  }
  return out;
}

/** An update's changes and, when it carries held fields, the base they go from. */
export interface HeldUpdate {
  changes: Record<string, unknown>;
  baseServerSeq?: number;
}

/**
 * `changes` plus the value now of every field a refused update of the record still holds on
 * the device (QuarantineRepository.held), so saving the record sends those again: once they fit,
 * the server has what the inspector typed. With held fields the update goes from the refused
 * one's base, so a change someone else made to one of them meanwhile (which the device kept its
 * own value over) is a conflict on the server, not overwritten. `after` is the document the
 * paths are read in, under `prefix` as for changedPaths. Text the server cannot store goes as
 * U+FFFD (an older build may have kept it), or the field would be refused on every save.
 */
export function withHeldFields(
  store: Store,
  entity: string,
  entityId: string,
  changes: Record<string, unknown>,
  after: Doc,
  prefix = '',
): HeldUpdate {
  const held = store.quarantine.held(entity, entityId);
  if (held.paths.length === 0) return { changes };
  const out = { ...changes };
  const overlaps = (path: string) =>
    Object.keys(out).some(
      (k) => k === path || k.startsWith(`${path}.`) || path.startsWith(`${k}.`),
    );
  for (const path of held.paths) {
    // A field this save sends anyway (or one inside or around it) goes with its value now.
    if (overlaps(path)) continue;
    const inner = prefix
      ? path.startsWith(`${prefix}.`)
        ? path.slice(prefix.length + 1)
        : null
      : path;
    if (inner === null) continue;
    const value = getPath(after, inner);
    out[path] = value === undefined ? null : withStorableText(cloneJson(value));
  }
  return { changes: out, baseServerSeq: held.base ?? 0 };
}
