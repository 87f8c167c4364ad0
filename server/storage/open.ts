import { migrate } from './migrations';
import { openPg } from './pg';
import { openPglite } from './pglite';
import type { Storage } from './types';

export interface StorageConfig {
  /** PostgreSQL when set; otherwise embedded PGlite. */
  databaseUrl?: string;
  /** PostgreSQL schema to use (tests isolate by schema). */
  pgSchema?: string;
  /** PGlite data directory; undefined means in-memory (tests). */
  dataDir?: string;
  /** PGlite: a dumped data directory a new database starts from (see openPglite). */
  pgliteTemplate?: string;
}

/** Opens the configured engine and brings the schema up to date (or refuses, see migrations.ts). */
export async function openStorage(cfg: StorageConfig): Promise<Storage> {
  const storage = cfg.databaseUrl
    ? await openPg({
        connectionString: cfg.databaseUrl,
        ...(cfg.pgSchema ? { schema: cfg.pgSchema } : {}),
      })
    : await openPglite(cfg.dataDir, cfg.pgliteTemplate);
  try {
    await migrate(storage);
  } catch (err) {
    await storage.close();
    throw err;
  }
  return storage;
}
