/**
 * The push log keeps a create's payload by reference when the new entity's document holds it
 * (storage/sql/007_create_payload_ref.ts, sync/mutationLog.ts). Whatever happens to the entity
 * afterwards — updated in a later batch or later in the same batch, changed by other SQL, deleted —
 * the payload the device sent must stay readable in full (`mutation_changes`), and nothing else
 * about the log may change.
 */
import type { RunningServer } from '../../server/server';
import type { Mutation, MutationResult, PushResponse } from '../../shared/sync/protocol';
import {
  client,
  createOrg,
  enroll,
  enterpriseDoc,
  mutation,
  newId,
  openTestStorage,
  startTestServer,
  submittableSpotCheckData,
  type TestDevice,
  type TestOrg,
  type TestStorage,
} from '../../server/testing/harness';

let db: TestStorage;
let server: RunningServer;
let org: TestOrg;

beforeAll(async () => {
  db = await openTestStorage();
  org = await createOrg(db.storage);
  server = await startTestServer(db.storage);
}, 60_000);

afterAll(async () => {
  await server?.close();
  await db?.close();
});

async function push(dev: TestDevice, batch: Mutation[]): Promise<MutationResult[]> {
  const res = await client(server.url, dev.token).post<PushResponse>('/v1/sync/push', {
    deviceId: dev.deviceId,
    batch,
  });
  expect(res.status).toBe(200);
  return res.body.results;
}

interface LogRow {
  stored: unknown;
  full: unknown;
  holds: boolean | null;
}

/** The log row of a mutation: its own `changes`, the payload as read, the entity's flag. */
async function logged(m: Mutation): Promise<LogRow> {
  const { rows } = await db.storage.query<LogRow>(
    `SELECT m.changes AS stored, v.changes AS full, e.holds_create_payload AS holds
     FROM mutations m
     JOIN mutation_changes v ON v.device_id = m.device_id AND v.seq = m.seq
     LEFT JOIN entities e ON e.entity = m.entity AND e.id = m.entity_id
     WHERE m.mutation_id = $1`,
    [m.mutationId],
  );
  expect(rows).toHaveLength(1);
  return rows[0] as LogRow;
}

const record = (n: number) => {
  const data = submittableSpotCheckData() as { sample: Record<string, unknown> };
  data.sample.name = `样品“${n}”\\含引号`;
  return { data };
};

it('a create is logged by reference, and its payload survives every later change', async () => {
  const dev = await enroll(db.storage, org.inspectorA, 'payload laptop');
  const ids = [newId(), newId(), newId(), newId()];
  const creates = ids.map((id, i) => mutation(dev, 'spotCheck', 'create', id, record(i)));
  const results = await push(dev, creates);
  expect(results.every((r) => r.status === 'applied')).toBe(true);
  for (const m of creates) {
    expect(await logged(m)).toEqual({ stored: null, full: m.changes, holds: true });
  }

  // Updated in a later batch: the payload moves into the log row first.
  const seq0 = (results[0] as { serverSeq: number }).serverSeq;
  const upd = mutation(
    dev,
    'spotCheck',
    'update',
    ids[0] as string,
    { 'data.sample.name': '改' },
    seq0,
  );
  await push(dev, [upd]);
  expect(await logged(creates[0] as Mutation)).toEqual({
    stored: (creates[0] as Mutation).changes,
    full: (creates[0] as Mutation).changes,
    holds: false,
  });
  expect((await logged(upd)).stored).toEqual(upd.changes);

  // Changed by other SQL (another handler, an admin), then deleted: the same.
  await db.storage.query(
    `UPDATE entities SET doc = jsonb_set(doc::jsonb, '{status}', '"submitted"')::json WHERE entity = 'spotCheck' AND id = $1`,
    [ids[1]],
  );
  expect(await logged(creates[1] as Mutation)).toMatchObject({
    stored: (creates[1] as Mutation).changes,
    holds: false,
  });
  await db.storage.query(
    `UPDATE entities SET deleted = true WHERE entity = 'spotCheck' AND id = $1`,
    [ids[2]],
  );
  expect((await logged(creates[2] as Mutation)).stored).toEqual((creates[2] as Mutation).changes);
  await db.storage.query(`DELETE FROM entities WHERE entity = 'spotCheck' AND id = $1`, [ids[3]]);
  expect(await logged(creates[3] as Mutation)).toEqual({
    stored: (creates[3] as Mutation).changes,
    full: (creates[3] as Mutation).changes,
    holds: null,
  });

  // The replay record is untouched by all this.
  const again = await push(dev, creates);
  expect(again).toEqual(results.map((r) => ({ ...r, replayed: true })));
});

it('a create refused (the id exists, or invalid data) keeps what was sent in full', async () => {
  const dev = await enroll(db.storage, org.inspectorA, 'payload laptop 3');
  const id = newId();
  const first = mutation(dev, 'spotCheck', 'create', id, record(1));
  await push(dev, [first]);
  const again = mutation(dev, 'spotCheck', 'create', id, record(2));
  const invalid = mutation(dev, 'spotCheck', 'create', newId(), {
    data: { ...record(3).data, sample: { name: 42 } },
  });
  const results = await push(dev, [again, invalid]);
  expect(results.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual([
    'alreadyExists',
    'validation',
  ]);
  for (const m of [again, invalid])
    expect(await logged(m)).toMatchObject({ stored: m.changes, full: m.changes });
});

it('kept in full when the document is not exactly what was sent, or was changed in the batch', async () => {
  const dev = await enroll(db.storage, org.inspectorA, 'payload laptop 2');
  const partial = mutation(dev, 'spotCheck', 'create', newId(), {
    data: { sample: { name: '只填了名称' } },
  });
  const dotted = mutation(dev, 'spotCheck', 'create', newId(), { 'data.sample.name': '点路径' });
  const sameBatchId = newId();
  const created = mutation(dev, 'spotCheck', 'create', sameBatchId, record(7));
  const edited = mutation(
    dev,
    'spotCheck',
    'update',
    sameBatchId,
    { 'data.sample.name': '同批修改' },
    0,
  );
  const duplicate = mutation(dev, 'spotCheck', 'create', sameBatchId, record(8));
  const enterpriseId = newId();
  const enterprise = mutation(dev, 'enterprise', 'create', enterpriseId, enterpriseDoc(4242));
  const results = await push(dev, [partial, dotted, created, edited, duplicate, enterprise]);
  expect(results.map((r) => r.status)).toEqual([
    'applied',
    'applied',
    'applied',
    'applied',
    'rejected',
    'applied',
  ]);
  for (const m of [partial, dotted, created, duplicate, enterprise]) {
    const row = await logged(m);
    expect(row.stored).toEqual(m.changes);
    expect(row.full).toEqual(m.changes);
  }
  const holds = await db.storage.query<{ n: unknown }>(
    'SELECT count(*)::int AS n FROM entities WHERE id = ANY($1::text[]) AND holds_create_payload',
    [[partial.entityId, dotted.entityId, sameBatchId, enterpriseId]],
  );
  expect(Number(holds.rows[0]?.n)).toBe(0);
});

it('across chunks of one large batch: created early, updated later in the same batch', async () => {
  const dev = await enroll(db.storage, org.inspectorA, 'payload laptop 3');
  const ids = Array.from({ length: 260 }, () => newId());
  const batch = ids.map((id, i) => mutation(dev, 'spotCheck', 'create', id, record(100 + i)));
  // The first record's create went out in an earlier chunk; its update is queued in a later one.
  batch.push(
    mutation(dev, 'spotCheck', 'update', ids[0] as string, { 'data.sample.name': '后改' }, 0),
  );
  const results = await push(dev, batch);
  expect(results.every((r) => r.status === 'applied')).toBe(true);
  expect(await logged(batch[0] as Mutation)).toEqual({
    stored: (batch[0] as Mutation).changes,
    full: (batch[0] as Mutation).changes,
    holds: false,
  });
  for (const m of batch.slice(1, 260)) {
    expect(await logged(m)).toEqual({ stored: null, full: m.changes, holds: true });
  }
  // Every log row's payload reads back, by reference or not.
  const missing = await db.storage.query<{ n: unknown }>(
    'SELECT count(*)::int AS n FROM mutation_changes WHERE changes IS NULL',
  );
  expect(Number(missing.rows[0]?.n)).toBe(0);
});
