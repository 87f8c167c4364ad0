/**
 * Who may see and change what. One description (Scope) feeds both the per-row checks on push
 * and the WHERE clause of pull, so the two cannot drift apart.
 *
 * - everyone: the product catalog (reference data, unit_id NULL);
 * - inspector: enterprises of their unit and its ancestors (a team sees the city's and the
 *   province's register), the people of their own unit, and their own spot checks;
 * - supervisor / admin: additionally everything of their unit's sub-units: enterprises, people
 *   and every spot check recorded there.
 * Units elsewhere in the tree (a sibling team, another city) are out of scope both ways.
 */
import type { Role, UserProfile } from '../../shared/sync/protocol';

export interface Caller {
  deviceId: string;
  user: UserProfile;
  /** The caller's unit and its ancestors. */
  up: string[];
  /** The caller's unit and its descendants. */
  down: string[];
}

export interface Scope {
  userId: string;
  role: Role;
  unitId: string;
  enterpriseUnits: string[];
  peopleUnits: string[];
  /** Units whose spot checks the caller sees regardless of who recorded them. */
  recordUnits: string[];
}

export interface ScopedRow {
  entity: string;
  unitId: string | null;
  ownerUserId: string | null;
}

export function scopeFor(c: Caller): Scope {
  const wide = c.user.role !== 'inspector';
  return {
    userId: c.user.id,
    role: c.user.role,
    unitId: c.user.unitId,
    enterpriseUnits: wide ? [...new Set([...c.up, ...c.down])] : c.up,
    peopleUnits: wide ? c.down : [c.user.unitId],
    recordUnits: wide ? c.down : [],
  };
}

const inList = (list: string[], v: string | null) => v !== null && list.includes(v);

export function canRead(s: Scope, row: ScopedRow): boolean {
  switch (row.entity) {
    case 'category':
      return true;
    case 'person':
      return inList(s.peopleUnits, row.unitId);
    case 'enterprise':
      return inList(s.enterpriseUnits, row.unitId);
    // An attachment carries its spot check's unit and owner, so it is seen exactly like it.
    case 'spotCheck':
    case 'attachment':
      return row.ownerUserId === s.userId || inList(s.recordUnits, row.unitId);
    default:
      return false;
  }
}

/**
 * Devices change only the kinds they push; reference rows are pull-only. The enterprise
 * register is shared by everyone who sees it, but a sampling record (and its photos) is
 * written by its owner alone: a supervisor reads it and decides on it in review records of
 * their own, never by editing the inspector's record.
 */
export function canWrite(s: Scope, row: ScopedRow): boolean {
  if (row.entity === 'enterprise') return canRead(s, row);
  if (row.entity === 'spotCheck' || row.entity === 'attachment') {
    return row.ownerUserId === s.userId;
  }
  return false;
}

/** The pull filter over `entities` (alias-free), with params starting at $first. */
export function scopeSql(s: Scope, first: number): { sql: string; params: unknown[] } {
  const p = (i: number) => `$${first + i}`;
  return {
    sql: `(entity = 'category'
      OR (entity = 'person' AND unit_id = ANY(${p(0)}::uuid[]))
      OR (entity = 'enterprise' AND unit_id = ANY(${p(1)}::uuid[]))
      OR (entity IN ('spotCheck', 'attachment') AND (owner_user_id = ${p(2)}::uuid OR unit_id = ANY(${p(3)}::uuid[]))))`,
    params: [s.peopleUnits, s.enterpriseUnits, s.userId, s.recordUnits],
  };
}
