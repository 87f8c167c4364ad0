/**
 * Document-number blocks on the server: disjoint under concurrency (PGlite by default,
 * PostgreSQL with DATABASE_URL), replay-safe, limited, scoped to the caller, prefixes as data.
 */
import { COMMANDS } from '../../server/admin/commands';
import { setPrefix } from '../../server/numbers/prefix';
import type { RunningServer } from '../../server/server';
import {
  client,
  createOrg,
  enroll,
  newId,
  openTestStorage,
  startTestServer,
  type TestOrg,
  type TestStorage,
} from '../../server/testing/harness';
import { defaultNumberPrefix, formatDocumentNumber } from '../../shared/documents/numbers';
import {
  MAX_BLOCK_SIZE,
  MAX_OUTSTANDING_BLOCKS,
  type NumberBlock,
  type NumberBlockResponse,
} from '../../shared/sync/numberProtocol';

let db: TestStorage;
let server: RunningServer;
let org: TestOrg;
const YEAR = new Date().getUTCFullYear();

beforeAll(async () => {
  db = await openTestStorage();
  org = await createOrg(db.storage);
  server = await startTestServer(db.storage);
}, 60_000);

afterAll(async () => {
  await server?.close();
  await db?.close();
});

const blockCount = async () =>
  Number(
    (await db.storage.query<{ n: unknown }>('SELECT count(*) AS n FROM number_blocks')).rows[0]?.n,
  );

const ask = (token: string, body: Record<string, unknown>) =>
  client(server.url, token).post<NumberBlockResponse & { code?: string }>('/v1/numbers/blocks', {
    requestId: newId(),
    year: YEAR,
    size: 10,
    ...body,
  });

const overlaps = (a: NumberBlock, b: NumberBlock) =>
  a.prefix === b.prefix && a.year === b.year && a.start <= b.end && b.start <= a.end;

describe('POST /v1/numbers/blocks', () => {
  beforeEach(() => db.reset());

  it('hands out consecutive disjoint blocks with the unit’s derived prefix', async () => {
    const dev = await enroll(db.storage, org.inspectorA);
    const first = await ask(dev.token, { docType: 'penaltyDecision', size: 10 });
    expect(first.status).toBe(200);
    // 稽查一队 (region 210100) belongs to 沈阳市质监局: 沈 + 质监 + 罚.
    expect(first.body.block).toMatchObject({
      docType: 'penaltyDecision',
      year: YEAR,
      prefix: '沈质监罚',
      start: 1,
      end: 10,
    });
    const second = await ask(dev.token, { docType: 'penaltyDecision', size: 5 });
    expect(second.body.block).toMatchObject({ start: 11, end: 15 });
    expect(second.body.outstanding.map((b) => b.id)).toEqual([
      first.body.block.id,
      second.body.block.id,
    ]);
    expect(formatDocumentNumber(first.body.block.prefix, YEAR, first.body.block.start)).toBe(
      `沈质监罚〔${YEAR}〕第1号`,
    );
  });

  it('gives many concurrent requests from several devices disjoint blocks', async () => {
    const devices = await Promise.all(
      [org.inspectorA, org.inspectorA2, org.inspectorB, org.supervisor].flatMap((u) => [
        enroll(db.storage, u, 'one'),
        enroll(db.storage, u, 'two'),
      ]),
    );
    // Two requests per device (the outstanding limit), all at once, two types mixed in.
    const answers = await Promise.all(
      devices.flatMap((d, i) =>
        Array.from({ length: MAX_OUTSTANDING_BLOCKS }, (_, k) =>
          ask(d.token, { docType: 'penaltyDecision', size: 3 + ((i + k) % 7) }),
        ),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    const blocks = answers.map((a) => a.body.block);
    for (let i = 0; i < blocks.length; i++) {
      for (let j = i + 1; j < blocks.length; j++) {
        expect(overlaps(blocks[i] as NumberBlock, blocks[j] as NumberBlock)).toBe(false);
      }
    }
    // Teams A and B and the city share the bureau's prefix, so they share one sequence: the
    // blocks tile it from 1 without a hole.
    const sorted = [...blocks].sort((a, b) => a.start - b.start);
    expect(new Set(sorted.map((b) => b.prefix))).toEqual(new Set(['沈质监罚']));
    let next = 1;
    for (const b of sorted) {
      expect(b.start).toBe(next);
      next = b.end + 1;
    }
  });

  it('returns the same block when a request is retried (lost response)', async () => {
    const dev = await enroll(db.storage, org.inspectorA);
    const requestId = newId();
    const a = await ask(dev.token, { requestId, docType: 'penaltyNotice' });
    const b = await ask(dev.token, { requestId, docType: 'penaltyNotice' });
    expect(b.status).toBe(200);
    expect(b.body.block).toEqual(a.body.block);
    expect(await blockCount()).toBe(1);
    const other = await ask(dev.token, { requestId, docType: 'penaltyDecision' });
    expect(other.status).toBe(400);
    expect(await blockCount()).toBe(1);
  });

  it('releases the used-up blocks a retried request reports, even when its first answer was lost', async () => {
    const dev = await enroll(db.storage, org.inspectorA);
    const held: NumberBlock[] = [];
    for (let i = 0; i < MAX_OUTSTANDING_BLOCKS - 1; i++) {
      held.push((await ask(dev.token, { docType: 'measureDecision' })).body.block);
    }
    // The request got its block, but the answer was lost: the device still counts held[0] as
    // unreported and sends the same request again with it.
    const requestId = newId();
    const exhausted = [(held[0] as NumberBlock).id];
    const first = await ask(dev.token, { requestId, docType: 'measureDecision' });
    expect(first.status).toBe(200);
    const retried = await ask(dev.token, { requestId, docType: 'measureDecision', exhausted });
    expect(retried.status).toBe(200);
    expect(retried.body.block).toEqual(first.body.block);
    expect(retried.body.outstanding.map((b) => b.id)).not.toContain(exhausted[0]);
    // The device marked it reported and never sends it again: its place is free all the same.
    const next = await ask(dev.token, { docType: 'measureDecision' });
    expect(next.status).toBe(200);
    expect(next.body.code).toBeUndefined();
  });

  it('limits outstanding blocks per device and type until they are reported used up', async () => {
    const dev = await enroll(db.storage, org.inspectorA);
    const held: NumberBlock[] = [];
    for (let i = 0; i < MAX_OUTSTANDING_BLOCKS; i++) {
      held.push((await ask(dev.token, { docType: 'measureDecision' })).body.block);
    }
    const refused = await ask(dev.token, { docType: 'measureDecision' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('NUMBER_BLOCK_LIMIT');
    // Another type and another device are not affected.
    expect((await ask(dev.token, { docType: 'filingApproval' })).status).toBe(200);
    const dev2 = await enroll(db.storage, org.inspectorA, 'second');
    expect((await ask(dev2.token, { docType: 'measureDecision' })).status).toBe(200);
    // Reporting a block used up frees its place; another device's block ids are ignored.
    const foreign = (await ask(dev2.token, { docType: 'filingApproval' })).body.block;
    const stillRefused = await ask(dev.token, {
      docType: 'measureDecision',
      exhausted: [foreign.id],
    });
    expect(stillRefused.status).toBe(409);
    const freed = await ask(dev.token, {
      docType: 'measureDecision',
      exhausted: [(held[0] as NumberBlock).id],
    });
    expect(freed.status).toBe(200);
    expect(freed.body.outstanding.map((b) => b.id)).toEqual([
      (held[1] as NumberBlock).id,
      freed.body.block.id,
    ]);
  });

  it('refuses bad input and unauthenticated requests with 4xx and writes nothing', async () => {
    const dev = await enroll(db.storage, org.inspectorA);
    const bad: Record<string, unknown>[] = [
      { docType: 'inquiryRecord' }, // a form without a number of its own
      { docType: 'nonsense' },
      { docType: 'penaltyDecision', size: 0 },
      { docType: 'penaltyDecision', size: MAX_BLOCK_SIZE + 1 },
      { docType: 'penaltyDecision', size: 2.5 },
      { docType: 'penaltyDecision', year: YEAR + 5 },
      { docType: 'penaltyDecision', year: '2026' },
      { docType: 'penaltyDecision', requestId: 'not-a-uuid' },
      { docType: 'penaltyDecision', extra: true },
      { docType: 'penaltyDecision', exhausted: ['x'] },
    ];
    for (const body of bad) {
      const res = await ask(dev.token, body);
      expect([res.status, body]).toEqual([400, body]);
    }
    const raw = await client(server.url, dev.token).raw('/v1/numbers/blocks', '{not json');
    expect(raw.status).toBe(400);
    const anonymous = await client(server.url).post('/v1/numbers/blocks', {
      requestId: newId(),
      docType: 'penaltyDecision',
      year: YEAR,
      size: 10,
    });
    expect(anonymous.status).toBe(401);
    const forged = await ask('A'.repeat(40), { docType: 'penaltyDecision' });
    expect(forged.status).toBe(401);
    await COMMANDS['device:revoke']?.run(db.storage, { device: dev.deviceId, reason: '遗失' });
    const revoked = await ask(dev.token, { docType: 'penaltyDecision' });
    expect(revoked.status).toBe(403);
    expect(await blockCount()).toBe(0);
    const counters = await db.storage.query('SELECT * FROM number_counters');
    expect(counters.rows).toEqual([]);
  });

  it('keeps each year its own sequence', async () => {
    const dev = await enroll(db.storage, org.inspectorA);
    const now = (await ask(dev.token, { docType: 'penaltyDecision', size: 10 })).body.block;
    const next = (await ask(dev.token, { docType: 'penaltyDecision', year: YEAR + 1, size: 10 }))
      .body.block;
    expect(now).toMatchObject({ year: YEAR, start: 1 });
    expect(next).toMatchObject({ year: YEAR + 1, start: 1 });
  });
});

describe('prefixes and sequences as data', () => {
  beforeEach(async () => {
    await db.reset();
    await db.storage.query('DELETE FROM number_prefixes');
  });

  it('derives defaults from region and bureau, and an admin setting is inherited by sub-units', async () => {
    expect(
      defaultNumberPrefix(
        { regionCode: '210000', agencyName: '辽宁省质量技术监督局' },
        'penaltyDecision',
      ),
    ).toBe('辽质监罚');
    expect(
      defaultNumberPrefix(
        { regionCode: '210000', agencyName: '辽宁省质量技术监督局' },
        'filingApproval',
      ),
    ).toBe('辽质监立');
    expect(
      defaultNumberPrefix(
        { regionCode: '210200', agencyName: '大连市市场监督管理局' },
        'penaltyNotice',
      ),
    ).toBe('大市监罚告');

    const listed = (await COMMANDS['number-prefix:list']?.run(db.storage, {
      unit: org.teamA.id,
    })) as { docType: string; prefix: string; source: string }[];
    expect(listed.find((p) => p.docType === 'penaltyDecision')).toEqual({
      docType: 'penaltyDecision',
      prefix: '沈质监罚',
      source: 'default',
    });

    await COMMANDS['number-prefix:set']?.run(db.storage, {
      unit: org.city.id,
      'doc-type': 'penaltyDecision',
      prefix: '沈质监罚字',
    });
    const devA = await enroll(db.storage, org.inspectorA);
    const block = (await ask(devA.token, { docType: 'penaltyDecision' })).body.block;
    expect(block.prefix).toBe('沈质监罚字');
    const cityList = (await COMMANDS['number-prefix:list']?.run(db.storage, {
      unit: org.city.id,
    })) as { docType: string; source: string }[];
    expect(cityList.find((p) => p.docType === 'penaltyDecision')?.source).toBe('unit');
    expect(cityList.find((p) => p.docType === 'penaltyNotice')?.source).toBe('default');
    expect((await setPrefix(db.storage, org.teamA.id, 'penaltyDecision', '')).source).toBe(
      'inherited',
    );

    await expect(
      COMMANDS['number-prefix:set']?.run(db.storage, {
        unit: org.city.id,
        'doc-type': 'inquiryRecord',
        prefix: '沈质监询',
      }),
    ).rejects.toThrow(/document type/);
    await expect(
      COMMANDS['number-prefix:set']?.run(db.storage, {
        unit: org.city.id,
        'doc-type': 'penaltyDecision',
        prefix: '沈〔罚〕',
      }),
    ).rejects.toThrow(/prefix/);
    await expect(
      COMMANDS['number-prefix:list']?.run(db.storage, { unit: 'not-a-unit' }),
    ).rejects.toThrow(/no unit/);
  });

  it('starts a sequence after numbers issued by hand, never moving it back', async () => {
    const start = COMMANDS['number-sequence:start'];
    await start?.run(db.storage, { prefix: '沈质监罚', year: String(YEAR), next: '38' });
    await expect(
      start?.run(db.storage, { prefix: '沈质监罚', year: String(YEAR), next: '5' }),
    ).resolves.toEqual({ prefix: '沈质监罚', year: YEAR, nextSeq: 38 });
    await expect(
      start?.run(db.storage, { prefix: '沈质监罚', year: 'x', next: '5' }),
    ).rejects.toThrow(/year/);
    const dev = await enroll(db.storage, org.inspectorA);
    const block = (await ask(dev.token, { docType: 'penaltyDecision', size: 4 })).body.block;
    expect(block).toMatchObject({ start: 38, end: 41 });
  });
});
