/**
 * The push path writes a batch with multi-row statements, a chunk at a time, reading entities
 * from a per-batch cache (server/sync/batchWrites.ts). This checks that a large mixed batch ends
 * exactly as the same mutations sent one per batch: documents, field stamps, seqs and results.
 */
import type { Mutation, MutationResult, PushResponse } from '../../shared/sync/protocol';
import type { RunningServer } from '../../server/server';
import { loadEntity } from '../../server/sync/entities/repo';
import { num } from '../../server/storage/types';
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

/** 150 creates, edits of some, submits, a correction, enterprise duplicates: in one order. */
function scenario(dev: TestDevice): Mutation[] {
  const out: Mutation[] = [];
  const ids = Array.from({ length: 150 }, () => newId());
  ids.forEach((id, i) =>
    out.push(
      mutation(dev, 'spotCheck', 'create', id, {
        data: { basic: { recordNumber: `SY-${i}` }, sample: { name: `样品${i}` } },
      }),
    ),
  );
  for (const id of ids.slice(0, 20))
    out.push(mutation(dev, 'spotCheck', 'update', id, { 'data.sample.remarks': '复核' }, 0));
  for (const id of ids.slice(0, 3))
    out.push(mutation(dev, 'spotCheck', 'submit', id, { data: submittableSpotCheckData() }, 0));
  out.push(
    mutation(dev, 'spotCheck', 'correct', newId(), { supersedesId: ids[0] as string }),
    mutation(dev, 'spotCheck', 'update', ids[1] as string, { 'data.sample.remarks': 'x' }, 0),
    mutation(dev, 'spotCheck', 'create', ids[2] as string, { data: {} }),
  );
  const ent = newId();
  out.push(
    mutation(dev, 'enterprise', 'create', ent, enterpriseDoc(1)),
    mutation(dev, 'enterprise', 'create', newId(), enterpriseDoc(1, { name: '同码' })),
    mutation(dev, 'enterprise', 'update', ent, { contactPerson: '甲' }, 0),
  );
  for (const id of ids.slice(100, 140))
    out.push(mutation(dev, 'spotCheck', 'update', id, { 'data.seals.sealedIntact': false }, 0));
  return out;
}

async function snapshot(start: number, results: MutationResult[]) {
  const rel = (s: unknown) => (s === null || s === undefined ? s : num(s) - start);
  const { rows } = await db.storage.query<{ entity: string; id: string }>(
    `SELECT entity, id FROM entities WHERE entity IN ('spotCheck', 'enterprise') ORDER BY server_seq`,
  );
  const entities = [];
  for (const r of rows) {
    const e = await loadEntity(db.storage, r.entity, r.id);
    if (!e) throw new Error('vanished');
    // server time of a submit differs between the runs; everything else must not
    const doc = e.doc.submittedAt ? { ...e.doc, submittedAt: 'set' } : e.doc;
    entities.push({
      ...e,
      doc,
      serverSeq: rel(e.serverSeq),
      fields: Object.fromEntries(
        Object.entries(e.fields).map(([k, v]) => [k, { ...v, s: rel(v.s) }]),
      ),
    });
  }
  return {
    entities,
    results: results.map((r) => ({
      ...r,
      ...(r.status !== 'rejected' ? { serverSeq: rel(r.serverSeq) } : {}),
    })),
  };
}

const counter = async () =>
  num((await db.storage.query<{ s: unknown }>('SELECT last_seq AS s FROM sync_state')).rows[0]?.s);

it('a large mixed batch ends exactly as the same mutations one per batch', async () => {
  await db.reset();
  const dev = await enroll(db.storage, org.inspectorA);
  const muts = scenario(dev);
  expect(muts.length).toBeGreaterThan(200);

  const start1 = await counter();
  const batched = await snapshot(start1, await push(dev, muts));

  await db.reset();
  const start2 = await counter();
  const single: MutationResult[] = [];
  for (const m of muts) single.push(...(await push(dev, [m])));
  const oneByOne = await snapshot(start2, single);

  expect(batched).toEqual(oneByOne);
  const statuses = batched.results.map((r) => (r.status === 'rejected' ? r.reason : r.status));
  expect(statuses.filter((s) => s !== 'applied')).toEqual([
    'immutable', // an edit of a submitted record
    'alreadyExists', // a second create of the same id
    'duplicateCreditCode', // seen although its twin was written earlier in the same batch
  ]);
  // the corrected record and its new version are linked
  const corrected = batched.entities.find((e) => e.doc.supersededById);
  expect(corrected?.doc.status).toBe('submitted');
}, 120_000);

// Creates are taken to be new (sync/push.ts): a taken id is found when a chunk is written, while
// the batch goes on. Whatever the batch sends after that chunk must report the taken key (not
// "transaction aborted"), so the batch is applied again with every entity looked up.
it('an id found taken by a chunk written mid-batch is refused as alreadyExists', async () => {
  await db.reset();
  const a = await enroll(db.storage, org.inspectorA);
  const b = await enroll(db.storage, org.inspectorA2);
  const taken = newId();
  await push(a, [mutation(a, 'spotCheck', 'create', taken, { data: submittableSpotCheckData() })]);

  const fresh = Array.from({ length: 80 }, () => newId());
  const batch = [
    mutation(b, 'spotCheck', 'create', taken, { data: submittableSpotCheckData() }),
    ...fresh.map((id, i) =>
      mutation(b, 'spotCheck', 'create', id, { data: { basic: { recordNumber: `SY-${i}` } } }),
    ),
    // Refused before writing, so looked up at the end: after the first chunk has failed.
    mutation(b, 'spotCheck', 'create', newId(), { data: { sample: { name: 42 } } }),
  ];
  const results = await push(b, batch);
  const statuses = results.map((r) => (r.status === 'rejected' ? r.reason : r.status));
  expect(statuses).toEqual(['alreadyExists', ...fresh.map(() => 'applied'), 'validation']);

  const { rows } = await db.storage.query<{ n: number; owner: string }>(
    `SELECT count(*)::int AS n, min(owner_user_id::text) AS owner FROM entities
     WHERE entity = 'spotCheck' AND id = ANY($1::text[])`,
    [[taken]],
  );
  expect(rows[0]).toEqual({ n: 1, owner: org.inspectorA.id });
  const all = await db.storage.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM entities WHERE entity = 'spotCheck' AND id = ANY($1::text[])`,
    [fresh],
  );
  expect(all.rows[0]?.n).toBe(fresh.length);
}, 60_000);
