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

/** The unit with its ancestors (up) and with its descendants (down); both include the unit. */
export async function unitTree(
  q: Queryable,
  unitId: string,
): Promise<{ up: string[]; down: string[] }> {
  const up = await q.query<{ id: string }>(
    `WITH RECURSIVE a(id, parent_id, depth) AS (
       SELECT id, parent_id, 0 FROM units WHERE id = $1
       UNION ALL SELECT u.id, u.parent_id, a.depth + 1 FROM units u JOIN a ON u.id = a.parent_id WHERE a.depth < 32
     ) SELECT id FROM a`,
    [unitId],
  );
  const down = await q.query<{ id: string }>(
    `WITH RECURSIVE d(id, depth) AS (
       SELECT id, 0 FROM units WHERE id = $1
       UNION ALL SELECT u.id, d.depth + 1 FROM units u JOIN d ON u.parent_id = d.id WHERE d.depth < 32
     ) SELECT id FROM d`,
    [unitId],
  );
  return { up: up.rows.map((r) => r.id), down: down.rows.map((r) => r.id) };
}
