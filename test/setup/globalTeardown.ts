/** jest global tear-down: removes the run's PGlite template (see globalSetup.ts). */
import fs from 'node:fs';
import path from 'node:path';
import { PGLITE_TEMPLATE_ENV } from '../../server/testing/pgliteTemplate';

export default function globalTeardown(): void {
  const file = process.env[PGLITE_TEMPLATE_ENV];
  if (file) fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
