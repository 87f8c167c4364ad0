/**
 * Durability on an embedded PGlite data directory: a restart keeps everything; a batch in
 * flight when the server stops (gracefully, or killed outright) is applied whole or not at all.
 * PGlite only: PostgreSQL's own crash safety is not ours to test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Mutation, PushResponse } from '../../shared/sync/protocol';
import { openStorage } from '../../server/storage/open';
import type { Storage } from '../../server/storage/types';
import { pgliteTemplate } from '../../server/testing/pgliteTemplate';
import {
  client,
  createOrg,
  enroll,
  enterpriseDoc,
  mutation,
  newId,
  startTestServer,
  type TestDevice,
} from '../../server/testing/harness';

// Restarting on the same embedded directory only means something for PGlite; against
// PostgreSQL (DATABASE_URL) the database is a separate service and these are skipped, by name.
const describePglite = process.env.DATABASE_URL ? describe.skip : describe;
const root = path.resolve(__dirname, '..', '..');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-server-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const count = async (s: Storage, sql: string) =>
  Number((await s.query<{ n: unknown }>(`SELECT count(*) AS n FROM ${sql}`)).rows[0]?.n);

const bigBatch = (dev: TestDevice, n: number, offset: number): Mutation[] =>
  Array.from({ length: n }, (_, i) =>
    mutation(dev, 'enterprise', 'create', newId(), enterpriseDoc(offset + i)),
  );

async function deviceState(s: Storage, dev: TestDevice) {
  const lastSeq = Number(
    (
      await s.query<{ last_seq: unknown }>('SELECT last_seq FROM devices WHERE id = $1', [
        dev.deviceId,
      ])
    ).rows[0]?.last_seq,
  );
  return {
    lastSeq,
    mutations: await count(s, 'mutations'),
    enterprises: await count(s, `entities WHERE entity = 'enterprise'`),
  };
}

describePglite(
  'server restart on the same PGlite directory (PGlite only: skipped when DATABASE_URL points at PostgreSQL)',
  () => {
    it('keeps data, credentials and device seqs across a restart', async () => {
      let storage = await openStorage({ dataDir: dir, pgliteTemplate: pgliteTemplate() });
      const org = await createOrg(storage);
      const dev = await enroll(storage, org.inspectorA);
      let server = await startTestServer(storage);
      const batch = bigBatch(dev, 5, 1);
      expect(
        (
          await client(server.url, dev.token).post('/v1/sync/push', {
            deviceId: dev.deviceId,
            batch,
          })
        ).status,
      ).toBe(200);
      const before = await client(server.url, dev.token).post('/v1/sync/pull', { limit: 1000 });
      await server.close();
      await storage.close();

      storage = await openStorage({ dataDir: dir, pgliteTemplate: pgliteTemplate() });
      server = await startTestServer(storage);
      try {
        const after = await client(server.url, dev.token).post('/v1/sync/pull', { limit: 1000 });
        expect(after.status).toBe(200);
        expect(after.body).toEqual(before.body);
        const replay = await client(server.url, dev.token).post<PushResponse>('/v1/sync/push', {
          deviceId: dev.deviceId,
          batch,
        });
        expect(replay.body.results.every((r) => r.replayed)).toBe(true);
        expect(await deviceState(storage, dev)).toEqual({
          lastSeq: 5,
          mutations: 5,
          enterprises: 5,
        });
      } finally {
        await server.close();
        await storage.close();
      }
    }, 60_000);

    it('a graceful stop finishes the batch in flight', async () => {
      const storage = await openStorage({ dataDir: dir, pgliteTemplate: pgliteTemplate() });
      const org = await createOrg(storage);
      const dev = await enroll(storage, org.inspectorA);
      const server = await startTestServer(storage);
      // In flight: its transaction has begun. (A fixed wait could end before a busy machine has
      // even routed the request, which a stopping server rightly refuses with 503.)
      const begun = new Promise<void>((resolve) => {
        const transaction = storage.transaction.bind(storage);
        storage.transaction = (fn, o) => {
          resolve();
          return transaction(fn, o);
        };
      });
      const inflight = client(server.url, dev.token).post('/v1/sync/push', {
        deviceId: dev.deviceId,
        batch: bigBatch(dev, 300, 1),
      });
      await begun;
      await server.close();
      const res = await inflight;
      const state = await deviceState(storage, dev);
      await storage.close();
      expect(res.status).toBe(200);
      expect(state).toEqual({ lastSeq: 300, mutations: 300, enterprises: 300 });
    }, 60_000);

    it('a killed server leaves the batch in flight fully applied or not at all', async () => {
      let storage = await openStorage({ dataDir: dir, pgliteTemplate: pgliteTemplate() });
      const org = await createOrg(storage);
      const dev = await enroll(storage, org.inspectorA);
      await storage.close();

      const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'server/cli.ts'], {
        cwd: root,
        env: {
          ...process.env,
          DATABASE_URL: '',
          FIELDCHECK_SERVER_DATA_DIR: dir,
          FIELDCHECK_SERVER_PORT: '0',
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      try {
        const url = await listeningUrl(child);
        const batch = bigBatch(dev, 500, 1);
        const inflight = client(url, dev.token)
          .post('/v1/sync/push', { deviceId: dev.deviceId, batch })
          .catch(() => null);
        await new Promise((r) => setTimeout(r, 400));
        child.kill('SIGKILL');
        await inflight;
        await new Promise((r) => child.once('exit', r));
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
      }

      storage = await openStorage({ dataDir: dir, pgliteTemplate: pgliteTemplate() });
      try {
        const state = await deviceState(storage, dev);
        expect([0, 500]).toContain(state.enterprises);
        expect(state).toEqual({
          lastSeq: state.enterprises,
          mutations: state.enterprises,
          enterprises: state.enterprises,
        });
      } finally {
        await storage.close();
      }
    }, 90_000);
  },
);

function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /"url":"(http:\/\/[^"]+)"/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}
