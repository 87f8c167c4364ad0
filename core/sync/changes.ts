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

/** An outbox update's changes and, when they are held fields, the base they go from. */
export interface HeldUpdate {
  changes: Record<string, unknown>;
  baseServerSeq?: number;
}

/** Which held fields (paths as sent) a save may send again; the rest stay with the server. */
export type HeldFilter = (path: string) => boolean;

const overlap = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

/**
 * The fields a refused update of the record still holds on the device
 * (QuarantineRepository.held) and `keep` lets go, each with its value now in `after` (read
 * under `prefix`, as for changedPaths) and the base it was refused from. Text the server cannot
 * store goes as U+FFFD (an older build may have kept it), or the field would be refused on
 * every save.
 */
function heldValues(
  store: Store,
  entity: string,
  entityId: string,
  after: Doc,
  prefix: string,
  keep: HeldFilter,
): Map<string, { value: unknown; base: number }> {
  const held = store.quarantine.held(entity, entityId);
  const out = new Map<string, { value: unknown; base: number }>();
  for (const path of held.paths) {
    if (!keep(path)) continue;
    const inner = prefix
      ? path.startsWith(`${prefix}.`)
        ? path.slice(prefix.length + 1)
        : null
      : path;
    if (inner === null) continue;
    const value = getPath(after, inner);
    out.set(path, {
      value: value === undefined ? null : withStorableText(cloneJson(value)),
      base: held.baseOf[path] ?? 0,
    });
  }
  return out;
}

/**
 * The outbox updates a save of the record writes: `changes` (what this save changed), and first,
 * when refusals hold fields of it, those fields again with their values now, so that once they
 * fit the server has what the inspector typed. Held fields go as updates of their own, one per
 * base they were refused from: a change someone else made to one of them meanwhile (which the
 * device kept its own value over) is a conflict on the server, not overwritten. The rest of the
 * save goes from the record's base as usual, so a refusal of the held fields again never takes
 * this save's other edits with it, and an edit of a field pulled meanwhile is no conflict. A
 * field of this save inside or around a held one goes with it. `keep` drops held fields the
 * server no longer lets change (core/sync/lockedFields.ts).
 */
export function updatesWithHeld(
  store: Store,
  entity: string,
  entityId: string,
  changes: Record<string, unknown>,
  after: Doc,
  prefix = '',
  keep: HeldFilter = () => true,
): HeldUpdate[] {
  const held = heldValues(store, entity, entityId, after, prefix, keep);
  const byBase = new Map<number, Record<string, unknown>>();
  const put = (base: number, path: string, value: unknown) => {
    const group = byBase.get(base) ?? {};
    group[path] = value;
    byBase.set(base, group);
  };
  const own: Record<string, unknown> = {};
  const sentWithHeld: string[] = [];
  for (const [k, v] of Object.entries(changes)) {
    const bases = [...held].filter(([p]) => overlap(k, p)).map(([, h]) => h.base);
    if (bases.length === 0) own[k] = v;
    else {
      put(Math.min(...bases), k, v);
      sentWithHeld.push(k);
    }
  }
  for (const [p, h] of held) {
    if (!sentWithHeld.some((k) => overlap(k, p))) put(h.base, p, h.value);
  }
  const out: HeldUpdate[] = [...byBase]
    .sort(([a], [b]) => a - b)
    .map(([base, group]) => ({ changes: group, baseServerSeq: base }));
  if (Object.keys(own).length > 0) out.push({ changes: own });
  return out;
}

/**
 * `changes` plus the held fields (see updatesWithHeld) in one mutation from the oldest base they
 * were refused from: for a `submit`, where the submitted record must carry what the inspector
 * typed, so a refusal of them refuses the submit too.
 */
export function withHeldFields(
  store: Store,
  entity: string,
  entityId: string,
  changes: Record<string, unknown>,
  after: Doc,
  prefix = '',
): HeldUpdate {
  const held = heldValues(store, entity, entityId, after, prefix, () => true);
  if (held.size === 0) return { changes };
  const out = { ...changes };
  for (const [p, h] of held) {
    // A field this submit sends anyway (or one inside or around it) goes with its value now.
    if (!Object.keys(out).some((k) => overlap(k, p))) out[p] = h.value;
  }
  return { changes: out, baseServerSeq: Math.min(...[...held.values()].map((h) => h.base)) };
}
