/**
 * Document numbers (文书字号) from the device's view: real cores and a real server on loopback
 * (PGlite by default, PostgreSQL with DATABASE_URL). Blocks are fetched online; offline, each
 * device issues from its own blocks only, so two devices never write the same number.
 */
import { v7 as uuidv7 } from 'uuid';
import type { IssuedNumber, NumberStatus } from '../../shared/api/numberContract';
import { translate } from '../../shared/i18n/translate';
import { chinaDate } from '../../shared/domain/deadlines/today';
import { def, PROFILE, startCore, tempDir, type TestCore } from './core-fixtures';
import {
  droppingFetch,
  enrollAndLogin,
  openClient,
  startSyncEnv,
  type SyncClient,
  type SyncEnv,
} from './sync-fixtures';

jest.setTimeout(120_000);

let env: SyncEnv;
const clients: TestCore[] = [];
beforeEach(async () => {
  env = await startSyncEnv();
});
afterEach(async () => {
  for (const c of clients.splice(0)) await c.core.shutdown();
  await env.close();
});

const track = <T extends TestCore>(c: T): T => {
  clients.push(c);
  return c;
};

const YEAR = Number(chinaDate(new Date()).slice(0, 4));

/** A case to number documents of, and one 查封/扣押 decision per call (one measure each). */
async function newCase(c: TestCore): Promise<string> {
  const id = (await c.ok('case.create', {})).id;
  // Forms are numbered from their stage on: a decided case numbers every kind. The stage is
  // set on the server once the case is there (so a later pull keeps it), and on the device.
  if (c.core.sync.status().enrolled) {
    await c.core.sync.round();
    await env.storage.query(
      `UPDATE entities SET doc = jsonb_set(doc::jsonb, '{stage}', '"decided"')::json WHERE entity = 'case' AND id = $1`,
      [id],
    );
  }
  const stage = `json_set(workflow, '$.stage', 'decided')`;
  c.db.prepare(`UPDATE cases SET stage = 'decided', workflow = ${stage} WHERE id = ?`).run(id);
  return id;
}

const measureDecision = (caseId: string) =>
  ({ docType: 'measureDecision', ownerType: 'case', ownerId: caseId, itemId: uuidv7() }) as const;

const typeOf = (s: NumberStatus, docType: string) =>
  def(s.types.find((t) => t.docType === docType));

function blocksOf(
  c: TestCore,
  docType?: string,
): { id: string; start: number; end: number; prefix: string }[] {
  return c.db
    .prepare(
      `SELECT id, seq_start AS start, seq_end AS end, prefix FROM number_blocks
       WHERE ? IS NULL OR doc_type = ? ORDER BY seq_start`,
    )
    .all(docType ?? null, docType ?? null) as {
    id: string;
    start: number;
    end: number;
    prefix: string;
  }[];
}

describe('document numbers across devices', () => {
  it('Two devices working offline never produce the same document number.', async () => {
    const a = track(openClient());
    const b = track(openClient());
    await enrollAndLogin(env, a, env.org.inspectorA, 'laptop A');
    await enrollAndLogin(env, b, env.org.inspectorA2, 'laptop B');
    const caseA = await newCase(a);
    const caseB = await newCase(b);

    // Online: each round stocks every numbered type with a block.
    await a.round();
    await b.round();
    for (const c of [a, b]) {
      const s = await c.ok('numbers.status', {});
      expect(typeOf(s, 'measureDecision')).toMatchObject({
        year: YEAR,
        prefix: '沈质监强制',
        remaining: 20,
        low: false,
        empty: false,
      });
    }

    // Use most of the first block; the next round sees it low and fetches a second one.
    const issued: { device: string; n: IssuedNumber }[] = [];
    for (let i = 0; i < 16; i++) {
      issued.push({ device: 'A', n: await a.ok('numbers.issue', measureDecision(caseA)) });
      issued.push({ device: 'B', n: await b.ok('numbers.issue', measureDecision(caseB)) });
    }
    const lowA = typeOf(await a.ok('numbers.status', {}), 'measureDecision');
    expect(lowA).toMatchObject({ remaining: 4, low: true, empty: false });
    await a.round();
    await b.round();
    expect(typeOf(await a.ok('numbers.status', {}), 'measureDecision').remaining).toBe(24);

    // Offline: the server is gone; both devices go on numbering from what they hold.
    await env.server.close();
    for (;;) {
      const [ra, rb] = [
        await a.call('numbers.issue', measureDecision(caseA)),
        await b.call('numbers.issue', measureDecision(caseB)),
      ];
      if (ra.ok) issued.push({ device: 'A', n: ra.value });
      if (rb.ok) issued.push({ device: 'B', n: rb.value });
      if (!ra.ok && !rb.ok) {
        expect(ra.error).toMatchObject({ code: 'RULE', message: { key: 'numbers.empty' } });
        break;
      }
    }
    expect(issued).toHaveLength(2 * 40);

    const texts = issued.map((x) => x.n.text);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts).toContain(`沈质监强制〔${YEAR}〕第1号`);
    for (const [device, c] of [
      ['A', a],
      ['B', b],
    ] as const) {
      const own = blocksOf(c, 'measureDecision');
      expect(own).toHaveLength(2);
      for (const { n } of issued.filter((x) => x.device === device)) {
        expect(own.some((blk) => n.number >= blk.start && n.number <= blk.end)).toBe(true);
      }
    }

    const empty = typeOf(await a.ok('numbers.status', {}), 'measureDecision');
    expect(empty).toMatchObject({ remaining: 0, low: true, empty: true });
    expect(translate(empty.whenEmpty)).toBe(
      '查封(扣押)决定书的文号用完后：文书仍可预览，文号显示为“待编号”；须在下次联网同步、领取新的文号段后才能编号并打印正式文书。',
    );
    // Still offline, other types are untouched and still issue.
    const notice = await a.ok('numbers.issue', {
      docType: 'penaltyNotice',
      ownerType: 'case',
      ownerId: caseA,
    });
    expect(notice.text).toMatch(/^沈质监罚告〔\d{4}〕第\d+号$/);
    // refill says why it cannot help now.
    expect(await a.call('numbers.refill', {})).toMatchObject({
      ok: false,
      error: { code: 'TRANSPORT', message: { key: 'numbers.offline' } },
    });
  });

  it('gives a document the number it already has, across a restart', async () => {
    const dir = tempDir('fc-num-');
    const a = track(openClient(dir));
    await enrollAndLogin(env, a, env.org.inspectorA);
    const caseId = await newCase(a);
    await a.round();
    const doc = { docType: 'penaltyDecision', ownerType: 'case', ownerId: caseId } as const;
    expect(await a.ok('numbers.get', doc)).toBeNull();
    const first = await a.ok('numbers.issue', doc);
    const again = await a.ok('numbers.issue', doc);
    expect(again).toEqual(first);
    const item = await a.ok('numbers.issue', measureDecision(caseId));
    expect(item.number).toBe(1);
    await a.core.shutdown();
    clients.splice(clients.indexOf(a), 1);

    const reopened = track(openClient(dir));
    expect(await reopened.ok('numbers.issue', doc)).toEqual(first);
    expect(await reopened.ok('numbers.get', doc)).toEqual(first);
    expect(
      (await reopened.ok('numbers.list', { ownerType: 'case', ownerId: caseId })).map(
        (n) => n.text,
      ),
    ).toEqual([first.text, item.text]);
    // One number, one audit entry on the case.
    const audit = await reopened.ok('audit.list', { entityType: 'case', entityId: caseId });
    expect(
      audit.filter((e) => e.changes.some((ch) => ch.path.startsWith('documentNumbers.'))),
    ).toHaveLength(2);
  });

  it('refuses what it cannot number and writes nothing', async () => {
    const a = track(openClient());
    await enrollAndLogin(env, a, env.org.inspectorA);
    const caseId = await newCase(a);
    await a.round();
    const before = a.count('issued_numbers');
    const spot = await a.ok('spotCheck.create', {});
    const refusals = [
      await a.call('numbers.issue', {
        docType: 'inquiryRecord' as never,
        ownerType: 'case',
        ownerId: caseId,
      }),
      await a.call('numbers.issue', {
        docType: 'penaltyDecision',
        ownerType: 'case',
        ownerId: 'x',
      }),
      await a.call('numbers.issue', {
        docType: 'penaltyDecision',
        ownerType: 'spotCheck',
        ownerId: spot.id,
      }),
      await a.call('numbers.issue', {
        docType: 'penaltyDecision',
        ownerType: 'case',
        ownerId: uuidv7(),
      }),
    ];
    expect(refusals.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'VALIDATION',
      'VALIDATION',
      'VALIDATION',
      'NOT_FOUND',
    ]);
    expect(a.count('issued_numbers')).toBe(before);
    const blocks = blocksOf(a);
    expect(
      (
        a.db.prepare('SELECT sum(next_seq - seq_start) AS used FROM number_blocks').get() as {
          used: number;
        }
      ).used,
    ).toBe(0);
    expect(blocks.length).toBeGreaterThan(0);
  });

  it('a lost block response costs no second block', async () => {
    let drop = true;
    const a = track(
      openClient(
        tempDir('fc-num-'),
        droppingFetch((p) => {
          if (p !== '/v1/numbers/blocks' || !drop) return false;
          drop = false;
          return true;
        }),
      ),
    );
    await enrollAndLogin(env, a, env.org.inspectorA);
    await a.round(); // the first block answer is lost: the round fails there
    expect((await a.ok('sync.status', {})).lastError).not.toBeNull();
    await a.round();
    const local = blocksOf(a);
    const server = await env.storage.query<{ id: string }>('SELECT id FROM number_blocks');
    expect(new Set(local.map((x) => x.id))).toEqual(new Set(server.rows.map((r) => r.id)));
    expect(a.count('number_requests')).toBe(0);
  });

  it('a block belongs to one year; a new year is stocked ahead and numbered from its own block', async () => {
    let now = new Date(`${YEAR}-12-10T02:00:00Z`);
    const a = track(
      startCore({ dataDir: tempDir('fc-num-'), now: () => now, sync: { intervalMs: 0 } }),
    );
    await enrollAndLogin(env, a as SyncClient, env.org.inspectorA);
    const caseId = await newCase(a);
    await a.core.sync.round();
    expect(new Set(blocksOf(a).map((b) => b.id)).size).toBe(4);
    const years = () =>
      (
        a.db.prepare('SELECT DISTINCT year FROM number_blocks ORDER BY year').all() as {
          year: number;
        }[]
      ).map((r) => r.year);
    expect(years()).toEqual([YEAR]);
    const old = await a.ok('numbers.issue', measureDecision(caseId));
    expect(old.text).toBe(`沈质监强制〔${YEAR}〕第1号`);

    // From 18 December the next year is stocked too.
    now = new Date(`${YEAR}-12-20T02:00:00Z`);
    await a.core.sync.round();
    expect(years()).toEqual([YEAR, YEAR + 1]);

    // New Year in Beijing (still 31 December in UTC), offline: next year's block, from 1.
    await env.server.close();
    now = new Date(`${YEAR}-12-31T17:00:00Z`);
    const status = await a.ok('numbers.status', {});
    expect(status.year).toBe(YEAR + 1);
    expect(typeOf(status, 'measureDecision')).toMatchObject({ remaining: 20, empty: false });
    const fresh = await a.ok('numbers.issue', measureDecision(caseId));
    expect(fresh).toMatchObject({ year: YEAR + 1, number: 1 });
    expect(fresh.text).toBe(`沈质监强制〔${YEAR + 1}〕第1号`);
    // The old year's document keeps its number.
    expect(await a.ok('numbers.get', { ...measureDecision(caseId), itemId: old.itemId })).toEqual(
      old,
    );
  });

  it('refills on demand while online, and says so when the device is not enrolled', async () => {
    const lone = track(openClient());
    await lone.ok('profile.setup', PROFILE);
    expect(await lone.call('numbers.refill', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_SET_UP', message: { key: 'numbers.notEnrolled' } },
    });
    expect((await lone.ok('numbers.status', {})).canRefill).toBe(false);

    const a = track(openClient());
    await enrollAndLogin(env, a, env.org.inspectorA);
    const s = await a.ok('numbers.refill', {});
    expect(s.canRefill).toBe(true);
    expect(s.types.map((t) => [t.docType, t.remaining])).toEqual([
      ['filingApproval', 20],
      ['measureDecision', 20],
      ['penaltyNotice', 20],
      ['penaltyDecision', 20],
    ]);
    // Nothing is low: asking again takes no more blocks.
    await a.ok('numbers.refill', {});
    expect(blocksOf(a)).toHaveLength(4);
  });
});
