/**
 * The references of `entities` (unit, owner) and `mutations` (device) are checked per statement
 * (storage/sql/009_set_based_references.ts) instead of by foreign keys. Everything a foreign key
 * refused must still be refused — on the push path's bulk insert too — and a delete racing an
 * insert must not leave a row naming something gone.
 */
import { createUnit } from '../../server/org/units';
import { createUser } from '../../server/org/users';
import { insertRows } from '../../server/storage/multiRow';
import { settleAll } from '../../server/storage/settle';
import type { Queryable, RowSet } from '../../server/storage/types';
import {
  createOrg,
  enroll,
  newId,
  openTestStorage,
  type TestOrg,
  type TestStorage,
} from '../../server/testing/harness';

let db: TestStorage;
let org: TestOrg;
let seq = 1_000_000;

beforeAll(async () => {
  db = await openTestStorage();
  org = await createOrg(db.storage);
}, 60_000);

afterAll(async () => {
  await db?.close();
});

const REFUSED = { code: '23503' };

function insertEntity(q: Queryable, unitId: string | null, ownerId: string | null, id = newId()) {
  return q.query(
    `INSERT INTO entities (entity, id, unit_id, owner_user_id, doc, server_seq)
     VALUES ('spotCheck', $1, $2, $3, '{}'::json, $4)`,
    [id, unitId, ownerId, ++seq],
  );
}

/** New entity rows as the push path writes them (binary COPY on PostgreSQL). */
function entityRows(refs: [string | null, string | null][]): RowSet {
  return {
    table: 'entities',
    columns: ['entity', 'id', 'unit_id', 'owner_user_id', 'doc', 'server_seq'],
    types: ['text', 'text', 'uuid', 'uuid', 'text', 'int8'],
    rows: refs.map(([unit, owner]) => ['spotCheck', newId(), unit, owner, '{}', ++seq]),
  };
}

function mutationRows(deviceId: string, seqs: number[]): RowSet {
  return {
    table: 'mutations',
    columns: [
      'device_id',
      'seq',
      'mutation_id',
      'entity',
      'entity_id',
      'op',
      'hlc',
      'status',
      'result',
    ],
    types: ['uuid', 'int8', 'uuid', 'text', 'text', 'text', 'text', 'text', 'json'],
    rows: seqs.map((s) => [
      deviceId,
      s,
      newId(),
      'spotCheck',
      newId(),
      'create',
      'h',
      'applied',
      '{}',
    ]),
  };
}

const bulk = (sets: RowSet[]) =>
  db.storage.transaction(async (tx) => {
    await settleAll(insertRows(tx, sets));
  });

const count = async (sql: string, params: unknown[]) =>
  Number((await db.storage.query<{ n: unknown }>(sql, params)).rows[0]?.n);

describe('rows naming what does not exist are refused', () => {
  it('a plain insert: unknown unit, unknown owner; known ones and NULL pass', async () => {
    await expect(insertEntity(db.storage, newId(), null)).rejects.toMatchObject(REFUSED);
    await expect(insertEntity(db.storage, org.teamA.id, newId())).rejects.toMatchObject(REFUSED);
    await insertEntity(db.storage, org.teamA.id, org.inspectorA.id);
    await insertEntity(db.storage, null, null);
  });

  it('a bulk insert with one bad row among many is refused whole, good ones are stored', async () => {
    const good: [string, string][] = Array.from({ length: 50 }, () => [
      org.teamA.id,
      org.inspectorA.id,
    ]);
    const before = await count('SELECT count(*) AS n FROM entities', []);
    await expect(bulk([entityRows([...good, [org.teamB.id, newId()]])])).rejects.toMatchObject(
      REFUSED,
    );
    await expect(bulk([entityRows([[newId(), null], ...good])])).rejects.toMatchObject(REFUSED);
    expect(await count('SELECT count(*) AS n FROM entities', [])).toBe(before);
    await bulk([entityRows([...good, [org.teamB.id, org.inspectorB.id]])]);
    expect(await count('SELECT count(*) AS n FROM entities', [])).toBe(before + 51);
  });

  it('push-log rows: an unknown device is refused, a known one passes', async () => {
    const dev = await enroll(db.storage, org.inspectorA, 'refs');
    await expect(bulk([mutationRows(newId(), [1])])).rejects.toMatchObject(REFUSED);
    await expect(
      bulk([mutationRows(dev.deviceId, [1]), mutationRows(newId(), [1])]),
    ).rejects.toMatchObject(REFUSED);
    await bulk([mutationRows(dev.deviceId, [1, 2, 3])]);
    expect(
      await count('SELECT count(*) AS n FROM mutations WHERE device_id = $1', [dev.deviceId]),
    ).toBe(3);
  });

  it("the checks read their own schema's tables, whatever the session's path or temp tables", async () => {
    // Look-alike units tables that hold the id: one earlier on the path, one temporary (a
    // session's temporary schema is searched first unless the path places it).
    const fake = newId();
    // Its own name: the schema outlives a run whose insert was wrongly let through.
    const other = `fc_lookalike_${fake.replace(/-/g, '')}`;
    await expect(
      db.storage.transaction(async (tx) => {
        await tx.query(`CREATE SCHEMA ${other}`);
        await tx.query(`CREATE TABLE ${other}.units (id uuid PRIMARY KEY)`);
        await tx.query(`INSERT INTO ${other}.units (id) VALUES ($1)`, [fake]);
        const path = await tx.query<{ p: string }>('SELECT current_setting($1) AS p', [
          'search_path',
        ]);
        await tx.query(`SET LOCAL search_path = ${other}, ${path.rows[0]?.p ?? 'public'}`);
        await insertEntity(tx, fake, null);
      }),
    ).rejects.toMatchObject(REFUSED);
    await expect(
      db.storage.transaction(async (tx) => {
        await tx.query('CREATE TEMP TABLE units (id uuid PRIMARY KEY) ON COMMIT DROP');
        await tx.query('INSERT INTO pg_temp.units (id) VALUES ($1)', [fake]);
        await insertEntity(tx, fake, null);
      }),
    ).rejects.toMatchObject(REFUSED);
  });

  it('an update that changes a reference is checked; other updates are not affected', async () => {
    const id = newId();
    await insertEntity(db.storage, org.teamA.id, org.inspectorA.id, id);
    const set = (sql: string, value: string | null) =>
      db.storage.query(`UPDATE entities SET ${sql} WHERE entity = 'spotCheck' AND id = $1`, [
        id,
        value,
      ]);
    await expect(set('unit_id = $2', newId())).rejects.toMatchObject(REFUSED);
    await expect(set('owner_user_id = $2', newId())).rejects.toMatchObject(REFUSED);
    await set('unit_id = $2', org.teamB.id);
    await set('owner_user_id = $2', null);
    await set(`doc = $2::json`, '{"x":1}');
    const { rows } = await db.storage.query<{ unit_id: string; owner_user_id: string | null }>(
      `SELECT unit_id, owner_user_id FROM entities WHERE entity = 'spotCheck' AND id = $1`,
      [id],
    );
    expect(rows[0]).toEqual({ unit_id: org.teamB.id, owner_user_id: null });
  });
});

/** Refused by the triggers of migration 009 (not by a foreign key still in place). */
const namedBy = (table: string) => ({
  code: '23503',
  message: expect.stringContaining(`rows of "${table}" name it`) as unknown,
});

describe('what rows name cannot be deleted or renumbered', () => {
  it('a user whose person record names it', async () => {
    // No device and no enrollment code: only its person entity (owner_user_id) names the user.
    const user = await createUser(db.storage, {
      username: `refs-${seq}`,
      name: '孙执法',
      role: 'inspector',
      unitId: org.teamA.id,
      credentialNumber: `LN-A-${seq}`,
      password: 'correct horse 1',
    });
    const del = () => db.storage.query('DELETE FROM users WHERE id = $1', [user.id]);
    await expect(del()).rejects.toMatchObject(namedBy('entities'));
    await expect(
      db.storage.query('UPDATE users SET id = $2 WHERE id = $1', [user.id, newId()]),
    ).rejects.toMatchObject(namedBy('entities'));
    await db.storage.query(`DELETE FROM entities WHERE entity = 'person' AND id = $1`, [user.id]);
    await del();
    expect(await count('SELECT count(*) AS n FROM users WHERE id = $1', [user.id])).toBe(0);
  });

  it('a unit, a device', async () => {
    // Only the spot check names the new unit, only the push-log row the new device.
    const unit = await createUnit(db.storage, { name: '稽查三队', parentId: org.city.id });
    const id = newId();
    await insertEntity(db.storage, unit.id, org.inspectorA2.id, id);
    const dev = await enroll(db.storage, org.inspectorA2, 'named');
    await bulk([mutationRows(dev.deviceId, [1])]);

    await expect(
      db.storage.query('DELETE FROM units WHERE id = $1', [unit.id]),
    ).rejects.toMatchObject(namedBy('entities'));
    await expect(
      db.storage.query('UPDATE units SET id = $2 WHERE id = $1', [unit.id, newId()]),
    ).rejects.toMatchObject(namedBy('entities'));
    await expect(
      db.storage.query('DELETE FROM devices WHERE id = $1', [dev.deviceId]),
    ).rejects.toMatchObject(namedBy('mutations'));
    // Renaming is not renumbering.
    await db.storage.query('UPDATE units SET name = $2 WHERE id = $1', [
      unit.id,
      '稽查三队（撤并）',
    ]);

    // Once nothing names them, they go.
    await db.storage.query('DELETE FROM mutations WHERE device_id = $1', [dev.deviceId]);
    await db.storage.query('DELETE FROM devices WHERE id = $1', [dev.deviceId]);
    await db.storage.query(`DELETE FROM entities WHERE entity = 'spotCheck' AND id = $1`, [id]);
    await db.storage.query('DELETE FROM units WHERE id = $1', [unit.id]);
    expect(await count('SELECT count(*) AS n FROM units WHERE id = $1', [unit.id])).toBe(0);
  });
});

describe('what a foreign key also refused', () => {
  /** Runs `sql` in a transaction that is always rolled back (the sentinel error if nothing else). */
  const rolledBack = (sql: string) =>
    db.storage.transaction(async (tx) => {
      await tx.query(sql);
      throw new Error(`${sql}: not refused`);
    });

  it('TRUNCATE ... CASCADE of devices, users or units while rows name theirs', async () => {
    const dev = await enroll(db.storage, org.inspectorA, 'truncate');
    await bulk([mutationRows(dev.deviceId, [1])]);
    await expect(rolledBack('TRUNCATE devices CASCADE')).rejects.toMatchObject({
      code: '23503',
      message: expect.stringContaining('rows of "mutations" name its rows') as unknown,
    });
    await expect(rolledBack('TRUNCATE users CASCADE')).rejects.toMatchObject({
      code: '23503',
      message: expect.stringContaining('rows of "entities" name its rows') as unknown,
    });
    await expect(rolledBack('TRUNCATE units CASCADE')).rejects.toMatchObject({
      code: '23503',
      message: expect.stringContaining('rows of "entities" name its rows') as unknown,
    });
    expect(await count('SELECT count(*) AS n FROM devices WHERE id = $1', [dev.deviceId])).toBe(1);
  });

  it('a delete under an older snapshot (REPEATABLE READ) is refused, not trusted', async () => {
    // Nothing names this unit, but under a snapshot the check could not see rows committed
    // after it was taken: refused as a serialization failure (the caller may retry).
    const unit = await createUnit(db.storage, { name: '快照队', parentId: org.city.id });
    const del = db.storage.transaction(
      (tx) => tx.query('DELETE FROM units WHERE id = $1', [unit.id]),
      { snapshot: true },
    );
    await expect(del).rejects.toMatchObject({ code: '40001' });
    await db.storage.query('DELETE FROM units WHERE id = $1', [unit.id]);
    expect(await count('SELECT count(*) AS n FROM units WHERE id = $1', [unit.id])).toBe(0);
  });
});

// Two transactions open at once need two connections: PGlite has one (its transactions take
// turns), so these run against PostgreSQL only, as in CI.
const onPostgres = Boolean(process.env.DATABASE_URL);
const raceIt = onPostgres ? it : it.skip;

describe('inserts and deletes racing (PostgreSQL: needs two connections)', () => {
  const later = (ms: number) => new Promise((r) => setTimeout(r, ms));
  /** A promise and the function that resolves it. */
  function gate(): { passed: Promise<void>; open: () => void } {
    let open: () => void = () => undefined;
    const passed = new Promise<void>((resolve) => (open = resolve));
    return { passed, open };
  }

  raceIt('a delete waits for an open insert that names the row, then is refused', async () => {
    const unit = await createUnit(db.storage, { name: '竞态一队', parentId: org.city.id });
    const held = gate();
    const inserted = gate();
    const insert = db.storage.transaction(async (tx) => {
      await insertEntity(tx, unit.id, null);
      inserted.open();
      await held.passed;
    });
    await inserted.passed;
    let settled = false;
    const del = db.storage
      .query('DELETE FROM units WHERE id = $1', [unit.id])
      .finally(() => (settled = true));
    del.catch(() => undefined);
    await later(300);
    expect(settled).toBe(false);
    held.open();
    await insert;
    await expect(del).rejects.toMatchObject(REFUSED);
    expect(await count('SELECT count(*) AS n FROM units WHERE id = $1', [unit.id])).toBe(1);
  });

  raceIt('an insert naming a row being deleted waits, then is refused', async () => {
    const unit = await createUnit(db.storage, { name: '竞态二队', parentId: org.city.id });
    const held = gate();
    const deleted = gate();
    const del = db.storage.transaction(async (tx) => {
      await tx.query('DELETE FROM units WHERE id = $1', [unit.id]);
      deleted.open();
      await held.passed;
    });
    await deleted.passed;
    let settled = false;
    const ins = insertEntity(db.storage, unit.id, null).finally(() => (settled = true));
    ins.catch(() => undefined);
    await later(300);
    expect(settled).toBe(false);
    held.open();
    await del;
    await expect(ins).rejects.toMatchObject(REFUSED);
    expect(await count('SELECT count(*) AS n FROM entities WHERE unit_id = $1', [unit.id])).toBe(0);
  });
});
