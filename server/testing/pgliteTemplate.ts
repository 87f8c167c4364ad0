/**
 * One migrated PGlite database, dumped to a file, that the tests' databases start from: PGlite's
 * initdb costs about 5 s of WASM per database, loading the dump well under one. jest's global
 * set-up writes the file once per run and names it in FC_PGLITE_TEMPLATE for every worker and
 * the server processes they start.
 */
import fs from 'node:fs';
import { migrate } from '../storage/migrations';
import { openPglite } from '../storage/pglite';

export const PGLITE_TEMPLATE_ENV = 'FC_PGLITE_TEMPLATE';

/** The template this run made, if any (a missing file means initdb as usual, never an error). */
export function pgliteTemplate(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const file = env[PGLITE_TEMPLATE_ENV];
  return file && fs.existsSync(file) ? file : undefined;
}

/** Writes a fresh database at the current schema version to file. */
export async function writePgliteTemplate(file: string): Promise<void> {
  const storage = await openPglite();
  try {
    await migrate(storage);
    await storage.dumpDataDir(file);
  } finally {
    await storage.close();
  }
}
