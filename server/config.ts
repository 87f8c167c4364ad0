/**
 * Server settings, all from the environment so the same build runs anywhere:
 *
 * - DATABASE_URL                  PostgreSQL connection string; without it, embedded PGlite
 * - FIELDCHECK_SERVER_DATA_DIR    PGlite data directory (default: <OS user-data dir>/Fieldcheck/server-data)
 * - FIELDCHECK_SERVER_FILES_DIR   attachment files (default: <server data dir>/files, also with DATABASE_URL)
 * - FIELDCHECK_SERVER_HOST        listen address (default 127.0.0.1; set 0.0.0.0 behind a TLS proxy)
 * - FIELDCHECK_SERVER_PORT        listen port (default 8787)
 * - FIELDCHECK_MAX_BATCH_MUTATIONS / FIELDCHECK_MAX_BATCH_BYTES   push limits (500 / 1 MiB)
 * - FIELDCHECK_RATE_PER_MINUTE    sustained requests per device per minute (default 120)
 * - FIELDCHECK_RATE_BURST         burst size per device (default 30)
 * - FIELDCHECK_PUSH_READERS       worker threads reading push requests (default 1; 0 = inline)
 * - LOG_LEVEL                     pino level (default info)
 */
import os from 'node:os';
import path from 'node:path';
import { SYNC_LIMITS } from '../shared/sync/protocol';

export interface RateConfig {
  /** Bucket size: requests allowed back to back. */
  burst: number;
  perMinute: number;
}

export interface ServerConfig {
  host: string;
  port: number;
  databaseUrl?: string;
  pgSchema?: string;
  dataDir?: string;
  /** Where uploaded attachment files are kept (content-addressed; see server/files/store.ts). */
  filesDir: string;
  maxBatchMutations: number;
  maxBatchBytes: number;
  deviceRate: RateConfig;
  /** Enroll and login, keyed by client address: they guess secrets, so they get less. */
  publicRate: RateConfig;
  logLevel: string;
  /** Worker threads that read push requests (sync/pushInputPool.ts); 0 reads them inline. */
  pushReaders: number;
}

export function defaultServerDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  const home = os.homedir();
  const base =
    platform === 'win32'
      ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'));
  return path.join(base, 'Fieldcheck', 'server-data');
}

const int = (v: string | undefined, fallback: number, min = 1): number => {
  const n = v === undefined || v.trim() === '' ? NaN : Number(v);
  if (Number.isNaN(n)) return fallback;
  if (!Number.isInteger(n) || n < min) throw new Error(`Expected an integer ≥ ${min}, got "${v}"`);
  return n;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  const serverDataDir = path.resolve(
    env.FIELDCHECK_SERVER_DATA_DIR?.trim() || defaultServerDataDir(env),
  );
  return {
    host: env.FIELDCHECK_SERVER_HOST?.trim() || '127.0.0.1',
    port: int(env.FIELDCHECK_SERVER_PORT, 8787, 0),
    ...(databaseUrl ? { databaseUrl } : { dataDir: serverDataDir }),
    filesDir: path.resolve(
      env.FIELDCHECK_SERVER_FILES_DIR?.trim() || path.join(serverDataDir, 'files'),
    ),
    maxBatchMutations: int(env.FIELDCHECK_MAX_BATCH_MUTATIONS, SYNC_LIMITS.maxBatchMutations),
    maxBatchBytes: int(env.FIELDCHECK_MAX_BATCH_BYTES, SYNC_LIMITS.maxBatchBytes),
    deviceRate: {
      burst: int(env.FIELDCHECK_RATE_BURST, 30),
      perMinute: int(env.FIELDCHECK_RATE_PER_MINUTE, 120),
    },
    publicRate: { burst: 10, perMinute: 20 },
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    pushReaders: int(env.FIELDCHECK_PUSH_READERS, 1, 0),
  };
}
