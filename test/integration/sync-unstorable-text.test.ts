/**
 * Text the server's database cannot give back (U+0000, a lone surrogate: pasted from some
 * programs). The app replaces it with U+FFFD at its door, so its records, sync and audit upload
 * never carry it. A mutation that does carry it (written by an older build, still in an outbox)
 * does not stop the device's sync: the server refuses it alone (`unstorableText`), the device
 * keeps it whole in its quarantine with a Chinese reason, the mutations around it go through,
 * and saving the record again sends it whole.
 */
import type { SpotCheckData } from '../../shared/schemas/spotCheck';
import { completeData } from './core-fixtures';
import {
  enrollAndLogin,
  openClient,
  rewritePending,
  saveSpotCheck,
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

const sampleOnServer = async (id: string) =>
  ((await serverDocs(env.storage, 'spotCheck')).get(id) as { data: SpotCheckData } | undefined)
    ?.data.sample;

it('typed or pasted, U+0000 and lone surrogates become U+FFFD in the app, and all of it syncs', async () => {
  const rec = await c.ok('spotCheck.create', {
    data: completeData((d) => (d.sample.name = '复混\u0000肥料\ud800')),
  });
  expect(rec.data.sample.name).toBe('复混\ufffd肥料\ufffd');
  await saveSpotCheck(c, rec.id, (d) => (d.sample.remarks = '封样\udc00完好'));
  await c.round();
  const status = await c.ok('sync.status', {});
  expect(status).toMatchObject({ pendingMutations: 0, quarantined: 0, lastError: null });
  expect(status.auditChain?.uploadError ?? null).toBeNull();
  expect(status.auditChain?.pendingEntries).toBe(0);
  expect(await sampleOnServer(rec.id)).toMatchObject({
    name: '复混\ufffd肥料\ufffd',
    remarks: '封样\ufffd完好',
  });
});

it('a mutation carrying it anyway is quarantined alone; the rest syncs', async () => {
  const before = await c.ok('spotCheck.create', { data: completeData() });
  const lone = await c.ok('spotCheck.create', {
    data: completeData((d) => (d.sample.name = '复混肥料')),
  });
  rewritePending(
    c,
    lone.id,
    (ch) => ((ch as { data: SpotCheckData }).data.sample.name = '复混肥料\ud800'),
  );
  const edited = await c.ok('spotCheck.create', {
    data: completeData((d) => (d.sample.name = '车用汽油(VI)')),
  });
  await c.round();
  await saveSpotCheck(c, edited.id, (d) => (d.sample.remarks = '封样完好X'));
  rewritePending(c, edited.id, (ch) => (ch['data.sample.remarks'] = '封样完好\u0000'));
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
  expect(onServer.has(before.id) && onServer.has(edited.id) && onServer.has(after.id)).toBe(true);
  expect(onServer.has(lone.id)).toBe(false);
  // The edit with U+0000 did not reach the server's copy.
  expect((await sampleOnServer(edited.id))?.remarks).toBe(completeData().sample.remarks);

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

it('saved again, both reach the server: the refused create as a new create', async () => {
  const [lone, edited] = (
    c.db.prepare('SELECT entity_id FROM sync_quarantine ORDER BY seq').all() as {
      entity_id: string;
    }[]
  ).map((r) => r.entity_id as string);
  await saveSpotCheck(c, lone as string, (d) => (d.sample.name = '复混肥料（复检）'));
  await saveSpotCheck(c, edited as string, (d) => (d.sample.remarks = '封样完好'));
  expect(
    c.db.prepare("SELECT entity_id, op FROM outbox WHERE state = 'pending' ORDER BY seq").all(),
  ).toEqual([
    { entity_id: lone, op: 'create' },
    { entity_id: edited, op: 'update' },
  ]);

  await c.round();

  // Both refusals are resolved: the record reached the server whole, and the edit's field went
  // with the next save. They stay listed, no longer counted.
  expect(await c.ok('sync.status', {})).toMatchObject({
    pendingMutations: 0,
    quarantined: 0,
    lastError: null,
  });
  const listed = await c.ok('sync.quarantine', {});
  expect(listed.map((q) => [q.entityId, q.op, typeof q.resolvedAt])).toEqual([
    [lone, 'create', 'string'],
    [edited, 'update', 'string'],
  ]);
  expect((await sampleOnServer(lone as string))?.name).toBe('复混肥料（复检）');
  expect((await sampleOnServer(edited as string))?.remarks).toBe('封样完好');
  // Saved again after it reached the server: an ordinary update.
  await saveSpotCheck(c, lone as string, (d) => (d.sample.batchNumber = 'B-2'));
  expect(c.db.prepare("SELECT op FROM outbox WHERE state = 'pending'").all()).toEqual([
    { op: 'update' },
  ]);
  await c.round();
  expect((await sampleOnServer(lone as string))?.batchNumber).toBe('B-2');
});

it('saved again after the resent create was applied but before a pull: an update, not a second create', async () => {
  let pullFails = false;
  const d = openClient(undefined, (url, init) =>
    pullFails && new URL(url).pathname === '/v1/sync/pull'
      ? Promise.reject(new TypeError('fetch failed'))
      : fetch(url, init),
  );
  try {
    await enrollAndLogin(env, d, env.org.inspectorA, 'second laptop');
    const rec = await d.ok('spotCheck.create', {
      data: completeData((x) => (x.sample.name = '电线')),
    });
    rewritePending(
      d,
      rec.id,
      (ch) => ((ch as { data: SpotCheckData }).data.sample.name = '\udc00电线'),
    );
    await d.round();
    expect(await d.ok('sync.status', {})).toMatchObject({ quarantined: 1 });

    await saveSpotCheck(d, rec.id, (x) => (x.sample.name = '电线（复检）'));
    pullFails = true;
    await d.round().catch(() => undefined);
    // Pushed and applied, not yet pulled back: the server has it now.
    expect((await sampleOnServer(rec.id))?.name).toBe('电线（复检）');
    await saveSpotCheck(d, rec.id, (x) => (x.sample.batchNumber = 'B-9'));
    expect(d.db.prepare("SELECT op FROM outbox WHERE state = 'pending'").all()).toEqual([
      { op: 'update' },
    ]);

    pullFails = false;
    await d.round();
    // The refusal was resolved when the resent create was applied.
    expect(await d.ok('sync.status', {})).toMatchObject({ pendingMutations: 0, quarantined: 0 });
    expect((await d.ok('sync.quarantine', {}))[0]?.resolvedAt).toEqual(expect.any(String));
    expect(await sampleOnServer(rec.id)).toMatchObject({
      name: '电线（复检）',
      batchNumber: 'B-9',
    });
  } finally {
    await d.core.shutdown();
  }
});
