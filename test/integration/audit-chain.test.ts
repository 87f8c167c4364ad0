/**
 * The hash-chained audit trail end to end: every local write and every pulled row extends one
 * valid chain; a database from before the chain comes out chained; entries cannot be changed
 * or deleted through SQL; the device uploads its chain after each round and the real server
 * verifies it, accepting good links and reporting a tampered, missing or relinked entry.
 */
import path from 'node:path';
import type Database from 'better-sqlite3';
import { COMMANDS } from '../../server/admin/commands';
import { createUser } from '../../server/org/users';
import { client, enroll } from '../../server/testing/harness';
import { AuditRepository, type ChainedAuditEntry } from '../../db/repositories/audit';
import { MIGRATIONS } from '../../db/migrations';
import { openStore } from '../../db/store';
import { DB_FILE_NAME, openConnection } from '../../db/connection';
import { migrate } from '../../db/migrations/runner';
import { GENESIS_HASH, verifyChain } from '../../shared/audit/chain';
import { emptyCaseData } from '../../shared/schemas/case';
import {
  AUDIT_UPLOAD_LIMITS,
  type AuditBreakListItem,
  type AuditPushResponse,
  type AuditUploadEntry,
} from '../../shared/sync/auditProtocol';
import type { FetchLike } from '../../core/sync/http';
import {
  completeData,
  def,
  enterpriseInput,
  PROFILE,
  startCore,
  tempDir,
  validCode,
} from './core-fixtures';
import {
  enrollAndLogin,
  openClient,
  startSyncEnv,
  type SyncClient,
  type SyncEnv,
} from './sync-fixtures';

jest.setTimeout(120_000);

const codeFor = (n: number) => validCode(`91210100MA0P${String(n).padStart(4, '0')}X`);

function chainOf(db: Database.Database): ChainedAuditEntry[] {
  return new AuditRepository(db).chainAfter(0, 1_000_000);
}

const asChain = (entries: readonly ChainedAuditEntry[]) =>
  entries.map((e) => ({ ...e, body: { ...e.body } }));

function expectValidChain(db: Database.Database): ChainedAuditEntry[] {
  const chain = chainOf(db);
  const rows = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  expect(chain).toHaveLength(rows);
  expect(chain.map((e) => e.chainSeq)).toEqual(chain.map((_, i) => i + 1));
  expect(verifyChain(0, GENESIS_HASH, asChain(chain))).toBeNull();
  return chain;
}

/** What a tamperer does: drop the trigger that stops them, change the file, put it back. */
function tamper(db: Database.Database, trigger: string, sql: string, ...params: unknown[]): void {
  const { sql: ddl } = db
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?")
    .get(trigger) as { sql: string };
  db.exec(`DROP TRIGGER ${trigger}`);
  try {
    expect(db.prepare(sql).run(...params).changes).toBe(1);
  } finally {
    db.exec(ddl);
  }
}

/** Local writes that each add audit entries: enterprises created and updated. */
async function writeSome(c: { ok: SyncClient['ok'] }, from: number, n: number): Promise<void> {
  for (let i = from; i < from + n; i++) {
    const e = await c.ok(
      'enterprise.create',
      enterpriseInput({ name: `企业${i}`, creditCode: codeFor(i) }),
    );
    await c.ok('enterprise.update', {
      id: e.id,
      expectedRevision: e.revision,
      values: enterpriseInput({ name: `企业${i}（更名）`, creditCode: codeFor(i) }),
    });
  }
}

function enrollmentOf(db: Database.Database): { deviceId: string; token: string } {
  const row = db.prepare("SELECT value FROM sync_state WHERE key = 'enrollment'").get() as {
    value: string;
  };
  return JSON.parse(row.value) as { deviceId: string; token: string };
}

const toUpload = (e: ChainedAuditEntry): AuditUploadEntry => ({
  chainSeq: e.chainSeq,
  prevHash: e.prevHash,
  hash: e.hash,
  body: { ...e.body },
});

describe('the local audit chain', () => {
  it('stays one valid chain over many writes, in commit order', async () => {
    const t = startCore();
    try {
      await t.ok('profile.setup', PROFILE);
      await writeSome(t, 1, 15);
      const e = await t.ok('enterprise.create', enterpriseInput({ creditCode: codeFor(99) }));
      const r = await t.ok('spotCheck.create', { enterpriseId: e.id, data: completeData() });
      await t.ok('spotCheck.submit', { id: r.id, expectedRevision: r.revision });
      // A write that fails leaves neither its entry nor a gap in the chain.
      const dup = await t.call('enterprise.create', enterpriseInput({ creditCode: codeFor(99) }));
      expect(dup.ok).toBe(false);
      await t.ok('enterprise.create', enterpriseInput({ creditCode: codeFor(100) }));

      const chain = expectValidChain(t.db);
      expect(chain.length).toBeGreaterThanOrEqual(34);
      const bySeq = t.db.prepare('SELECT id FROM audit_log ORDER BY seq').all() as { id: string }[];
      expect(chain.map((x) => x.body.id)).toEqual(bySeq.map((x) => x.id));
      // The chain's first link is the genesis hash; each entry links to the one before.
      expect(chain[0]?.prevHash).toBe(GENESIS_HASH);
      chain.slice(1).forEach((x, i) => expect(x.prevHash).toBe(chain[i]?.hash));
    } finally {
      await t.core.shutdown();
    }
  });

  it('refuses UPDATE and DELETE of an entry', async () => {
    const t = startCore();
    try {
      await t.ok('profile.setup', PROFILE);
      await writeSome(t, 1, 1);
      const before = t.db.prepare('SELECT * FROM audit_log ORDER BY seq').all();
      expect(() => t.db.prepare("UPDATE audit_log SET actor_name = '别人'").run()).toThrow(
        /append-only/,
      );
      expect(() =>
        t.db.prepare("UPDATE audit_log SET hash = 'x' WHERE chain_seq = 1").run(),
      ).toThrow(/append-only/);
      expect(() => t.db.prepare('DELETE FROM audit_log WHERE chain_seq = 2').run()).toThrow(
        /append-only/,
      );
      expect(() => t.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
      expect(t.db.prepare('SELECT * FROM audit_log ORDER BY seq').all()).toEqual(before);
      // One entry per chain position, even for a writer that skips the repository.
      const last = def(chainOf(t.db).at(-1));
      expect(() =>
        t.db
          .prepare(
            `INSERT INTO audit_log (id, entity_type, entity_id, action, actor_id, actor_name, at,
               changes, chain_seq, prev_hash, hash) VALUES ('x', 'profile', 'x', 'create', 'x',
               'x', 'x', '[]', ?, 'p', 'h')`,
          )
          .run(last.chainSeq),
      ).toThrow(/UNIQUE/);
    } finally {
      await t.core.shutdown();
    }
  });

  it('chains the entries of a database written before the chain existed, losing nothing', () => {
    const dir = tempDir();
    // A 004-era file: only the first four migrations, through a bare connection (today's
    // repositories expect today's tables).
    const old = openConnection(path.join(dir, DB_FILE_NAME));
    expect(
      migrate(old, MIGRATIONS.slice(0, 4), { backupDir: path.join(dir, 'backups') }).version,
    ).toBe(4);
    const insert = old.prepare(
      `INSERT INTO audit_log (seq, id, entity_type, entity_id, action, actor_id, actor_name, at, changes)
       VALUES (?, ?, ?, ?, ?, 'u1', '张三', ?, ?)`,
    );
    // seq order (commit order) is not id or time order: the chain must follow seq.
    const rows: [number, string, string, string, string, string, string][] = [
      [
        3,
        'c-first',
        'enterprise',
        'e1',
        'create',
        '2026-05-02T00:00:00Z',
        '[{"path":"name","old":null,"new":"甲"}]',
      ],
      [
        7,
        'a-second',
        'spotCheck',
        's1',
        'update',
        '2026-05-01T00:00:00Z',
        '[{"path":"sample.name","new":"奶粉","old":""}]',
      ],
      [9, 'b-third', 'case', 'k1', 'transition', '2026-05-01T00:00:00Z', '[]'],
    ];
    for (const r of rows) insert.run(...r);
    const snapshot = old
      .prepare(
        'SELECT seq, id, entity_type, entity_id, action, actor_id, actor_name, at, changes FROM audit_log ORDER BY seq',
      )
      .all();
    old.close();

    const store = openStore({ dataDir: dir });
    try {
      expect(store.schemaVersion).toBeGreaterThanOrEqual(5);
      expect(
        store.db
          .prepare(
            'SELECT seq, id, entity_type, entity_id, action, actor_id, actor_name, at, changes FROM audit_log ORDER BY seq',
          )
          .all(),
      ).toEqual(snapshot);
      const chain = expectValidChain(store.db);
      expect(chain.map((e) => e.body.id)).toEqual(['c-first', 'a-second', 'b-third']);
      expect(chain[0]?.body.changes).toEqual([{ path: 'name', old: null, new: '甲' }]);
      // The migration's triggers are in force, and new entries continue the migrated chain.
      expect(() => store.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
      store.db.transaction(() =>
        store.audit.append({
          id: 'd-fourth',
          entityType: 'profile',
          entityId: 'p1',
          action: 'update',
          actorId: 'u1',
          actorName: '张三',
          at: '2026-05-03T00:00:00Z',
          changes: [{ path: 'name', old: '张三', new: '张三丰' }],
        }),
      )();
      const after = expectValidChain(store.db);
      expect(after.map((e) => e.chainSeq)).toEqual([1, 2, 3, 4]);
      expect(after[3]?.prevHash).toBe(chain[2]?.hash);
    } finally {
      store.close();
    }
  });
});

describe('uploading the chain to the server', () => {
  let env: SyncEnv;
  const clients: SyncClient[] = [];
  const open = (fetch?: FetchLike) => {
    const c = openClient(undefined, fetch);
    clients.push(c);
    return c;
  };
  // One server for the suite; each test enrolls new devices and starts from empty server data.
  beforeAll(async () => {
    env = await startSyncEnv();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.core.shutdown();
    await env.ts.reset();
  });
  afterAll(async () => {
    await env.close();
  });

  async function serverHead(deviceId: string): Promise<{ chainSeq: number; hash: string } | null> {
    const { rows } = await env.storage.query<{ chain_seq: unknown; hash: string }>(
      'SELECT chain_seq, hash FROM audit_heads WHERE device_id = $1',
      [deviceId],
    );
    const r = rows[0];
    return r ? { chainSeq: Number(r.chain_seq), hash: r.hash } : null;
  }

  async function serverEntryCount(deviceId: string): Promise<number> {
    const { rows } = await env.storage.query<{ n: unknown }>(
      'SELECT count(*) AS n FROM audit_entries WHERE device_id = $1',
      [deviceId],
    );
    return Number(rows[0]?.n);
  }

  async function breakCount(): Promise<number> {
    const { rows } = await env.storage.query<{ n: unknown }>(
      'SELECT count(*) AS n FROM audit_breaks',
    );
    return Number(rows[0]?.n);
  }

  /** An inspector's device with 2n+ entries, all accepted by the server. */
  async function syncedInspector(
    n = 3,
  ): Promise<{ c: SyncClient; deviceId: string; token: string }> {
    const c = open();
    await enrollAndLogin(env, c, env.org.inspectorA);
    await writeSome(c, 1, n);
    await c.round();
    return { c, ...enrollmentOf(c.db) };
  }

  it('accepts the chain after each round, and the head follows local writes and pulls', async () => {
    const { c, deviceId } = await syncedInspector();
    const local = expectValidChain(c.db);
    const last = def(local.at(-1));
    expect(await serverHead(deviceId)).toEqual({ chainSeq: last.chainSeq, hash: last.hash });
    expect(await serverEntryCount(deviceId)).toBe(local.length);
    let status = await c.ok('sync.status', {});
    expect(status.auditChain).toMatchObject({
      acknowledgedSeq: last.chainSeq,
      break: null,
      pendingEntries: 0,
    });

    await writeSome(c, 10, 2);
    status = await c.ok('sync.status', {});
    expect(status.auditChain?.pendingEntries).toBe(4);
    await c.round();
    const more = expectValidChain(c.db);
    expect(await serverHead(deviceId)).toMatchObject({ chainSeq: more.length });
    expect((await c.ok('sync.status', {})).auditChain).toMatchObject({
      acknowledgedSeq: more.length,
      pendingEntries: 0,
    });

    // A supervisor's device pulls those records: the pulled rows' entries extend its own chain.
    const sup = open();
    await enrollAndLogin(env, sup, env.org.supervisor, 'office');
    await sup.round();
    const supChain = expectValidChain(sup.db);
    expect(supChain.filter((e) => e.body.actorId === 'server').length).toBeGreaterThanOrEqual(5);
    const supDevice = enrollmentOf(sup.db).deviceId;
    expect(await serverHead(supDevice)).toMatchObject({ chainSeq: supChain.length });
    // Each device's chain is its own.
    expect(await serverHead(deviceId)).toMatchObject({ chainSeq: more.length });
    expect(await breakCount()).toBe(0);
  });

  it('reports a tampered entry as a hash break naming it, to supervisors and the admin command', async () => {
    const { c, deviceId } = await syncedInspector();
    const accepted = chainOf(c.db).length;
    await writeSome(c, 20, 2);
    const target = def(chainOf(c.db)[accepted + 1]);
    tamper(
      c.db,
      'audit_log_no_update',
      "UPDATE audit_log SET changes = json_set(changes, '$[0].new', '被改过的名称') WHERE chain_seq = ?",
      target.chainSeq,
    );
    await c.round();

    const status = await c.ok('sync.status', {});
    expect(status.lastError).toBeNull();
    expect(status.auditChain).toMatchObject({
      acknowledgedSeq: accepted + 1,
      break: { chainSeq: target.chainSeq, kind: 'hash' },
    });
    // The entry before the break was accepted; the head stops there.
    expect(await serverHead(deviceId)).toMatchObject({ chainSeq: accepted + 1 });

    const sup = await enroll(env.storage, env.org.supervisor, 'office');
    const list = await client(env.url, sup.token).get<AuditBreakListItem[]>('/v1/audit/breaks');
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    const report = def(list.body[0]);
    expect(report).toMatchObject({
      deviceId,
      chainSeq: target.chainSeq,
      kind: 'hash',
      userId: env.org.inspectorA.id,
      userName: '张执法',
      deviceName: 'laptop',
    });
    expect(report.entry.body.id).toBe(target.body.id);
    expect(report.entry.body.changes).toEqual([
      expect.objectContaining({ new: '被改过的名称' }),
      ...target.body.changes.slice(1),
    ]);

    const fromCli = (await def(COMMANDS['audit-breaks']).run(
      env.storage,
      {},
    )) as AuditBreakListItem[];
    expect(fromCli.map((b) => [b.deviceId, b.chainSeq, b.kind])).toEqual([
      [deviceId, target.chainSeq, 'hash'],
    ]);

    // The next round finds the same break: no second report, the head stays.
    await writeSome(c, 30, 1);
    await c.round();
    expect(await breakCount()).toBe(1);
    expect(await serverHead(deviceId)).toMatchObject({ chainSeq: accepted + 1 });
    expect((await c.ok('sync.status', {})).auditChain?.break).toMatchObject({
      chainSeq: target.chainSeq,
      detectedAt: report.detectedAt,
    });
  });

  it('reports a deleted entry as missing', async () => {
    const { c, deviceId } = await syncedInspector();
    const accepted = chainOf(c.db).length;
    await writeSome(c, 20, 2);
    tamper(c.db, 'audit_log_no_delete', 'DELETE FROM audit_log WHERE chain_seq = ?', accepted + 2);
    await c.round();

    expect((await c.ok('sync.status', {})).auditChain?.break).toMatchObject({
      chainSeq: accepted + 2,
      kind: 'missing',
    });
    const { rows } = await env.storage.query<{
      chain_seq: unknown;
      kind: string;
      entry: AuditUploadEntry;
    }>('SELECT chain_seq, kind, entry FROM audit_breaks WHERE device_id = $1', [deviceId]);
    expect(rows).toHaveLength(1);
    expect(Number(rows[0]?.chain_seq)).toBe(accepted + 2);
    // The offending entry is the one that came where the deleted one should have been.
    expect(rows[0]?.entry.chainSeq).toBe(accepted + 3);
    expect(await serverHead(deviceId)).toMatchObject({ chainSeq: accepted + 1 });
  });

  it('reports an entry whose link to the one before was altered', async () => {
    const { c, deviceId } = await syncedInspector();
    const accepted = chainOf(c.db).length;
    await writeSome(c, 20, 1);
    tamper(
      c.db,
      'audit_log_no_update',
      'UPDATE audit_log SET prev_hash = ? WHERE chain_seq = ?',
      'f'.repeat(64),
      accepted + 1,
    );
    await c.round();
    expect((await c.ok('sync.status', {})).auditChain?.break).toMatchObject({
      chainSeq: accepted + 1,
      kind: 'link',
    });
    expect(await serverHead(deviceId)).toMatchObject({ chainSeq: accepted });
    expect(await serverEntryCount(deviceId)).toBe(accepted);
  });

  it('takes a replayed range once, and reports a replayed entry that changed since', async () => {
    // The first upload's answer is lost: the device sends the same range again next round.
    let dropAudit = true;
    const fetch: FetchLike = async (url, init) => {
      const res = await globalThis.fetch(url, init);
      if (dropAudit && new URL(url).pathname === '/v1/audit/push') {
        dropAudit = false;
        await res.text();
        throw new TypeError('fetch failed (response dropped by test)');
      }
      return res;
    };
    const c = open(fetch);
    await enrollAndLogin(env, c, env.org.inspectorA);
    await writeSome(c, 1, 3);
    await c.round();
    const { deviceId, token } = enrollmentOf(c.db);
    const local = chainOf(c.db);
    // The lost answer is the audit chain's trouble, not the round's: records count as synced.
    const afterLoss = await c.ok('sync.status', {});
    expect(afterLoss.lastError).toBeNull();
    expect(afterLoss.lastSuccessAt).not.toBeNull();
    expect(afterLoss.auditChain).toMatchObject({
      acknowledgedSeq: 0,
      checkedAt: null,
      pendingEntries: local.length,
      uploadError: { message: { key: 'e.syncNetwork' } },
    });
    expect(await serverHead(deviceId)).toMatchObject({ chainSeq: local.length });

    await c.round();
    expect((await c.ok('sync.status', {})).auditChain).toMatchObject({
      acknowledgedSeq: local.length,
      break: null,
      uploadError: null,
    });
    expect(await serverEntryCount(deviceId)).toBe(local.length);

    // The same range sent again by hand: accepted as known, nothing stored twice.
    const http = client(env.url, token);
    const entries = local.map(toUpload);
    const again = await http.post<AuditPushResponse>('/v1/audit/push', {
      deviceId,
      afterSeq: 0,
      entries,
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({
      status: 'ok',
      accepted: 0,
      head: { chainSeq: local.length, hash: def(local.at(-1)).hash },
    });
    const overlap = await http.post<AuditPushResponse>('/v1/audit/push', {
      deviceId,
      afterSeq: 2,
      entries: entries.slice(2),
    });
    expect(overlap.body).toMatchObject({ status: 'ok', accepted: 0 });
    expect(await serverEntryCount(deviceId)).toBe(local.length);
    expect(await breakCount()).toBe(0);

    // An accepted entry that reads differently now is a break, and the head does not move.
    const changed = entries.map((e, i) =>
      i === 1 ? { ...e, body: { ...e.body, actorName: '别人' } } : e,
    );
    const refused = await http.post<AuditPushResponse>('/v1/audit/push', {
      deviceId,
      afterSeq: 0,
      entries: changed,
    });
    expect(refused.body).toMatchObject({
      status: 'broken',
      accepted: 0,
      head: { chainSeq: local.length },
      report: { chainSeq: 2, kind: 'hash' },
    });
  });

  it('takes the audit entry of a create larger than a batch (one change per leaf)', async () => {
    const c = open();
    await enrollAndLogin(env, c, env.org.inspectorA);
    // 15,000 question/answer pairs: some 600 KB as a mutation, over 1 MiB as 30,000 changes.
    const inquiries = Array.from({ length: 30 }, (_, i) => ({
      id: `0190a000-0000-7000-8000-${String(i).padStart(12, '0')}`,
      intervieweeName: `受询问人${i}`,
      qa: Array.from({ length: 500 }, (_, j) => ({ q: `问题${j}`, a: `回答${j}` })),
    }));
    const created = await c.ok('case.create', { data: { ...emptyCaseData(), inquiries } });
    await c.round();

    const status = await c.ok('sync.status', {});
    expect(status.lastError).toBeNull();
    expect(status.pendingMutations).toBe(0);
    const local = expectValidChain(c.db);
    const entry = def(local.find((e) => e.body.entityId === created.id));
    expect(entry.body.changes.length).toBeGreaterThan(30_000);
    expect(Buffer.byteLength(JSON.stringify(toUpload(entry)))).toBeGreaterThan(
      AUDIT_UPLOAD_LIMITS.maxBytes,
    );
    expect(status.auditChain).toMatchObject({
      acknowledgedSeq: local.length,
      break: null,
      pendingEntries: 0,
      uploadError: null,
    });
    expect(await serverHead(enrollmentOf(c.db).deviceId)).toEqual({
      chainSeq: local.length,
      hash: def(local.at(-1)).hash,
    });
  });

  it('keeps the round successful when the audit upload is refused, and shows it on the chain', async () => {
    let refuse = true;
    const fetch: FetchLike = async (url, init) => {
      if (refuse && new URL(url).pathname === '/v1/audit/push')
        return new Response(JSON.stringify({ code: 'INTERNAL', message: '审计服务暂不可用' }), {
          status: 500,
          headers: { 'content-type': 'application/json' },
        });
      return globalThis.fetch(url, init);
    };
    const c = open(fetch);
    await enrollAndLogin(env, c, env.org.inspectorA);
    await writeSome(c, 1, 2);
    await c.round();
    const { deviceId } = enrollmentOf(c.db);
    const local = chainOf(c.db);

    const failed = await c.ok('sync.status', {});
    expect(failed.lastError).toBeNull();
    expect(failed.lastSuccessAt).not.toBeNull();
    expect(failed.pendingMutations).toBe(0);
    expect(failed.auditChain).toMatchObject({
      acknowledgedSeq: 0,
      pendingEntries: local.length,
      uploadError: { message: { key: 'e.syncServer' } },
    });
    // The records themselves reached the server; the chain did not.
    const { rows } = await env.storage.query<{ n: unknown }>(
      "SELECT count(*) AS n FROM entities WHERE entity = 'enterprise'",
    );
    expect(Number(rows[0]?.n)).toBe(2);
    expect(await serverHead(deviceId)).toBeNull();

    // The next round sends the range again and clears the failure.
    refuse = false;
    await c.round();
    expect((await c.ok('sync.status', {})).auditChain).toMatchObject({
      acknowledgedSeq: local.length,
      pendingEntries: 0,
      uploadError: null,
    });
    expect(await serverHead(deviceId)).toMatchObject({ chainSeq: local.length });
  });

  it('resends from the server head after the server lost entries (restored from a backup)', async () => {
    const { c, deviceId } = await syncedInspector();
    await env.storage.query('DELETE FROM audit_entries');
    await env.storage.query('DELETE FROM audit_heads');
    // The device learns it at its next upload: it sends what follows its acknowledged head,
    // hears `behind`, and sends everything after the server's head.
    await writeSome(c, 10, 1);
    const local = chainOf(c.db);
    await c.round();
    expect(await serverHead(deviceId)).toMatchObject({ chainSeq: local.length });
    expect(await serverEntryCount(deviceId)).toBe(local.length);
    expect(await breakCount()).toBe(0);
    expect((await c.ok('sync.status', {})).auditChain).toMatchObject({
      acknowledgedSeq: local.length,
      break: null,
    });
  });

  it('uploads in batches bounded by count and by bytes', async () => {
    let pushes = 0;
    const counting: FetchLike = async (url, init) => {
      if (new URL(url).pathname === '/v1/audit/push') pushes++;
      return globalThis.fetch(url, init);
    };
    const run = async (
      from: number,
      limits: { maxBatchMutations?: number; maxBatchBytes?: number },
    ) => {
      const t = startCore({
        dataDir: tempDir('fc-sync-'),
        now: () => new Date(),
        sync: { intervalMs: 0, fetch: counting, limits },
      });
      const c: SyncClient = { ...t, round: () => t.core.sync.round() };
      clients.push(c);
      await enrollAndLogin(env, c, env.org.inspectorA2);
      await writeSome(c, from, 5);
      pushes = 0;
      await c.round();
      const local = chainOf(c.db);
      expect(await serverHead(enrollmentOf(c.db).deviceId)).toMatchObject({
        chainSeq: local.length,
      });
      return { pushes, entries: local.length };
    };
    const byCount = await run(1, { maxBatchMutations: 3 });
    expect(byCount.pushes).toBe(Math.ceil(byCount.entries / 3));
    // Each entry is a few hundred bytes: a 1,024-byte envelope plus 1 KB holds only a few.
    const byBytes = await run(10, { maxBatchBytes: 2048 });
    expect(byBytes.pushes).toBeGreaterThan(2);
    expect(byBytes.pushes).toBeLessThan(byBytes.entries + 1);
  });

  it('refuses pushes for another device, without a credential, and lists reports by unit', async () => {
    const { c, deviceId, token } = await syncedInspector(1);
    const other = await enroll(env.storage, env.org.inspectorB, 'other');
    const entries = chainOf(c.db).map(toUpload);

    const asOther = await client(env.url, other.token).post('/v1/audit/push', {
      deviceId,
      afterSeq: 0,
      entries,
    });
    expect(asOther.status).toBe(403);
    expect(asOther.body).toMatchObject({ code: 'FORBIDDEN' });
    const anonymous = await client(env.url).post('/v1/audit/push', {
      deviceId,
      afterSeq: 0,
      entries,
    });
    expect(anonymous.status).toBe(401);
    const bad = await client(env.url, token).post('/v1/audit/push', {
      deviceId,
      afterSeq: 0,
      entries: [{ ...entries[0], hash: 'not a hash' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION' });
    const tooMany = await client(env.url, token).post('/v1/audit/push', {
      deviceId,
      afterSeq: 0,
      entries: Array.from({ length: 501 }, () => entries[0]),
    });
    expect(tooMany.status).toBe(413);
    // Nothing of that reached the other device's chain or made a report.
    expect(await serverHead(other.deviceId)).toBeNull();
    expect(await breakCount()).toBe(0);

    // A break on teamA's device: the city supervisor sees it, a teamB supervisor does not,
    // an inspector may not list reports at all.
    const broken = entries.map((e, i) => (i === 0 ? { ...e, body: { ...e.body, at: 'x' } } : e));
    const sent = await client(env.url, token).post<AuditPushResponse>('/v1/audit/push', {
      deviceId,
      afterSeq: 0,
      entries: broken,
    });
    expect(sent.body).toMatchObject({ status: 'broken', report: { chainSeq: 1, kind: 'hash' } });
    const supB = await createUser(env.storage, {
      username: 'sup-b',
      name: '钱审核',
      role: 'supervisor',
      unitId: env.org.teamB.id,
      credentialNumber: 'LN-B-0009',
      password: env.org.password,
    });
    const supBDevice = await enroll(env.storage, supB, 'office-b');
    const supCity = await enroll(env.storage, env.org.supervisor, 'office');
    const seenByCity = await client(env.url, supCity.token).get<AuditBreakListItem[]>(
      '/v1/audit/breaks?limit=10',
    );
    expect(seenByCity.body.map((b) => b.deviceId)).toEqual([deviceId]);
    const seenByB = await client(env.url, supBDevice.token).get<AuditBreakListItem[]>(
      '/v1/audit/breaks',
    );
    expect(seenByB.status).toBe(200);
    expect(seenByB.body).toEqual([]);
    const byInspector = await client(env.url, token).get('/v1/audit/breaks');
    expect(byInspector.status).toBe(403);
    const cliTeamB = (await def(COMMANDS['audit-breaks']).run(env.storage, {
      unit: env.org.teamB.id,
    })) as unknown[];
    expect(cliTeamB).toEqual([]);
  });
});
