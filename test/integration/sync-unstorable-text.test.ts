/**
 * Text the server's database cannot give back (U+0000, a lone surrogate: pasted from some
 * programs) does not stop a device's sync: the server refuses the mutation carrying it alone
 * (`unstorableText`), the device keeps it whole in its quarantine with a Chinese reason, and the
 * mutations around it go through; the server's documents all stay readable.
 */
import type { SpotCheckData } from '../../shared/schemas/spotCheck';
import { completeData } from './core-fixtures';
import {
  enrollAndLogin,
  openClient,
  serverDocs,
  startSyncEnv,
  type SyncClient,
  type SyncEnv,
} from './sync-fixtures';

jest.setTimeout(60_000);

interface QuarantineRow {
  entity_id: string;
  op: string;
  changes: string;
  reason: string;
  message: string;
}

let env: SyncEnv;
let c: SyncClient;
beforeAll(async () => {
  env = await startSyncEnv();
  c = openClient();
  await enrollAndLogin(env, c, env.org.inspectorA);
});
afterAll(async () => {
  await c?.core.shutdown();
  await env?.close();
});

it('a change with U+0000 or a lone surrogate is quarantined alone; the rest syncs', async () => {
  const before = await c.ok('spotCheck.create', { data: completeData() });
  const lone = await c.ok('spotCheck.create', {
    data: completeData((d) => (d.sample.name = '复混肥料\ud800')),
  });
  const edited = await c.ok('spotCheck.create', {
    data: completeData((d) => (d.sample.name = '车用汽油(VI)')),
  });
  await c.round();
  const draft = await c.ok('spotCheck.get', { id: edited.id });
  const data = structuredClone(draft.record.data);
  data.sample.remarks = '封样完好\u0000';
  await c.ok('spotCheck.saveDraft', {
    id: edited.id,
    expectedRevision: draft.record.revision,
    data,
  });
  const after = await c.ok('spotCheck.create', {
    data: completeData((d) => (d.sample.name = '电线电缆')),
  });

  await c.round();

  expect(await c.ok('sync.status', {})).toMatchObject({
    pendingMutations: 0,
    quarantined: 2,
    lastError: null,
  });
  const onServer = await serverDocs(env.storage, 'spotCheck');
  expect([...onServer.keys()].sort()).toEqual([before.id, edited.id, after.id].sort());
  // The edit with U+0000 did not reach the server's copy.
  const serverEdited = onServer.get(edited.id) as { data: { sample: { remarks: string } } };
  expect(serverEdited.data.sample.remarks).toBe(completeData().sample.remarks);

  const rows = c.db.prepare('SELECT * FROM sync_quarantine ORDER BY seq').all() as QuarantineRow[];
  expect(rows.map((q) => [q.entity_id, q.op, q.reason])).toEqual([
    [lone.id, 'create', 'unstorableText'],
    [edited.id, 'update', 'unstorableText'],
  ]);
  expect(rows[0]?.message).toMatch(/无法保存的字符.*保留在本机/);
  // Kept whole: the very text that was refused.
  const kept = JSON.parse(rows[0]?.changes ?? '{}') as { data: { sample: { name: string } } };
  expect(kept.data.sample.name).toBe('复混肥料\ud800');
  expect(rows[1]?.changes).toContain('\\u0000');

  // The next round finds nothing stuck, and pulling (which reads keys out of every document in
  // scope on the server) works.
  await c.round();
  expect(await c.ok('sync.status', {})).toMatchObject({ pendingMutations: 0, lastError: null });
});

it('saved again once fixed, both reach the server: the refused create as a new create', async () => {
  const [lone, edited] = (
    c.db.prepare('SELECT entity_id FROM sync_quarantine ORDER BY seq').all() as {
      entity_id: string;
    }[]
  ).map((r) => r.entity_id);
  for (const [id, fix] of [
    [lone, (d: SpotCheckData) => (d.sample.name = '复混肥料')],
    [edited, (d: SpotCheckData) => (d.sample.remarks = '封样完好')],
  ] as const) {
    const { record } = await c.ok('spotCheck.get', { id: id as string });
    const data = structuredClone(record.data);
    fix(data);
    await c.ok('spotCheck.saveDraft', {
      id: id as string,
      expectedRevision: record.revision,
      data,
    });
  }
  const ops = c.db
    .prepare("SELECT entity_id, op FROM outbox WHERE state = 'pending' ORDER BY seq")
    .all();
  expect(ops).toEqual([
    { entity_id: lone, op: 'create' },
    { entity_id: edited, op: 'update' },
  ]);

  await c.round();

  expect(await c.ok('sync.status', {})).toMatchObject({ pendingMutations: 0, lastError: null });
  const onServer = await serverDocs(env.storage, 'spotCheck');
  const sample = (id: string | undefined) =>
    (onServer.get(id as string) as { data: SpotCheckData } | undefined)?.data.sample;
  expect(sample(lone)?.name).toBe('复混肥料');
  expect(sample(edited)?.remarks).toBe('封样完好');
  // Saved again after it reached the server: an ordinary update.
  const { record } = await c.ok('spotCheck.get', { id: lone as string });
  const data = structuredClone(record.data);
  data.sample.batchNumber = 'B-2';
  await c.ok('spotCheck.saveDraft', {
    id: lone as string,
    expectedRevision: record.revision,
    data,
  });
  expect(c.db.prepare("SELECT op FROM outbox WHERE state = 'pending'").all()).toEqual([
    { op: 'update' },
  ]);
  await c.round();
  expect(sample(lone)).toBeDefined();
  expect(
    ((await serverDocs(env.storage, 'spotCheck')).get(lone as string) as { data: SpotCheckData })
      .data.sample.batchNumber,
  ).toBe('B-2');
});
