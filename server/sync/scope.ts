/**
 * Who may see and change what. One description (Scope) feeds both the per-row checks on push
 * and the WHERE clause of pull, so the two cannot drift apart.
 *
 * - everyone: the product catalog (reference data, unit_id NULL);
 * - inspector: enterprises of their unit and its ancestors (a team sees the city's and the
 *   province's register), the people of their own unit, their own spot checks and cases, and
 *   the review decisions on them;
 * - supervisor / admin: additionally everything of their unit's sub-units: enterprises, people
 *   and every spot check, case and review decision recorded there.
 * Units elsewhere in the tree (a sibling team, another city) are out of scope both ways.
 *
 * A review row carries its target's unit and the reviewer as owner; the inspector finds the
 * reviews of their records through the target (`targetType`, `targetId` in the document).
 */
import type { Role, UserProfile } from '../../shared/sync/protocol';

export interface Caller {
  deviceId: string;
  user: UserProfile;
  /** The caller's unit and its ancestors. */
  up: string[];
  /** The caller's unit and its descendants. */
  down: string[];
  /** The device's last pushed seq when the request was authenticated (orders pipelined pushes). */
  lastSeqAtAuth?: number;
}

export interface Scope {
  userId: string;
  role: Role;
  unitId: string;
  enterpriseUnits: string[];
  peopleUnits: string[];
  /** Units whose spot checks, cases and reviews the caller sees regardless of who recorded them. */
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

/**
 * The per-row read check for rows known by unit and owner alone. Reviews are not among them:
 * an inspector finds a review through its target's owner, which only the pull filter
 * (scopeSql) looks up, so a review is read through scopeSql only and refused here.
 */
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
    case 'case':
      return row.ownerUserId === s.userId || inList(s.recordUnits, row.unitId);
    default:
      return false;
  }
}

/**
 * Devices change only the kinds they push; reference rows are pull-only. The enterprise
 * register is shared by everyone who sees it, but a sampling record (and its photos) and a case
 * (its content and its steps) are written by their owner alone: a supervisor reads them and
 * decides on them in review records of their own, never by editing the inspector's record.
 * Review records are created only, by a supervisor whose scope holds the target (review.ts).
 */
export function canWrite(s: Scope, row: ScopedRow): boolean {
  if (row.entity === 'enterprise') return canRead(s, row);
  if (row.entity === 'spotCheck' || row.entity === 'attachment' || row.entity === 'case') {
    return row.ownerUserId === s.userId;
  }
  return false;
}

/** Whether a record lies in the caller's unit or a unit under it (for the review rules). */
export const inRecordUnits = (s: Scope, unitId: string | null): boolean =>
  inList(s.recordUnits, unitId);

/** The pull filter over `entities` (alias-free), with params starting at $first. */
export function scopeSql(s: Scope, first: number): { sql: string; params: unknown[] } {
  const p = (i: number) => `$${first + i}`;
  return {
    sql: `(entity = 'category'
      OR (entity = 'person' AND unit_id = ANY(${p(0)}::uuid[]))
      OR (entity = 'enterprise' AND unit_id = ANY(${p(1)}::uuid[]))
      OR (entity IN ('spotCheck', 'attachment', 'case', 'review') AND (owner_user_id = ${p(2)}::uuid OR unit_id = ANY(${p(3)}::uuid[])))
      OR (entity = 'review' AND (doc::json->>'targetType', doc::json->>'targetId') IN (
        SELECT t.entity, t.id FROM entities t
        WHERE t.owner_user_id = ${p(2)}::uuid AND t.entity IN ('spotCheck', 'case'))))`,
    params: [s.peopleUnits, s.enterpriseUnits, s.userId, s.recordUnits],
  };
}
