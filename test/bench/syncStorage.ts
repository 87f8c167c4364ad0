/**
 * Storage for one benchmark scenario, always fresh: a new PostgreSQL schema (dropped on close)
 * or a PGlite database in a temp directory (deleted on close).
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
  storage: Storage;
  /** PostgreSQL: the schema, also the application_name of this run's connections. */
  schema?: string;
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
      storage,
      schema,
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
  return {
    storage,
    async close() {
      await storage.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
