/**
 * jest global set-up: on embedded PGlite (no DATABASE_URL), one migrated template database for
 * the whole run (see server/testing/pgliteTemplate.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGLITE_TEMPLATE_ENV, writePgliteTemplate } from '../../server/testing/pgliteTemplate';

export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-pglite-template-'));
  const file = path.join(dir, 'template.tar');
  await writePgliteTemplate(file);
  // Workers start after global set-up and inherit this environment.
  process.env[PGLITE_TEMPLATE_ENV] = file;
}
