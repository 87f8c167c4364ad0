/**
 * `npx tsx server/cli.ts` — runs the central endpoint. Configuration: see config.ts.
 * Without DATABASE_URL the data lives in an embedded PGlite database in
 * FIELDCHECK_SERVER_DATA_DIR (default <OS user-data dir>/Fieldcheck/server-data).
 */
import { loadConfig } from './config';
import { startServer } from './server';

async function main(): Promise<void> {
  const config = loadConfig();
  const server = await startServer(config);
  const log = server.app.log;
  log.info(
    {
      url: server.url,
      storage: server.storage.kind,
      ...(config.dataDir ? { dataDir: config.dataDir } : {}),
    },
    'fieldcheck server listening',
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing requests in flight');
    // A second signal or a stuck request must not keep the process alive forever.
    setTimeout(() => {
      log.error('shutdown timed out; exiting (an unfinished batch rolls back)');
      process.exit(1);
    }, 30_000).unref();
    server.close().then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(
    JSON.stringify({
      level: 60,
      msg: 'fieldcheck server failed to start',
      err: err instanceof Error ? err.message : String(err),
    }),
  );
  process.exit(1);
});
