/**
 * What the inspector typed is never taken back because the server refused it for what it
 * carried (too large here; also unstorable text or an invalid value): the record keeps those
 * values on the device, through the refusal's repair and later pulls, and the next save sends
 * them again with whatever else changed. Once the server takes them, the refusal is resolved.
 * Refusals that are the server's state winning (a locked record) still take the server's values.
 */
import { completeCaseData } from '../../server/testing/harness';
import { chinaDate } from '../../shared/domain/deadlines/today';
import type { CaseData } from '../../shared/schemas/case';
import type { SpotCheckData } from '../../shared/schemas/spotCheck';
import { completeData, enterpriseInput } from './core-fixtures';
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

/** The device's push limit here: a mutation of up to about 4,000 bytes fits (ENVELOPE_BYTES). */
const LIMIT = 4096 + 4000;
const REMARKS = '样品封存完好，封条无破损，'.repeat(80).slice(0, 1000); // 3,000 bytes
const FAILED = '标志和说明不合格；'.repeat(250).slice(0, 2000); // 6,000 bytes

let env: SyncEnv;
let c: SyncClient;
let other: SyncClient;
beforeAll(async () => {
  env = await startSyncEnv();
  c = openClient();
  other = openClient();
  await enrollAndLogin(env, c, env.org.inspectorA);
  await enrollAndLogin(env, other, env.org.inspectorA, 'second laptop');
  c.core.sync.limits.maxBatchBytes = LIMIT;
});
afterAll(async () => {
  await c?.core.shutdown();
  await other?.core.shutdown();
  await env?.close();
});

const local = async (client: SyncClient, id: string) =>
  (await client.ok('spotCheck.get', { id })).record.data;
const onServer = async (id: string) =>
  ((await serverDocs(env.storage, 'spotCheck')).get(id) as { data: SpotCheckData }).data;
/** 立案 asked for on `c`, approved at both levels by `sup`, and pulled back by `c`. */
async function fileAndApprove(sup: SyncClient, id: string) {
  const mine = (await c.ok('case.get', { id })).record;
  await c.ok('case.transition', {
    id,
    expectedRev: mine.rev,
    transition: 'file',
    opinion: '建议立案',
  });
  await c.round();
  await sup.round();
  const item = (await sup.ok('review.queue', {})).find((q) => q.targetId === id);
  for (const level of ['review', 'approve'] as const) {
    await sup.ok('review.decide', {
      targetType: 'case',
      targetId: id,
      step: 'file',
      level,
      decision: 'approve',
      comment: '同意',
      targetRev: item?.targetRev ?? -1,
    });
  }
  await sup.round();
  await c.round();
  return (await c.ok('case.get', { id })).record;
}

/** Saves text in two fields that together pass the push limit (refused as tooLarge). */
const typeTooMuch = (id: string) =>
  saveSpotCheck(c, id, (d) => {
    d.sample.remarks = REMARKS;
    d.result.failedItems = FAILED;
  });

it('keeps a refused save in the record, sends it again with the next save, and resolves it', async () => {
  const rec = await c.ok('spotCheck.create', { data: completeData() });
  await c.round();
  const original = (await onServer(rec.id)).sample.remarks;

  await typeTooMuch(rec.id);
  await c.round();
  expect(await c.ok('sync.status', {})).toMatchObject({ pendingMutations: 0, quarantined: 1 });
  expect((await c.ok('sync.quarantine', {}))[0]).toMatchObject({
    op: 'update',
    reason: 'tooLarge',
  });
  // The server kept its copy; the device kept what was typed (the refusal's repair read the
  // server's copy back and did not take those fields).
  expect((await onServer(rec.id)).sample.remarks).toBe(original);
  expect(await local(c, rec.id)).toMatchObject({
    sample: { remarks: REMARKS },
    result: { failedItems: FAILED },
  });

  // Someone changes another field on the server: pulled, it changes only that field here.
  await other.round();
  await saveSpotCheck(other, rec.id, (d) => (d.sample.name = '复混肥料（复检）'));
  await other.round();
  await c.round();
  expect(await local(c, rec.id)).toMatchObject({
    sample: { name: '复混肥料（复检）', remarks: REMARKS },
    result: { failedItems: FAILED },
  });

  // The inspector shortens the long field; the save sends it and the held remarks.
  await saveSpotCheck(c, rec.id, (d) => (d.result.failedItems = '标志和说明不合格。'));
  const [pending] = c.db.prepare("SELECT changes FROM outbox WHERE state = 'pending'").all() as {
    changes: string;
  }[];
  expect(Object.keys(JSON.parse(pending?.changes ?? '{}') as object).sort()).toEqual([
    'data.result.failedItems',
    'data.sample.remarks',
  ]);
  await c.round();
  expect(await onServer(rec.id)).toMatchObject({
    sample: { name: '复混肥料（复检）', remarks: REMARKS },
    result: { failedItems: '标志和说明不合格。' },
  });
  expect(await c.ok('sync.status', {})).toMatchObject({
    pendingMutations: 0,
    quarantined: 0,
    lastError: null,
  });
  const [q] = await c.ok('sync.quarantine', {});
  expect(q?.resolvedAt).toEqual(expect.any(String));

  // Resolved: the next save sends only what it changed.
  await saveSpotCheck(c, rec.id, (d) => (d.sample.batchNumber = 'B-7'));
  const [next] = c.db.prepare("SELECT changes FROM outbox WHERE state = 'pending'").all() as {
    changes: string;
  }[];
  expect(Object.keys(JSON.parse(next?.changes ?? '{}') as object)).toEqual([
    'data.sample.batchNumber',
  ]);
  await c.round();
  expect((await onServer(rec.id)).sample.batchNumber).toBe('B-7');
});

it('submitted with a refused save still held, the submit carries it', async () => {
  const rec = await c.ok('spotCheck.create', { data: completeData() });
  await c.round();
  await typeTooMuch(rec.id);
  await c.round();
  expect(await c.ok('sync.status', {})).toMatchObject({ quarantined: 1 });
  // Shortened, and submitted before any sync round: the submit goes with both fields.
  await saveSpotCheck(c, rec.id, (d) => (d.result.failedItems = '不合格。'));
  const { record } = await c.ok('spotCheck.get', { id: rec.id });
  await c.ok('spotCheck.submit', { id: rec.id, expectedRevision: record.revision });
  await c.round();
  expect(await onServer(rec.id)).toMatchObject({
    sample: { remarks: REMARKS },
    result: { failedItems: '不合格。' },
  });
  const status = await c.ok('sync.status', {});
  expect(status).toMatchObject({ pendingMutations: 0, quarantined: 0, lastError: null });
  expect((await serverDocs(env.storage, 'spotCheck')).get(rec.id)).toMatchObject({
    status: 'submitted',
  });
});

it('an enterprise and a case keep a refused save and send it with the next one', async () => {
  const e = await c.ok('enterprise.create', enterpriseInput({ name: '沈阳化肥厂' }));
  const kase = await c.ok('case.create', {
    data: completeCaseData(chinaDate(new Date())) as unknown as CaseData,
  });
  await c.round();

  const e2 = await c.ok('enterprise.update', {
    id: e.id,
    expectedRevision: e.revision,
    values: enterpriseInput({ name: '沈阳化肥厂', address: '沈阳市铁西区北二路 8 号' }),
  });
  rewritePending(c, e.id, (ch) => (ch.address = '沈阳市铁西区北二路\u0000 8 号'));
  const k2 = await c.ok('case.save', {
    id: kase.id,
    expectedRev: kase.rev,
    data: { ...kase.data, facts: `${kase.data.facts}补充现场检查笔录一份。` },
  });
  rewritePending(c, kase.id, (ch) => (ch['data.facts'] = `${String(ch['data.facts'])}\ud800`));
  await c.round();
  expect(await c.ok('sync.status', {})).toMatchObject({ pendingMutations: 0, quarantined: 2 });
  // Kept on the device after the refusals' repair.
  expect((await c.ok('enterprise.get', { id: e.id })).address).toBe('沈阳市铁西区北二路 8 号');
  expect((await c.ok('case.get', { id: kase.id })).record.data.facts).toBe(k2.data.facts);

  // Saved again (another field changed): each save carries the held field too.
  await c.ok('enterprise.update', {
    id: e.id,
    expectedRevision: e2.revision,
    values: {
      ...enterpriseInput({ name: '沈阳化肥厂' }),
      address: e2.address,
      contactPhone: '024-25550000',
    },
  });
  // The held edit is not the server's revision yet: the case is at the server's rev.
  const held = (await c.ok('case.get', { id: kase.id })).record;
  expect(held.rev).toBe(kase.rev);
  await c.ok('case.save', {
    id: kase.id,
    expectedRev: held.rev,
    data: { ...k2.data, cause: '涉嫌生产不合格复混肥料' },
  });
  await c.round();
  expect(await c.ok('sync.status', {})).toMatchObject({
    pendingMutations: 0,
    quarantined: 0,
    lastError: null,
  });
  expect((await serverDocs(env.storage, 'enterprise')).get(e.id)).toMatchObject({
    address: '沈阳市铁西区北二路 8 号',
    contactPhone: '024-25550000',
  });
  expect((await serverDocs(env.storage, 'case')).get(kase.id)).toMatchObject({
    data: { facts: k2.data.facts, cause: '涉嫌生产不合格复混肥料' },
  });
});

it('a held field someone else changed meanwhile becomes a conflict, not an overwrite', async () => {
  const rec = await c.ok('spotCheck.create', { data: completeData() });
  await c.round();
  await other.round();
  await typeTooMuch(rec.id);
  await c.round();
  expect(await c.ok('sync.status', {})).toMatchObject({ quarantined: 1 });

  // The other laptop changes the held remarks; this one pulls and keeps its own value.
  await saveSpotCheck(other, rec.id, (d) => (d.sample.remarks = '另一台电脑的备注'));
  await other.round();
  await c.round();
  expect((await local(c, rec.id)).sample.remarks).toBe(REMARKS);

  // Saved again: the held remarks go from the refused save's base, so the server keeps the other
  // laptop's value and both wait for a person to choose.
  await saveSpotCheck(c, rec.id, (d) => (d.result.failedItems = '不合格。'));
  await c.round();
  expect((await onServer(rec.id)).sample.remarks).toBe('另一台电脑的备注');
  expect((await onServer(rec.id)).result.failedItems).toBe('不合格。');
  const conflicts = await c.ok('conflicts.list', { entityId: rec.id });
  expect(conflicts.map((x) => [x.field, x.serverValue, x.clientValue])).toEqual([
    ['data.sample.remarks', '另一台电脑的备注', REMARKS],
  ]);
  expect(await c.ok('sync.status', {})).toMatchObject({ quarantined: 0, openConflicts: 1 });
});

it('submitted before the refusal came back, the record takes the server’s signed copy', async () => {
  const rec = await c.ok('spotCheck.create', { data: completeData() });
  await c.round();
  const signed = (await onServer(rec.id)).sample.remarks;
  await typeTooMuch(rec.id);
  const { record } = await c.ok('spotCheck.get', { id: rec.id });
  await c.ok('spotCheck.submit', { id: rec.id, expectedRevision: record.revision });
  await c.round();
  // The server signed the record without the refused text; the laptop shows what was signed
  // (a correction is the way to add it), and the refusal still asks for attention.
  expect((await serverDocs(env.storage, 'spotCheck')).get(rec.id)).toMatchObject({
    status: 'submitted',
  });
  const after = (await c.ok('spotCheck.get', { id: rec.id })).record;
  expect(after.status).toBe('submitted');
  expect(after.data.sample.remarks).toBe(signed);
  expect(await c.ok('sync.status', {})).toMatchObject({ quarantined: 1 });
});

it('held fields refused again go on their own: the save’s other edits reach the server', async () => {
  const rec = await c.ok('spotCheck.create', { data: completeData() });
  await c.round();
  await other.round();
  await typeTooMuch(rec.id);
  await c.round();
  const openBefore = (await c.ok('sync.status', {})).quarantined;
  const [first] = (await c.ok('sync.quarantine', {})).filter((q) => q.entityId === rec.id);

  // Another laptop renames the sample; this one pulls it, then the inspector deliberately
  // changes the name again without touching the (still too long) held fields.
  await saveSpotCheck(other, rec.id, (d) => (d.sample.name = '复混肥料（复检）'));
  await other.round();
  await c.round();
  expect((await local(c, rec.id)).sample.name).toBe('复混肥料（复检）');
  await saveSpotCheck(c, rec.id, (d) => (d.sample.name = '复混肥料（第三次）'));
  const pending = c.db
    .prepare("SELECT changes FROM outbox WHERE state = 'pending' ORDER BY seq")
    .all() as { changes: string }[];
  expect(pending.map((p) => Object.keys(JSON.parse(p.changes) as object).sort())).toEqual([
    ['data.result.failedItems', 'data.sample.remarks'],
    ['data.sample.name'],
  ]);
  await c.round();

  // The name went from the pulled base: the server took it, no conflict. The held fields were
  // refused again: the new refusal stands for the first one and the device still holds them.
  expect((await onServer(rec.id)).sample.name).toBe('复混肥料（第三次）');
  expect(await c.ok('conflicts.list', { entityId: rec.id })).toEqual([]);
  const entries = (await c.ok('sync.quarantine', {})).filter((q) => q.entityId === rec.id);
  expect(entries.map((q) => [q.mutationId === first?.mutationId, q.resolution ?? null])).toEqual(
    expect.arrayContaining([
      [true, 'superseded'],
      [false, null],
    ]),
  );
  expect(await local(c, rec.id)).toMatchObject({
    sample: { name: '复混肥料（第三次）', remarks: REMARKS },
    result: { failedItems: FAILED },
  });
  expect(await c.ok('sync.status', {})).toMatchObject({ quarantined: openBefore });
});

it('a refused submit leaves the held fields in the record; fixed and submitted, both resolve', async () => {
  const openBefore = (await c.ok('sync.status', {})).quarantined;
  const rec = await c.ok('spotCheck.create', { data: completeData() });
  await c.round();
  await typeTooMuch(rec.id);
  await c.round();
  // Submitted with the long text still in the form: the submit carries it and is refused too.
  const held = (await c.ok('spotCheck.get', { id: rec.id })).record;
  await c.ok('spotCheck.submit', { id: rec.id, expectedRevision: held.revision });
  await c.round();
  const refused = (await c.ok('sync.quarantine', {})).filter((q) => q.entityId === rec.id);
  expect(refused.map((q) => [q.op, q.reason, q.resolution ?? null]).sort()).toEqual([
    ['submit', 'tooLarge', null],
    ['update', 'tooLarge', null],
  ]);
  // The server kept its draft: the record is a draft again here, and still holds the text.
  const back = (await c.ok('spotCheck.get', { id: rec.id })).record;
  expect(back.status).toBe('draft');
  expect(back.data).toMatchObject({
    sample: { remarks: REMARKS },
    result: { failedItems: FAILED },
  });

  await saveSpotCheck(c, rec.id, (d) => (d.result.failedItems = '不合格。'));
  const fixed = (await c.ok('spotCheck.get', { id: rec.id })).record;
  await c.ok('spotCheck.submit', { id: rec.id, expectedRevision: fixed.revision });
  await c.round();
  expect((await serverDocs(env.storage, 'spotCheck')).get(rec.id)).toMatchObject({
    status: 'submitted',
    data: { sample: { remarks: REMARKS }, result: { failedItems: '不合格。' } },
  });
  const after = (await c.ok('sync.quarantine', {})).filter((q) => q.entityId === rec.id);
  expect(after.map((q) => q.resolution).sort()).toEqual(['taken', 'taken']);
  expect(await c.ok('sync.status', {})).toMatchObject({
    quarantined: openBefore,
    lastError: null,
  });
});

it('a held case field a later stage locked takes the server’s value and never blocks a save', async () => {
  const sup = openClient();
  try {
    await enrollAndLogin(env, sup, env.org.supervisor);
    const kase = await c.ok('case.create', {
      data: completeCaseData(chinaDate(new Date())) as unknown as CaseData,
    });
    await c.round();
    const serverRef = kase.data.sourceRef;
    await c.ok('case.save', {
      id: kase.id,
      expectedRev: kase.rev,
      data: { ...kase.data, sourceRef: '举报登记 2026-118 号' },
    });
    rewritePending(c, kase.id, (ch) => (ch['data.sourceRef'] = '举报登记\u0000 2026-118 号'));
    await c.round();
    expect((await c.ok('case.get', { id: kase.id })).record.data.sourceRef).toBe(
      '举报登记 2026-118 号',
    );

    // Filed and approved: 立案 locks the case source, the held field included.
    const openBefore = (await c.ok('sync.status', {})).quarantined;
    const filed = await fileAndApprove(sup, kase.id);
    expect(filed.stage).toBe('investigating');
    expect(filed.data.sourceRef).toBe(serverRef);
    // Nothing of the refusal can go again: settled as locked, kept as history, not counted.
    const settled = (await c.ok('sync.quarantine', {})).filter((q) => q.entityId === kase.id);
    expect(settled.map((q) => [q.reason, q.resolution])).toEqual([['unstorableText', 'locked']]);
    expect((await c.ok('sync.status', {})).quarantined).toBe(openBefore - 1);

    // A later save of an open field goes alone and is taken.
    await c.ok('case.save', {
      id: kase.id,
      expectedRev: filed.rev,
      data: { ...filed.data, facts: `${filed.data.facts}补充询问笔录。` },
    });
    const pending = c.db
      .prepare("SELECT changes FROM outbox WHERE state = 'pending' AND entity_id = ?")
      .all(kase.id) as { changes: string }[];
    expect(pending.map((p) => Object.keys(JSON.parse(p.changes) as object))).toEqual([
      ['data.facts'],
    ]);
    await c.round();
    expect((await serverDocs(env.storage, 'case')).get(kase.id)).toMatchObject({
      data: { facts: `${filed.data.facts}补充询问笔录。`, sourceRef: serverRef },
    });
    const refusals = (await c.ok('sync.quarantine', {})).filter((q) => q.entityId === kase.id);
    expect(refusals.map((q) => q.resolution)).toEqual(['locked']);
  } finally {
    await sup.core.shutdown();
  }
});

/** The record's pending outbox rows: [sorted field paths, base]. */
const pendingOf = (client: SyncClient, id: string) =>
  (
    client.db
      .prepare(
        "SELECT changes, base_server_seq FROM outbox WHERE state = 'pending' AND entity_id = ? ORDER BY seq",
      )
      .all(id) as { changes: string; base_server_seq: number | null }[]
  ).map((p) => [Object.keys(JSON.parse(p.changes) as object).sort(), p.base_server_seq]);

/** Makes the last pending change of `path` of the record one the server cannot store. */
function unstorable(client: SyncClient, id: string, path: string): void {
  const row = client.db
    .prepare(
      "SELECT seq, changes FROM outbox WHERE state = 'pending' AND entity_id = ? ORDER BY seq DESC",
    )
    .get(id) as { seq: number; changes: string };
  const changes = JSON.parse(row.changes) as Record<string, unknown>;
  changes[path] = `${String(changes[path])}\u0000`;
  client.db
    .prepare('UPDATE outbox SET changes = ? WHERE seq = ?')
    .run(JSON.stringify(changes), row.seq);
}

it('fields refused from different bases go again each from its own', async () => {
  const rec = await c.ok('spotCheck.create', { data: completeData() });
  await c.round();
  await other.round();
  await saveSpotCheck(c, rec.id, (d) => (d.result.failedItems = FAILED));
  await c.round();
  // The other laptop rewrites the remarks; this one pulls them, and the inspector deliberately
  // replaces them, which is refused too (from the later base).
  await saveSpotCheck(other, rec.id, (d) => (d.sample.remarks = '另一台电脑的备注。'));
  await other.round();
  await c.round();
  await saveSpotCheck(c, rec.id, (d) => (d.sample.remarks = '本机的备注。'));
  unstorable(c, rec.id, 'data.sample.remarks');
  await c.round();

  await saveSpotCheck(c, rec.id, (d) => {
    d.sample.remarks = '本机改写的备注。';
    d.result.failedItems = '不合格。';
  });
  const pending = pendingOf(c, rec.id);
  expect(pending.map(([paths]) => paths)).toEqual([
    ['data.result.failedItems'],
    ['data.sample.remarks'],
  ]);
  expect(Number(pending[0]?.[1])).toBeLessThan(Number(pending[1]?.[1]));
  await c.round();
  expect(await onServer(rec.id)).toMatchObject({
    sample: { remarks: '本机改写的备注。' },
    result: { failedItems: '不合格。' },
  });
  expect(await c.ok('conflicts.list', { entityId: rec.id })).toEqual([]);
  const entries = (await c.ok('sync.quarantine', {})).filter((q) => q.entityId === rec.id);
  // The first refusal was superseded when its field was refused again with the remarks' save.
  expect(entries.map((q) => q.resolution).sort()).toEqual(['superseded', 'taken', 'taken']);
});

it('a submit in conflict is not signed: the refused submit stays to act on', async () => {
  const rec = await c.ok('spotCheck.create', { data: completeData() });
  await c.round();
  await other.round();
  await typeTooMuch(rec.id);
  await c.round();
  const held = (await c.ok('spotCheck.get', { id: rec.id })).record;
  await c.ok('spotCheck.submit', { id: rec.id, expectedRevision: held.revision });
  await c.round();
  await saveSpotCheck(other, rec.id, (d) => (d.sample.remarks = '另一台电脑的备注。'));
  await other.round();
  await c.round();
  await saveSpotCheck(c, rec.id, (d) => (d.result.failedItems = '不合格。'));
  const fixed = (await c.ok('spotCheck.get', { id: rec.id })).record;
  await c.ok('spotCheck.submit', { id: rec.id, expectedRevision: fixed.revision });
  await c.round();

  expect((await serverDocs(env.storage, 'spotCheck')).get(rec.id)).toMatchObject({
    status: 'draft',
  });
  // The save and the submit both carried the held remarks: each met the other laptop's value.
  const conflicts = await c.ok('conflicts.list', { entityId: rec.id });
  expect(new Set(conflicts.map((x) => x.field))).toEqual(new Set(['data.sample.remarks']));
  const entries = (await c.ok('sync.quarantine', {})).filter((q) => q.entityId === rec.id);
  expect(entries.map((q) => [q.op, q.resolution ?? null]).sort()).toEqual([
    ['submit', null],
    ['update', 'taken'],
  ]);
});

it('a draft whose create is refused again and again is one refusal to act on', async () => {
  const before = (await c.ok('sync.status', {})).quarantined;
  const rec = await c.ok('spotCheck.create', {
    data: completeData((d) => {
      d.sample.remarks = REMARKS;
      d.result.failedItems = FAILED;
    }),
  });
  await c.round();
  for (const name of ['复混肥料（一）', '复混肥料（二）']) {
    await saveSpotCheck(c, rec.id, (d) => (d.sample.name = name));
    await c.round();
  }
  const entries = (await c.ok('sync.quarantine', {})).filter((q) => q.entityId === rec.id);
  expect(entries.map((q) => [q.op, q.resolution ?? null])).toEqual(
    expect.arrayContaining([
      ['create', 'superseded'],
      ['create', 'superseded'],
      ['create', null],
    ]),
  );
  expect((await c.ok('sync.status', {})).quarantined - before).toBe(1);
});

it('a held case refusal partly locked by a later stage resolves once its open fields are taken', async () => {
  const sup = openClient();
  try {
    await enrollAndLogin(env, sup, env.org.supervisor);
    const kase = await c.ok('case.create', {
      data: completeCaseData(chinaDate(new Date())) as unknown as CaseData,
    });
    await c.round();
    await other.round();
    const facts = `${kase.data.facts}补充。`;
    await c.ok('case.save', {
      id: kase.id,
      expectedRev: kase.rev,
      data: { ...kase.data, sourceRef: '举报登记 2026-119 号', facts },
    });
    unstorable(c, kase.id, 'data.sourceRef');
    await c.round();

    const filed = await fileAndApprove(sup, kase.id);
    expect(filed.stage).toBe('investigating');
    expect(filed.data.facts).toBe(facts);

    // A save of another field sends the held facts (not the locked source) and resolves it.
    await c.ok('case.save', {
      id: kase.id,
      expectedRev: filed.rev,
      data: { ...filed.data, cause: `${filed.data.cause}（一）` },
    });
    expect(pendingOf(c, kase.id).map(([paths]) => paths)).toEqual([['data.facts'], ['data.cause']]);
    await c.round();
    expect((await serverDocs(env.storage, 'case')).get(kase.id)).toMatchObject({
      data: { facts },
    });
    const entries = (await c.ok('sync.quarantine', {})).filter((q) => q.entityId === kase.id);
    expect(entries.map((q) => q.resolution)).toEqual(['taken']);

    // No longer held: the other laptop's change of the facts arrives, and the next save is alone.
    await other.round();
    const o = (await other.ok('case.get', { id: kase.id })).record;
    await other.ok('case.save', {
      id: kase.id,
      expectedRev: o.rev,
      data: { ...o.data, facts: '另一台电脑改写的事实。' },
    });
    await other.round();
    await c.round();
    const seen = (await c.ok('case.get', { id: kase.id })).record;
    expect(seen.data.facts).toBe('另一台电脑改写的事实。');
    await c.ok('case.save', {
      id: kase.id,
      expectedRev: seen.rev,
      data: { ...seen.data, cause: `${seen.data.cause}（二）` },
    });
    expect(pendingOf(c, kase.id).map(([paths]) => paths)).toEqual([['data.cause']]);
    await c.round();
    expect(await c.ok('conflicts.list', { entityId: kase.id })).toEqual([]);
  } finally {
    await sup.core.shutdown();
  }
});
