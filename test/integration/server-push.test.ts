/**
 * Push: one transaction per batch, replays skipped, gaps refused, a result per mutation,
 * field-level conflicts, the spot-check workflow and scopes.
 */
import http from 'node:http';
import { encodePushBody, PUSH_BODY_TYPE } from '../../shared/sync/pushBody';
import type { Mutation, MutationResult, PushResponse } from '../../shared/sync/protocol';
import type { RunningServer } from '../../server/server';
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
  server = await startTestServer(db.storage, { maxBatchMutations: 50 });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await db?.close();
});

beforeEach(() => db.reset());

const push = (dev: TestDevice, batch: Mutation[]) =>
  client(server.url, dev.token).post<
    PushResponse & { code?: string; details?: Record<string, unknown> }
  >('/v1/sync/push', {
    deviceId: dev.deviceId,
    batch,
  });

async function ok(dev: TestDevice, batch: Mutation[]): Promise<MutationResult[]> {
  const res = await push(dev, batch);
  expect(res.status).toBe(200);
  return res.body.results;
}

/** A push whose body is written by the test, piece by piece. */
function rawPost(token: string, length: number, type = 'application/json') {
  const url = new URL('/v1/sync/push', server.url);
  const req = http.request(url, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': type,
      'content-length': String(length),
    },
  });
  const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
  });
  return {
    write: (chunk: Uint8Array) => req.write(chunk),
    end: () => {
      req.end();
      return answer;
    },
  };
}

const count = async (sql: string, params: unknown[] = []) =>
  Number(
    (await db.storage.query<{ n: unknown }>(`SELECT count(*) AS n FROM ${sql}`, params)).rows[0]?.n,
  );

const docOf = async (entity: string, id: string) =>
  (
    await db.storage.query<{ doc: Record<string, unknown>; server_seq: unknown }>(
      'SELECT doc::json AS doc, server_seq FROM entities WHERE entity = $1 AND id = $2',
      [entity, id],
    )
  ).rows[0];

const seqOf = (r: MutationResult | undefined): number => {
  if (!r || r.status === 'rejected' || r.serverSeq === null)
    throw new Error(`no serverSeq in ${JSON.stringify(r)}`);
  return r.serverSeq;
};

describe('push basics', () => {
  it('applies a batch and answers per mutation', async () => {
    const dev = await enroll(db.storage, org.inspectorA);
    const id1 = newId();
    const id2 = newId();
    const res = await push(dev, [
      mutation(dev, 'enterprise', 'create', id1, enterpriseDoc(1)),
      mutation(
        dev,
        'enterprise',
        'create',
        id2,
        enterpriseDoc(2, { creditCode: creditCodeLower(2) }),
      ),
    ]);
    expect(res.status).toBe(200);
    expect(res.body.lastSeq).toBe(2);
    expect(res.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    // stored normalized by the shared schema (credit code upper-cased)
    expect((await docOf('enterprise', id2))?.doc.creditCode).toBe(creditCodeLower(2).toUpperCase());
    const m = await db.storage.query<{ hlc: string }>('SELECT hlc FROM mutations ORDER BY seq');
    expect(m.rows[0]?.hlc).toMatch(/^\d{15}:\d{5}:/);
  });

  it('a replayed batch (several times) has its effect once and the same results', async () => {
    const dev = await enroll(db.storage, org.inspectorA);
    const id = newId();
    const batch = [
      mutation(dev, 'enterprise', 'create', id, enterpriseDoc(1)),
      mutation(dev, 'enterprise', 'update', id, { contactPerson: '孙某' }, 0),
      mutation(dev, 'enterprise', 'update', newId(), { contactPerson: 'x' }, 0),
    ];
    const first = await ok(dev, batch);
    for (let i = 0; i < 3; i++) {
      const again = await ok(dev, batch);
      expect(again.map((r) => ({ ...r, replayed: undefined }))).toEqual(
        first.map((r) => ({ ...r, replayed: undefined })),
      );
      expect(again.every((r) => r.replayed)).toBe(true);
    }
    expect(await count(`entities WHERE entity = 'enterprise'`)).toBe(1);
    expect(await count('mutations')).toBe(3);
    const seqBefore = (await docOf('enterprise', id))?.server_seq;
    // a batch overlapping the applied range: old part replayed, new part applied
    const next = mutation(
      dev,
      'enterprise',
      'update',
      id,
      { contactPhone: '13900000000' },
      seqOf(first[1]),
    );
    const overlap = await ok(dev, [...batch.slice(1), next]);
    expect(overlap.map((r) => [r.status, r.replayed ?? false])).toEqual([
      ['applied', true],
      ['rejected', true],
      ['applied', false],
    ]);
    expect(Number((await docOf('enterprise', id))?.server_seq)).toBeGreaterThan(Number(seqBefore));
    expect(await count('mutations')).toBe(4);
  });

  it('a gap is refused whole with the expected seq, and nothing is written', async () => {
    const dev = await enroll(db.storage, org.inspectorA);
    await ok(dev, [mutation(dev, 'enterprise', 'create', newId(), enterpriseDoc(1))]);
    dev.nextSeq = 5;
    const res = await push(dev, [mutation(dev, 'enterprise', 'create', newId(), enterpriseDoc(2))]);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('GAP');
    expect(res.body.details).toMatchObject({ expectedSeq: 2, lastSeq: 1 });
    expect(await count('mutations')).toBe(1);
    expect(await count(`entities WHERE entity = 'enterprise'`)).toBe(1);
  });

  it('a rejected mutation in the middle does not block the rest and consumes its seq', async () => {
    const dev = await enroll(db.storage, org.inspectorA);
    const good1 = newId();
    const good2 = newId();
    const results = await ok(dev, [
      mutation(dev, 'enterprise', 'create', good1, enterpriseDoc(1)),
      mutation(
        dev,
        'enterprise',
        'create',
        newId(),
        enterpriseDoc(2, { creditCode: '911234567890123456', contactPhone: 'abc' }),
      ),
      mutation(dev, 'enterprise', 'create', good2, enterpriseDoc(3)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
    const bad = results[1] as Extract<MutationResult, { status: 'rejected' }>;
    expect(bad.reason).toBe('validation');
    expect(bad.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(Object.keys(bad.details?.fieldErrors ?? {})).toEqual(
      expect.arrayContaining(['creditCode', 'contactPhone']),
    );
    const next = await ok(dev, [
      mutation(
        dev,
        'enterprise',
        'update',
        good2,
        { licenceType: '工业产品生产许可证' },
        seqOf(results[2]),
      ),
    ]);
    expect(next[0]?.seq).toBe(4);
  });

  it('refuses duplicates of an id or a credit code, and unknown fields in changes', async () => {
    const a = await enroll(db.storage, org.inspectorA);
    const b = await enroll(db.storage, org.inspectorA2);
    const id = newId();
    await ok(a, [mutation(a, 'enterprise', 'create', id, enterpriseDoc(1))]);
    const r = await ok(b, [
      mutation(b, 'enterprise', 'create', id, enterpriseDoc(2)),
      mutation(b, 'enterprise', 'create', newId(), enterpriseDoc(1, { name: '另一个名字' })),
      mutation(b, 'enterprise', 'update', id, { revision: 3 }, 1),
      mutation(b, 'enterprise', 'submit', id, {}, 1),
    ]);
    expect(r.map((x) => (x.status === 'rejected' ? x.reason : x.status))).toEqual([
      'alreadyExists',
      'duplicateCreditCode',
      'fieldNotWritable',
      'unsupportedOp',
    ]);
    expect((r[1] as Extract<MutationResult, { status: 'rejected' }>).details).toMatchObject({
      existingId: id,
    });
  });

  // Creates are taken to be new without a lookup (sync/push.ts): an id that exists is found by
  // the primary key, or by a check for creates refused before writing, and the batch is applied
  // again with every entity looked up. Each case below is refused exactly as with the lookup.
  it('a create of an id that exists is refused as alreadyExists, and the rest applied once', async () => {
    const a = await enroll(db.storage, org.inspectorA);
    const b = await enroll(db.storage, org.inspectorA2);
    const taken = newId();
    const [before] = await ok(a, [
      mutation(a, 'spotCheck', 'create', taken, { data: submittableSpotCheckData() }),
    ]);
    const fresh = [newId(), newId(), newId()];
    const status = (r: MutationResult) => (r.status === 'rejected' ? r.reason : r.status);

    // Valid data: the bulk insert meets the taken key.
    const first = await ok(b, [
      mutation(b, 'spotCheck', 'create', fresh[0] as string, { data: submittableSpotCheckData() }),
      mutation(b, 'spotCheck', 'create', taken, { data: submittableSpotCheckData() }),
      mutation(b, 'spotCheck', 'create', fresh[1] as string, { data: submittableSpotCheckData() }),
    ]);
    expect(first.map(status)).toEqual(['applied', 'alreadyExists', 'applied']);

    // Data that is refused too: no row is written, so only the check can find the key. Without
    // it the answer would be `validation`.
    const second = await ok(b, [
      mutation(b, 'spotCheck', 'create', taken, { data: { sample: { name: 42 } } }),
      mutation(b, 'spotCheck', 'create', fresh[2] as string, { data: submittableSpotCheckData() }),
    ]);
    expect(second.map(status)).toEqual(['alreadyExists', 'applied']);

    // Each record once; the taken one still as its owner wrote it; server seqs without gaps.
    const { rows } = await db.storage.query<{ id: string; server_seq: unknown; owner: string }>(
      `SELECT id, server_seq, owner_user_id AS owner FROM entities
       WHERE entity = 'spotCheck' AND id = ANY($1::text[]) ORDER BY server_seq`,
      [[taken, ...fresh]],
    );
    expect(rows.map((r) => r.id)).toEqual([taken, ...fresh]);
    expect(rows[0]?.owner).toBe(org.inspectorA.id);
    const seqs = rows.map((r) => Number(r.server_seq));
    expect(seqs[0]).toBe(before?.status === 'applied' ? before.serverSeq : NaN);
    expect(seqs).toEqual(seqs.map((_, i) => (seqs[0] as number) + i));
  });

  it('pipelined batches are applied in seq order when the later one arrives first', async () => {
    const dev = await enroll(db.storage, org.inspectorA);
    const first = [1, 2, 3].map((n) =>
      mutation(dev, 'enterprise', 'create', newId(), enterpriseDoc(n)),
    );
    const second = [4, 5, 6].map((n) =>
      mutation(dev, 'enterprise', 'create', newId(), enterpriseDoc(n)),
    );
    const bodyA = Buffer.from(JSON.stringify({ deviceId: dev.deviceId, batch: first }));
    // A's headers and half its body first, then all of B, then the rest of A: B is complete
    // (and validated) before A, and must wait for it rather than be refused as a gap.
    const a = rawPost(dev.token, bodyA.length);
    const half = Math.floor(bodyA.length / 2);
    a.write(bodyA.subarray(0, half));
    await new Promise((r) => setTimeout(r, 100));
    const b = client(server.url, dev.token).post<PushResponse>('/v1/sync/push', {
      deviceId: dev.deviceId,
      batch: second,
      pipelined: true,
    });
    await new Promise((r) => setTimeout(r, 200));
    a.write(bodyA.subarray(half));
    const [resA, resB] = await Promise.all([a.end(), b]);
    expect(resA.status).toBe(200);
    expect(resB.status).toBe(200);
    const seqsA = (JSON.parse(resA.text) as PushResponse).results.map(seqOf);
    const seqsB = resB.body.results.map(seqOf);
    expect(Math.max(...seqsA)).toBeLessThan(Math.min(...seqsB));
    expect(await count(`mutations WHERE device_id = $1`, [dev.deviceId])).toBe(6);
  });

  it('a refused push releases the pipelined batch waiting behind it at once', async () => {
    const dev = await enroll(db.storage, org.inspectorA);
    const first = [mutation(dev, 'enterprise', 'create', newId(), enterpriseDoc(1))];
    const second = [mutation(dev, 'enterprise', 'create', newId(), enterpriseDoc(2))];
    // A is refused (stale epoch) after B has been read and is waiting for it.
    const bodyA = Buffer.from(
      JSON.stringify({ deviceId: dev.deviceId, epoch: 'stale', batch: first }),
    );
    const a = rawPost(dev.token, bodyA.length);
    a.write(bodyA.subarray(0, 10));
    await new Promise((r) => setTimeout(r, 100));
    const t0 = Date.now();
    const b = client(server.url, dev.token).post<PushResponse & { code?: string }>(
      '/v1/sync/push',
      { deviceId: dev.deviceId, batch: second, pipelined: true },
    );
    await new Promise((r) => setTimeout(r, 200));
    a.write(bodyA.subarray(10));
    const [resA, resB] = await Promise.all([a.end(), b]);
    expect(resA.status).toBe(409);
    expect(resB.status).toBe(409);
    expect(resB.body.code).toBe('GAP');
    // Without the release it would wait for its predecessor for 10 s.
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(await count(`mutations WHERE device_id = $1`, [dev.deviceId])).toBe(0);
  });

  it('takes the body as NDJSON (as the app sends it) and refuses other content types', async () => {
    const dev = await enroll(db.storage, org.inspectorA);
    const id = newId();
    const edited = newId();
    const data = submittableSpotCheckData();
    const text = encodePushBody({
      deviceId: dev.deviceId,
      batch: [
        mutation(dev, 'spotCheck', 'create', id, { data }),
        mutation(dev, 'enterprise', 'create', newId(), enterpriseDoc(1)),
        // Created and edited in one batch: the edit reads the new row from the batch's queue,
        // whose data is the text the device sent.
        mutation(dev, 'spotCheck', 'create', edited, { data }),
        mutation(dev, 'spotCheck', 'update', edited, { 'data.basic.samplingPlace': '原料库' }, 0),
        // The same id again: refused, and the push log keeps what it sent.
        mutation(dev, 'spotCheck', 'create', id, { data }),
      ],
    });
    const bytes = Buffer.from(text);
    const post = rawPost(dev.token, bytes.length, `${PUSH_BODY_TYPE}; charset=utf-8`);
    post.write(bytes);
    const res = await post.end();
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as PushResponse;
    expect(body.results.map((r) => r.status)).toEqual([
      'applied',
      'applied',
      'applied',
      'applied',
      'rejected',
    ]);
    expect(body.results[4]).toMatchObject({ reason: 'alreadyExists' });
    expect((await docOf('spotCheck', id))?.doc).toMatchObject({ status: 'draft', data });
    const basic = { ...(data.basic as object), samplingPlace: '原料库' };
    expect((await docOf('spotCheck', edited))?.doc).toMatchObject({ data: { ...data, basic } });
    const logged = await db.storage.query<{ changes: unknown }>(
      'SELECT changes::json AS changes FROM mutations WHERE device_id = $1 AND seq = $2',
      [dev.deviceId, 5],
    );
    expect(logged.rows[0]?.changes).toEqual({ data });

    const plain = rawPost(dev.token, bytes.length, 'text/plain');
    plain.write(bytes);
    const refused = await plain.end();
    expect(refused.status).toBe(400);
    expect(refused.text).toContain(PUSH_BODY_TYPE);
    expect(await count('mutations')).toBe(5);
  });

  it('a gap in a batch that is not pipelined is refused at once', async () => {
    const dev = await enroll(db.storage, org.inspectorA);
    dev.nextSeq = 10;
    const t0 = Date.now();
    const res = await push(dev, [mutation(dev, 'enterprise', 'create', newId(), enterpriseDoc(1))]);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('GAP');
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it('more mutations than the limit is 413 before any work', async () => {
    const dev = await enroll(db.storage, org.inspectorA);
    const batch = Array.from({ length: 51 }, (_, i) =>
      mutation(dev, 'enterprise', 'create', newId(), enterpriseDoc(i + 1)),
    );
    const res = await push(dev, batch);
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await count('mutations')).toBe(0);
  });

  it('a push with a stale epoch is refused', async () => {
    const dev = await enroll(db.storage, org.inspectorA);
    const res = await client(server.url, dev.token).post('/v1/sync/push', {
      deviceId: dev.deviceId,
      epoch: 'stale',
      batch: [mutation(dev, 'enterprise', 'create', newId(), enterpriseDoc(1))],
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('EPOCH_CHANGED');
  });
});

describe('conflicts', () => {
  async function shared(): Promise<{ a: TestDevice; b: TestDevice; id: string; base: number }> {
    const a = await enroll(db.storage, org.inspectorA);
    const b = await enroll(db.storage, org.inspectorA2);
    const id = newId();
    const [r] = await ok(a, [mutation(a, 'enterprise', 'create', id, enterpriseDoc(1))]);
    return { a, b, id, base: seqOf(r) };
  }

  it('the same field changed on two devices keeps both values, nothing overwritten', async () => {
    const { a, b, id, base } = await shared();
    await ok(a, [mutation(a, 'enterprise', 'update', id, { contactPerson: '甲' }, base)]);
    const [r] = await ok(b, [
      mutation(b, 'enterprise', 'update', id, { contactPerson: '乙', licenceNumber: 'XK-1' }, base),
    ]);
    expect(r).toMatchObject({ status: 'conflict' });
    const c = r as Extract<MutationResult, { status: 'conflict' }>;
    expect(c.conflicts).toEqual([
      expect.objectContaining({ field: 'contactPerson', serverValue: '甲', clientValue: '乙' }),
    ]);
    const doc = (await docOf('enterprise', id))?.doc;
    expect(doc).toMatchObject({ contactPerson: '甲', licenceNumber: 'XK-1' });
    const rows = await db.storage.query<{
      server_value: unknown;
      client_value: unknown;
      status: string;
      device_id: string;
    }>('SELECT server_value, client_value, status, device_id FROM conflicts WHERE entity_id = $1', [
      id,
    ]);
    expect(rows.rows).toEqual([
      { server_value: '甲', client_value: '乙', status: 'open', device_id: b.deviceId },
    ]);
  });

  it('different fields from two devices merge', async () => {
    const { a, b, id, base } = await shared();
    await ok(a, [mutation(a, 'enterprise', 'update', id, { contactPerson: '甲' }, base)]);
    const [r] = await ok(b, [
      mutation(b, 'enterprise', 'update', id, { contactPhone: '024-12345678' }, base),
    ]);
    expect(r?.status).toBe('applied');
    expect((await docOf('enterprise', id))?.doc).toMatchObject({
      contactPerson: '甲',
      contactPhone: '024-12345678',
    });
    expect(await count('conflicts')).toBe(0);
  });

  it('no conflict once the client has seen the change, or when values agree', async () => {
    const { a, b, id, base } = await shared();
    const [ra] = await ok(a, [
      mutation(a, 'enterprise', 'update', id, { contactPerson: '甲' }, base),
    ]);
    const r = await ok(b, [
      mutation(b, 'enterprise', 'update', id, { contactPerson: '甲' }, base),
      mutation(b, 'enterprise', 'update', id, { contactPerson: '乙' }, seqOf(ra)),
    ]);
    expect(r.map((x) => x.status)).toEqual(['applied', 'applied']);
    expect((await docOf('enterprise', id))?.doc.contactPerson).toBe('乙');
  });
});

describe('spot checks', () => {
  it('draft → submit → immutable → correction as a new version', async () => {
    const dev = await enroll(db.storage, org.inspectorA);
    const id = newId();
    const data = submittableSpotCheckData();
    const [created] = await ok(dev, [
      mutation(dev, 'spotCheck', 'create', id, { data: { basic: { recordNumber: 'SY-1' } } }),
    ]);
    expect(created?.status).toBe('applied');
    // a draft may be incomplete, but not mistyped
    const [badDraft] = await ok(dev, [
      mutation(dev, 'spotCheck', 'update', id, { 'data.sample.imported': 'yes' }, seqOf(created)),
    ]);
    expect(badDraft).toMatchObject({ status: 'rejected', reason: 'validation' });
    // submit checks the submit rules
    const [early] = await ok(dev, [mutation(dev, 'spotCheck', 'submit', id, {}, seqOf(created))]);
    expect(early).toMatchObject({ status: 'rejected', reason: 'validation' });
    const [sub] = await ok(dev, [
      mutation(dev, 'spotCheck', 'submit', id, { data }, seqOf(created)),
    ]);
    expect(sub?.status).toBe('applied');
    expect((await docOf('spotCheck', id))?.doc).toMatchObject({
      status: 'submitted',
      submittedBy: org.inspectorA.id,
    });

    const after = await ok(dev, [
      mutation(
        dev,
        'spotCheck',
        'update',
        id,
        { 'data.sample.batchNumber': 'changed' },
        seqOf(sub),
      ),
      mutation(dev, 'spotCheck', 'submit', id, {}, seqOf(sub)),
      mutation(dev, 'spotCheck', 'update', id, { status: 'draft' }, seqOf(sub)),
    ]);
    expect(after.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual([
      'immutable',
      'notDraft',
      'immutable',
    ]);
    expect(
      ((await docOf('spotCheck', id))?.doc.data as { sample: { batchNumber: string } }).sample
        .batchNumber,
    ).toBe('20260401');

    const v2 = newId();
    const corr = await ok(dev, [
      mutation(dev, 'spotCheck', 'correct', v2, { supersedesId: id }),
      mutation(dev, 'spotCheck', 'correct', newId(), { supersedesId: id }),
    ]);
    expect(corr.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual([
      'applied',
      'alreadyCorrected',
    ]);
    expect((await docOf('spotCheck', v2))?.doc).toMatchObject({
      status: 'draft',
      version: 2,
      supersedesId: id,
    });
    expect((await docOf('spotCheck', id))?.doc).toMatchObject({
      status: 'submitted',
      supersededById: v2,
    });
  });

  it('a submit whose fields conflict stays a draft, keeps both values, merges the rest', async () => {
    // Only the owner writes a record, so a same-field conflict comes from their two laptops.
    const a = await enroll(db.storage, org.inspectorA);
    const other = await enroll(db.storage, org.inspectorA, 'second laptop');
    const id = newId();
    const data = submittableSpotCheckData();
    const [c] = await ok(a, [mutation(a, 'spotCheck', 'create', id, { data })]);
    await ok(other, [
      mutation(other, 'spotCheck', 'update', id, { 'data.sample.batchNumber': 'SUP-1' }, seqOf(c)),
    ]);
    const [r] = await ok(a, [
      mutation(
        a,
        'spotCheck',
        'submit',
        id,
        { 'data.sample.batchNumber': 'A-1', 'data.seals.sealNote': '完好' },
        seqOf(c),
      ),
    ]);
    expect(r?.status).toBe('conflict');
    const doc = (await docOf('spotCheck', id))?.doc as {
      status: string;
      data: { sample: { batchNumber: string }; seals: { sealNote: string } };
    };
    expect(doc.status).toBe('draft');
    expect(doc.data.sample.batchNumber).toBe('SUP-1');
    expect(doc.data.seals.sealNote).toBe('完好');
  });
});

describe('scope', () => {
  it('an inspector cannot change a record or enterprise of another unit, or another inspector’s record', async () => {
    const a = await enroll(db.storage, org.inspectorA);
    const a2 = await enroll(db.storage, org.inspectorA2);
    const b = await enroll(db.storage, org.inspectorB);
    const ent = newId();
    const rec = newId();
    const [re, rr] = await ok(a, [
      mutation(a, 'enterprise', 'create', ent, enterpriseDoc(1)),
      mutation(a, 'spotCheck', 'create', rec, { data: {} }),
    ]);
    const fromB = await ok(b, [
      mutation(b, 'enterprise', 'update', ent, { contactPerson: 'B' }, seqOf(re)),
      mutation(b, 'spotCheck', 'update', rec, { 'data.basic.purpose': 'B' }, seqOf(rr)),
      mutation(b, 'spotCheck', 'correct', newId(), { supersedesId: rec }),
    ]);
    expect(fromB.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual([
      'outOfScope',
      'outOfScope',
      'outOfScope',
    ]);
    // same team: the enterprise register is shared, spot checks are personal
    const fromA2 = await ok(a2, [
      mutation(a2, 'enterprise', 'update', ent, { contactPerson: 'A2' }, seqOf(re)),
      mutation(a2, 'spotCheck', 'update', rec, { 'data.basic.purpose': 'A2' }, seqOf(rr)),
    ]);
    expect(fromA2.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual([
      'applied',
      'outOfScope',
    ]);
    // the city supervisor sees the draft but does not write into it: review is its own record
    const sup = await enroll(db.storage, org.supervisor);
    const fromSup = await ok(sup, [
      mutation(sup, 'spotCheck', 'update', rec, { 'data.basic.purpose': '审核意见' }, seqOf(rr)),
      mutation(sup, 'spotCheck', 'submit', rec, {}, seqOf(rr)),
    ]);
    expect(fromSup.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual([
      'outOfScope',
      'outOfScope',
    ]);
  });
});

function creditCodeLower(n: number): string {
  return (enterpriseDoc(n).creditCode as string).toLowerCase();
}
