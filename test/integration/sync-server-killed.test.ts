/**
 * The server killed (SIGKILL) while a client's batch is in flight, seen from the client: the
 * round fails, nothing is lost locally, and once the server is back on the same storage the
 * client's retries land every record exactly once. Runs on PGlite (a data directory the server
 * process reopens) and on PostgreSQL (a schema of DATABASE_URL).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { createEnrollCode } from '../../server/org/devices';
import { openTestStorage, createOrg, type TestStorage } from '../../server/testing/harness';
import { openStorage } from '../../server/storage/open';
import type { Storage } from '../../server/storage/types';
import type { FetchLike } from '../../core/sync/http';
import { enterpriseInput, tempDir, validCode } from './core-fixtures';
import { openClient } from './sync-fixtures';

jest.setTimeout(180_000);

const root = path.resolve(__dirname, '..', '..');
const RECORDS = 1200; // three batches of the default 500

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function startServerProcess(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--require', 'tsx/cjs', 'test/integration/fixtures/serverProcess.ts'],
    { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /LISTENING (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1] as string });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}): ${out}`));
    });
  });
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

const count = async (s: Storage, sql: string, params: unknown[] = []) =>
  Number((await s.query<{ n: unknown }>(`SELECT count(*) AS n FROM ${sql}`, params)).rows[0]?.n);

it('a server killed mid-batch loses nothing and duplicates nothing once it is back', async () => {
  const pgUrl = process.env.DATABASE_URL;
  const dataDir = tempDir('fc-killed-server-');
  const ts: TestStorage = await openTestStorage({ dataDir });
  const org = await createOrg(ts.storage);
  const { code } = await createEnrollCode(ts.storage, org.inspectorA.id, 60);
  // The server process gets the storage to itself (an embedded PGlite has one owner).
  await ts.storage.close();
  const schema = ts.pgSchema;
  const serverEnv = pgUrl
    ? { DATABASE_URL: pgUrl, FC_PG_SCHEMA: schema ?? '' }
    : { DATABASE_URL: '', FC_DATA_DIR: dataDir };
  if (pgUrl && !schema) throw new Error('could not find the test schema of the PostgreSQL storage');
  const port = await freePort();
  let server = await startServerProcess({ ...serverEnv, FC_PORT: String(port) });

  // Kill the server as the first push leaves the client, so it dies with the batch in flight.
  let killed = false;
  const fetchThatKills: FetchLike = async (url, init) => {
    const pending = fetch(url, init);
    if (!killed && new URL(url).pathname === '/v1/sync/push') {
      killed = true;
      setTimeout(() => void kill(server.child), 30);
    }
    return pending;
  };
  const c = openClient(tempDir('fc-killed-client-'), fetchThatKills);
  let storage: Storage | null = null;
  try {
    await c.ok('sync.enroll', { serverUrl: server.url, code, deviceName: 'laptop' });
    await c.ok('sync.login', { username: org.inspectorA.username, password: org.password });
    const ids: string[] = [];
    for (let i = 0; i < RECORDS; i++) {
      const e = await c.ok(
        'enterprise.create',
        enterpriseInput({ creditCode: validCode(`91210100${String(i).padStart(9, '0')}`) }),
      );
      ids.push(e.id);
    }

    await c.round();
    expect(killed).toBe(true);
    await kill(server.child);
    const afterKill = await c.ok('sync.status', {});
    expect(afterKill.lastError).not.toBeNull();
    expect(afterKill.pendingMutations).toBeGreaterThan(0);

    server = await startServerProcess({ ...serverEnv, FC_PORT: String(port) });
    for (let i = 0; i < 10; i++) {
      await c.round();
      const s = await c.ok('sync.status', {});
      if (s.pendingMutations === 0 && s.lastError === null) break;
    }
    expect(await c.ok('sync.status', {})).toMatchObject({ pendingMutations: 0, lastError: null });
    await kill(server.child);

    storage = await openStorage(
      pgUrl ? { databaseUrl: pgUrl, pgSchema: schema as string } : { dataDir },
    );
    expect(await count(storage, `entities WHERE entity = 'enterprise'`)).toBe(RECORDS);
    expect(await count(storage, 'mutations')).toBe(RECORDS);
    const { rows } = await storage.query<{ id: string }>(
      `SELECT id FROM entities WHERE entity = 'enterprise'`,
    );
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(ids));
    const seq = await storage.query<{ last_seq: unknown }>(
      'SELECT max(last_seq) AS last_seq FROM devices',
    );
    expect(Number(seq.rows[0]?.last_seq)).toBe(RECORDS);
  } finally {
    await c.core.shutdown();
    await kill(server.child);
    await storage?.close();
    // Drops the PostgreSQL test schema (PGlite's directory goes with the temp dirs).
    if (pgUrl) await ts.close().catch(() => undefined);
  }
});
