/**
 * Which fields of an entity have local changes not yet taken by the server (pending in the
 * outbox, or held after a refusal the inspector is to fix: shared/sync/errors.ts
 * KEPT_ON_DEVICE_REASONS). A received row
 * keeps the local values of exactly those fields (rebase): the server's values win everywhere
 * else, and the local ones are still on their way up (where the server decides conflicts).
 */
import type { Store } from '../../db/store';

export interface PendingFields {
  /** A pending create or correct: the whole document is the device's. */
  all: boolean;
  /** A pending submit: the workflow state (status, submittedAt) is the device's. */
  submit: boolean;
  /** A pending case transition: the case's workflow is the device's until the server answers. */
  transition: boolean;
  /** Pending content updates (each raises a case's `rev` by one when the server applies it). */
  updates: number;
  paths: string[];
}

/**
 * `held`: also the fields refusals hold (default), or those of them it returns true for. False
 * where the server's copy can no longer take them (a submitted or approved spot check, a field a
 * case stage locked): the record then takes the server's values, as for any refusal; the
 * quarantine still has what was refused.
 */
export function pendingFields(
  store: Store,
  entity: string,
  entityId: string,
  { held = true }: { held?: boolean | ((path: string) => boolean) } = {},
): PendingFields {
  const out: PendingFields = {
    all: false,
    submit: false,
    transition: false,
    updates: 0,
    paths: [],
  };
  for (const m of store.outbox.pendingFor(entity, entityId)) {
    if (m.op === 'create' || m.op === 'correct') out.all = true;
    if (m.op === 'submit') out.submit = true;
    if (m.op === 'update') out.updates += 1;
    if (m.op === 'transition') {
      // Its changes name the step asked for, not fields of the document.
      out.transition = true;
      continue;
    }
    out.paths.push(...Object.keys(m.changes));
  }
  // Refused for what the device's own text carried: kept here until sent again and taken.
  if (held) {
    const paths = store.quarantine.held(entity, entityId).paths;
    out.paths.push(...(held === true ? paths : paths.filter(held)));
  }
  return out;
}

/** True when `path` is, contains or lies inside a pending field. */
export function covers(p: PendingFields, path: string): boolean {
  return (
    p.all || p.paths.some((q) => q === path || path.startsWith(`${q}.`) || q.startsWith(`${path}.`))
  );
}
