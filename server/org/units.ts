import { v7 as uuidv7 } from 'uuid';
import type { UnitInfo } from '../../shared/sync/protocol';
import type { Queryable } from '../storage/types';

interface UnitRow {
  id: string;
  parent_id: string | null;
  name: string;
  region_code: string;
}

const toUnit = (r: UnitRow): UnitInfo => ({
  id: r.id,
  name: r.name,
  parentId: r.parent_id,
  regionCode: r.region_code,
});

export async function createUnit(
  q: Queryable,
  input: { name: string; parentId?: string | null; regionCode?: string },
): Promise<UnitInfo> {
  const name = input.name.trim();
  if (!name) throw new Error('Unit name is required');
  if (input.parentId && !(await getUnit(q, input.parentId)))
    throw new Error(`No unit ${input.parentId}`);
  const { rows } = await q.query<UnitRow>(
    'INSERT INTO units (id, parent_id, name, region_code) VALUES ($1, $2, $3, $4) RETURNING *',
    [uuidv7(), input.parentId ?? null, name, input.regionCode ?? ''],
  );
  return toUnit(rows[0] as UnitRow);
}

export async function getUnit(q: Queryable, id: string): Promise<UnitInfo | null> {
  const { rows } = await q.query<UnitRow>('SELECT * FROM units WHERE id = $1', [id]);
  return rows[0] ? toUnit(rows[0]) : null;
}

export async function listUnits(q: Queryable): Promise<UnitInfo[]> {
  const { rows } = await q.query<UnitRow>('SELECT * FROM units ORDER BY created_at, id');
  return rows.map(toUnit);
}

/**
 * The recursive CTEs `up` (the unit and its ancestors) and `down` (the unit and its
 * descendants), each with `depth` from the unit, for a WITH RECURSIVE clause. `unitIdSql` is
 * the SQL of the unit's id (a parameter, or a subquery of an earlier CTE). Depth stops at 32 so
 * a cycle in the tree cannot loop.
 */
export const unitTreeCtes = (unitIdSql: string): string => `
  up(id, parent_id, depth) AS (
    SELECT un.id, un.parent_id, 0 FROM units un WHERE un.id IN (${unitIdSql})
    UNION ALL
    SELECT u.id, u.parent_id, up.depth + 1 FROM units u JOIN up ON u.id = up.parent_id WHERE up.depth < 32
  ),
  down(id, depth) AS (
    SELECT un.id, 0 FROM units un WHERE un.id IN (${unitIdSql})
    UNION ALL
    SELECT u.id, down.depth + 1 FROM units u JOIN down ON u.parent_id = down.id WHERE down.depth < 32
  )`;

/** The id arrays of `up` and `down`, nearest first (select list over unitTreeCtes). */
export const UNIT_TREE_COLUMNS = `ARRAY(SELECT id::text FROM up ORDER BY depth) AS up,
       ARRAY(SELECT id::text FROM down ORDER BY depth) AS down`;

/** The unit with its ancestors (up) and with its descendants (down); both include the unit. */
export async function unitTree(
  q: Queryable,
  unitId: string,
): Promise<{ up: string[]; down: string[] }> {
  const { rows } = await q.query<{ up: string[]; down: string[] }>(
    `WITH RECURSIVE ${unitTreeCtes('$1::uuid')} SELECT ${UNIT_TREE_COLUMNS}`,
    [unitId],
  );
  const row = rows[0];
  return { up: row?.up ?? [], down: row?.down ?? [] };
}
