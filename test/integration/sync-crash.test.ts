/**
 * The client process killed (SIGKILL) in the middle of a sync and restarted: a child process
 * (fixtures/syncWorker.ts) writes records and syncs in batches; the parent kills it at a chosen
 * step, reopens the core in-process on the same data dir, syncs to quiescence, and checks that
 * the local database is intact, nothing is left to send, and every record the child reported
 * written exists exactly once locally and on the server, every mutation applied once.
 *
 * Runs against PGlite by default and PostgreSQL when DATABASE_URL is set.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { startCore } from './core-fixtures';
import { openFaultyClient } from './fixtures/faultyClient';
import { startSyncEnv, type SyncEnv } from './sync-fixtures';

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../..');
const WORKER = path.join(__dirname, 'fixtures', 'syncWorker.ts');

let env: SyncEnv;
beforeAll(async () => {
  env = await startSyncEnv();
});
afterAll(async () => {
  await env?.close();
});

interface Killed {
  written: { entity: string; id: string }[];
  lines: string[];
  signal: NodeJS.Signals | null;
  killedAt: string;
}

/**
 * Runs the worker and SIGKILLs it right after it prints the `nth` line matching `at`.
 * Rejects if the worker ends by itself (the kill point was never reached).
 */
function runAndKill(
  dataDir: string,
  prefix: number,
  at: RegExp,
  nth: number,
  slowMs = 0,
): Promise<Killed> {
  const child = spawn(
    process.execPath,
    ['-r', 'tsx/cjs', WORKER, dataDir, String(prefix), '300', '50', String(slowMs)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const written: Killed['written'] = [];
  const lines: string[] = [];
  let stderr = '';
  let killedAt = '';
  let seen = 0;
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    if (killedAt) return;
    lines.push(line);
    const w = /^wrote (\w+) (\S+)$/.exec(line);
    if (w) written.push({ entity: w[1] as string, id: w[2] as string });
    if (at.test(line) && ++seen === nth) {
      killedAt = line;
      child.kill('SIGKILL');
    }
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (!killedAt) {
        reject(new Error(`worker ended (${code ?? signal}) before ${at}: ${stderr}`));
        return;
      }
      resolve({ written, lines, signal, killedAt });
    });
  });
}

const count = async (sql: string, params: unknown[] = []) =>
  Number(
    (await env.storage.query<{ n: unknown }>(`SELECT count(*) AS n FROM ${sql}`, params)).rows[0]
      ?.n,
  );

describe('client killed in the middle of a sync', () => {
  const cases: {
    name: string;
    at: RegExp;
    nth: number;
    slowMs?: number;
    expectLostResponse?: boolean;
  }[] = [
    // A batch on its way to the server (the server may or may not get to commit it).
    { name: 'while a push batch is in flight', at: /^req \/v1\/sync\/push$/, nth: 3 },
    // The server committed the batch; the device dies before recording the results.
    {
      name: 'after the server committed a batch, before the device recorded it',
      at: /^res \/v1\/sync\/push 200$/,
      nth: 2,
      slowMs: 200,
      expectLostResponse: true,
    },
    // Between pull pages: rows and cursor of a page are one local transaction.
    {
      name: 'while pulling pages',
      at: /^res \/v1\/sync\/pull 200$/,
      nth: 2,
      slowMs: 50,
    },
    // The second round's writes, with the first round's rows synced and some still pending.
    { name: 'in the middle of local writes', at: /^wrote /, nth: 450 },
  ];

  it.each(cases.map((c, i) => [c.name, c, i] as const))('%s', async (_name, kase, i) => {
    const setup = await openFaultyClient(env, env.org.inspectorA, `crash${i}`);
    const deviceId = (await setup.t.ok('sync.status', {})).device?.id as string;
    const dir = setup.dir;
    await setup.shutdown();

    const killed = await runAndKill(dir, i + 1, kase.at, kase.nth, kase.slowMs);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.written.length).toBeGreaterThan(0);

    const c = startCore({ dataDir: dir, now: () => new Date(), sync: { intervalMs: 0 } });
    try {
      expect(c.db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expect(c.db.pragma('foreign_key_check')).toEqual([]);
      // Where the kill landed: mutations the server applied while the device still holds them
      // as pending are the lost-response case the next round must settle without duplicates.
      const pendingIds = (
        c.db.prepare("SELECT mutation_id FROM outbox WHERE state = 'pending'").all() as {
          mutation_id: string;
        }[]
      ).map((r) => r.mutation_id);
      const appliedButPending = await count('mutations WHERE mutation_id = ANY($1::uuid[])', [
        pendingIds,
      ]);
      if (kase.expectLostResponse) expect(appliedButPending).toBeGreaterThan(0);
      for (let r = 0; r < 5; r++) {
        await c.core.sync.round();
        const s = await c.ok('sync.status', {});
        if (s.pendingMutations === 0 && s.lastError === null) break;
      }
      const s = await c.ok('sync.status', {});
      expect(s).toMatchObject({ pendingMutations: 0, quarantined: 0, lastError: null });
      expect(c.count("outbox WHERE state = 'pending'")).toBe(0);

      // Everything the child said it wrote: once locally, once on the server.
      const local = new Map<string, number>();
      for (const t of ['enterprises', 'spot_checks']) {
        for (const r of c.db.prepare(`SELECT id FROM ${t}`).all() as { id: string }[])
          local.set(r.id, (local.get(r.id) ?? 0) + 1);
      }
      for (const w of killed.written)
        expect({ ...w, local: local.get(w.id) }).toEqual({ ...w, local: 1 });
      const ids = killed.written.map((w) => w.id);
      expect(await count('entities WHERE id = ANY($1::text[])', [ids])).toBe(ids.length);

      // Every record held locally (the child's, including any committed but not yet
      // reported, and those pulled from this user's earlier devices) is on the server once.
      const localIds = [...local.keys()];
      expect(await count('entities WHERE id = ANY($1::text[])', [localIds])).toBe(localIds.length);
      // This device's creations: each applied exactly once, however often a batch was resent.
      const { rows: others } = await env.storage.query<{ entity_id: string }>(
        'SELECT entity_id FROM mutations WHERE device_id <> $1',
        [deviceId],
      );
      const fromOthers = new Set(others.map((r) => r.entity_id));
      const mine = localIds.filter((id) => !fromOthers.has(id));
      const { rows: applied } = await env.storage.query<{
        entity_id: string;
        status: string;
        mutation_id: string;
      }>('SELECT entity_id, status, mutation_id FROM mutations WHERE device_id = $1', [deviceId]);
      expect(applied.every((r) => r.status === 'applied')).toBe(true);
      expect(new Set(applied.map((r) => r.mutation_id)).size).toBe(applied.length);
      expect(applied.map((r) => r.entity_id).sort()).toEqual(mine.sort());
      for (const id of ids) expect(mine).toContain(id);
    } finally {
      await c.core.shutdown();
    }
  });
});
