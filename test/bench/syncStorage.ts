/**
 * Storage for one benchmark scenario, always fresh: a new PostgreSQL schema (dropped at the end)
 * or a PGlite database in a temp directory (deleted at the end). The benchmark sets it up (the
 * organisation, enrolled devices) and then hands it to the server process: PGlite is one
 * process's database, so the benchmark lets go of it first (release); PostgreSQL stays open
 * beside the server (the profile reads its backends' CPU time through it).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStorage } from '../../server/storage/open';
import { openPg } from '../../server/storage/pg';
import type { Storage } from '../../server/storage/types';

export type StorageKind = 'postgres' | 'pglite';

export interface BenchStorage {
  kind: StorageKind;
  storage: Storage;
  /** PostgreSQL: the schema, also the application_name of this run's connections. */
  schema?: string;
  /** The environment a server process needs to open the same database. */
  serverEnv: Record<string, string>;
  /** Closes the benchmark's own connection if the server must own the database (PGlite). */
  release(): Promise<void>;
  /** Closes everything and removes the data. */
  close(): Promise<void>;
}

export async function openBenchStorage(kind: StorageKind): Promise<BenchStorage> {
  if (kind === 'postgres') {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set');
    const schema = `fc_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
    // Named after the schema, so a profile can tell this run's backends from other sessions.
    const named = new URL(url);
    named.searchParams.set('application_name', schema);
    const storage = await openStorage({ databaseUrl: named.toString(), pgSchema: schema });
    return {
      kind,
      storage,
      schema,
      serverEnv: { DATABASE_URL: named.toString(), BENCH_PG_SCHEMA: schema },
      release: async () => undefined,
      async close() {
        await storage.close();
        const admin = await openPg({ connectionString: url, max: 1 });
        try {
          await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        } finally {
          await admin.close();
        }
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldcheck-syncbench-'));
  const storage = await openStorage({ dataDir: dir });
  let open = true;
  const release = async () => {
    if (open) await storage.close();
    open = false;
  };
  return {
    kind,
    storage,
    serverEnv: { FIELDCHECK_SERVER_DATA_DIR: dir, DATABASE_URL: '' },
    release,
    async close() {
      await release();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
