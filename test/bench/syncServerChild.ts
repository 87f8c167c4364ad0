/**
 * The Fieldcheck server for the sync benchmark, as a child process like pouchdb-server's
 * (syncPouchServer.ts): the server `npm run server` starts (loadConfig + startServer, its
 * request logging included), on 127.0.0.1 and a free port, so the server has an event loop of
 * its own and the benchmark's devices do not run on it. Storage from the environment, as for
 * `npm run server` (DATABASE_URL, or FIELDCHECK_SERVER_DATA_DIR for PGlite), plus the run's
 * PostgreSQL schema (BENCH_PG_SCHEMA). Sends `{ url }` once listening; closes gracefully and
 * exits when the parent disconnects. For syncProfile.ts it takes a V8 CPU profile on request:
 * `{ profile: 'start' }`, then `{ profile: 'stop', file }` (answered `{ profiled: file }`).
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadConfig } from '../../server/config';
import { startServer } from '../../server/server';

if (!process.send) throw new Error('usage: fork(syncServerChild.ts) with an IPC channel');
const send = process.send.bind(process);

async function main(): Promise<void> {
  const schema = process.env.BENCH_PG_SCHEMA;
  const config = {
    ...loadConfig(),
    host: '127.0.0.1',
    port: 0,
    ...(schema ? { pgSchema: schema } : {}),
  };
  const server = await startServer(config);
  process.on('disconnect', () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
  let session: Session | null = null;
  process.on('message', (m: { profile?: 'start' | 'stop'; file?: string }) => {
    void (async () => {
      if (m.profile === 'start') {
        session = new Session();
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.start');
      } else if (m.profile === 'stop' && session && m.file) {
        const { profile } = await session.post('Profiler.stop');
        fs.writeFileSync(m.file, JSON.stringify(profile));
        session.disconnect();
        session = null;
        send({ profiled: m.file });
      }
    })();
  });
  send({ url: server.url });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
