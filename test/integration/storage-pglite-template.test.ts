/**
 * PGlite databases started from a dumped template (server/storage/pglite.ts `template`): the copy
 * holds what the template held, is a database of its own, and a directory that already holds a
 * database keeps it. PGlite only: PostgreSQL has no templates of this kind.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPglite, type PgliteStorage } from '../../server/storage/pglite';

jest.setTimeout(60_000);

let dir: string;
let template: string;
const open: PgliteStorage[] = [];
const track = (s: PgliteStorage) => (open.push(s), s);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-pglite-tpl-test-'));
  template = path.join(dir, 'template.tar');
  const source = track(await openPglite());
  await source.exec(`CREATE TABLE notes (body text); INSERT INTO notes VALUES ('from template')`);
  await source.dumpDataDir(template);
});
afterAll(async () => {
  for (const s of open.splice(0)) await s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const bodies = async (s: PgliteStorage) =>
  (await s.query<{ body: string }>('SELECT body FROM notes ORDER BY body')).rows.map((r) => r.body);

describe('PGlite template', () => {
  it('starts an in-memory database as a copy of the template, independent of other copies', async () => {
    const a = track(await openPglite(undefined, template));
    const b = track(await openPglite(undefined, template));
    await a.query(`INSERT INTO notes VALUES ('only in a')`);
    expect(await bodies(a)).toEqual(['from template', 'only in a']);
    expect(await bodies(b)).toEqual(['from template']);
  });

  it('starts an empty data directory from the template, and reopens it as written', async () => {
    const dataDir = path.join(dir, 'fresh');
    const first = await openPglite(dataDir, template);
    await first.query(`INSERT INTO notes VALUES ('written')`);
    await first.close();
    const again = track(await openPglite(dataDir, template));
    expect(await bodies(again)).toEqual(['from template', 'written']);
  });

  it('never replaces a database a data directory already holds', async () => {
    const dataDir = path.join(dir, 'existing');
    const own = await openPglite(dataDir, template);
    await own.exec(`DELETE FROM notes; INSERT INTO notes VALUES ('own data')`);
    await own.close();
    const reopened = track(await openPglite(dataDir, template));
    expect(await bodies(reopened)).toEqual(['own data']);
  });
});
