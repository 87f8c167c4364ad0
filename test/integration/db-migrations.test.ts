import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openConnection } from '../../db/connection';
import { StoreOpenError } from '../../db/errors';
import { MIGRATIONS } from '../../db/migrations';
import { migrate } from '../../db/migrations/runner';
import { defineMigration } from '../../db/migrations/types';
import { openStore } from '../../db/store';
import { tempDir, def } from './core-fixtures';

const m1 = defineMigration(
  1,
  'notes',
  'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT;',
);
const m2 = defineMigration(
  2,
  'notes_tag',
  "ALTER TABLE notes ADD COLUMN tag TEXT NOT NULL DEFAULT '';",
);
const m1Edited = defineMigration(
  1,
  'notes',
  'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT) STRICT;',
);

function open(dir: string) {
  return openConnection(path.join(dir, 'fieldcheck.db'));
}

const backupDir = (dir: string) => path.join(dir, 'backups');

function expectOpenError(fn: () => unknown, problem: string, text: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(StoreOpenError);
  expect((caught as StoreOpenError).problem).toBe(problem);
  expect((caught as Error).message).toMatch(text);
}

describe('migration runner', () => {
  it('creates a fresh database with every migration recorded and no backup', () => {
    const dir = tempDir();
    const store = openStore({ dataDir: dir });
    const rows = store.db.prepare('SELECT number, name, checksum FROM schema_migrations').all();
    expect(rows).toEqual(
      MIGRATIONS.map((m) => ({ number: m.number, name: m.name, checksum: m.checksum })),
    );
    expect(store.schemaVersion).toBe(MIGRATIONS.length);
    // Every table is STRICT.
    const tables = store.db
      .prepare(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'",
      )
      .all() as { name: string; strict: number }[];
    expect(tables.length).toBeGreaterThanOrEqual(8);
    for (const t of tables)
      expect({ name: t.name, strict: t.strict }).toEqual({ name: t.name, strict: 1 });
    // The catalog was seeded in the same migration.
    expect(
      store.catalog
        .categories()
        .find((c) => c.code === 'BUILD')
        ?.products.map((p) => p.zh),
    ).toContain('水泥');
    expect(fs.existsSync(backupDir(dir))).toBe(false);
    store.close();
  });

  it('sets the durability pragmas on every connection', () => {
    const db = open(tempDir());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(3000);
    db.close();
  });

  it('is a no-op when nothing is pending', () => {
    const dir = tempDir();
    const db = open(dir);
    expect(migrate(db, [m1], { backupDir: backupDir(dir) }).applied).toEqual([1]);
    const again = migrate(db, [m1], { backupDir: backupDir(dir) });
    expect(again).toEqual({ version: 1, applied: [], backupPath: null });
    db.close();
  });

  it('upgrades an existing database after backing it up, keeping its data', () => {
    const dir = tempDir();
    let db = open(dir);
    migrate(db, [m1], { backupDir: backupDir(dir) });
    db.prepare('INSERT INTO notes (body) VALUES (?)').run('抽样单 1');
    db.close();

    db = open(dir);
    const result = migrate(db, [m1, m2], {
      backupDir: backupDir(dir),
      now: () => new Date('2026-05-01T08:30:00.123Z'),
    });
    expect(result.applied).toEqual([2]);
    expect(result.version).toBe(2);
    expect(result.backupPath).toBe(
      path.join(backupDir(dir), 'fieldcheck-20260501T083000Z-before-v2.db'),
    );
    expect(db.prepare('SELECT body, tag FROM notes').all()).toEqual([
      { body: '抽样单 1', tag: '' },
    ]);
    db.close();

    // The backup is a readable database at the old version with the old data.
    const backup = new Database(def(result.backupPath), { readonly: true });
    expect(backup.prepare('SELECT body FROM notes').all()).toEqual([{ body: '抽样单 1' }]);
    expect(backup.prepare('SELECT max(number) AS v FROM schema_migrations').get()).toEqual({
      v: 1,
    });
    backup.close();
  });

  it('rolls back a failing migration and leaves the version where it was', () => {
    const dir = tempDir();
    const db = open(dir);
    migrate(db, [m1], { backupDir: backupDir(dir) });
    const broken = defineMigration(
      2,
      'broken',
      'CREATE TABLE half (x INTEGER) STRICT; SELECT * FROM missing_table;',
    );
    expect(() => migrate(db, [m1, broken], { backupDir: backupDir(dir) })).toThrow(/missing_table/);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual(
      { n: 0 },
    );
    expect(db.prepare('SELECT max(number) AS v FROM schema_migrations').get()).toEqual({ v: 1 });
    db.close();
  });

  it('refuses a database written by a newer build', () => {
    const dir = tempDir();
    let db = open(dir);
    migrate(db, [m1, m2], { backupDir: backupDir(dir) });
    db.close();
    db = open(dir);
    expectOpenError(
      () => migrate(db, [m1], { backupDir: backupDir(dir) }),
      'newerSchema',
      /数据库版本 2 高于本程序支持的版本 1/,
    );
    // Nothing was changed or backed up.
    expect(db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: 2 });
    expect(fs.existsSync(backupDir(dir))).toBe(false);
    db.close();
  });

  it('refuses a database whose recorded migration differs from this build', () => {
    const dir = tempDir();
    let db = open(dir);
    migrate(db, [m1], { backupDir: backupDir(dir) });
    db.close();
    db = open(dir);
    expectOpenError(
      () => migrate(db, [m1Edited, m2], { backupDir: backupDir(dir) }),
      'divergedSchema',
      /Migration 1 \(notes\)/,
    );
    expect(db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: 1 });
    db.close();
  });

  it('refuses a database it did not create and leaves it untouched', () => {
    const dir = tempDir();
    let db = open(dir);
    db.exec("CREATE TABLE other (x TEXT) STRICT; INSERT INTO other VALUES ('theirs');");
    db.close();
    db = open(dir);
    expectOpenError(
      () => migrate(db, [m1], { backupDir: backupDir(dir) }),
      'unknownDatabase',
      /not created by this app/,
    );
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all();
    expect(tables).toEqual([{ name: 'other' }]);
    expect(fs.existsSync(backupDir(dir))).toBe(false);
    db.close();
  });

  it('refuses a migration list with gaps', () => {
    const dir = tempDir();
    const db = open(dir);
    expectOpenError(
      () => migrate(db, [m2], { backupDir: backupDir(dir) }),
      'badMigrationList',
      /1\.\.n/,
    );
    db.close();
  });

  it('refuses to open a damaged file', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'fieldcheck.db'), Buffer.alloc(8192, 0x5a));
    expectOpenError(() => openStore({ dataDir: dir }), 'corrupt', /损坏/);
  });
});
