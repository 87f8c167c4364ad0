/**
 * Applies pending migrations, each in its own transaction, and refuses databases this build
 * does not understand: a migration number it does not know (a newer app wrote it) or a
 * recorded checksum that differs from its own (the schemas diverged). Either way nothing is
 * changed, so the newer app or a support person can still open the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { StoreOpenError } from '../errors';
import type { Migration } from './types';

export interface MigrateOptions {
  /** Where the automatic pre-migration backup goes (created if missing). */
  backupDir: string;
  now?: () => Date;
}

export interface MigrateResult {
  /** Highest applied migration number after the run. */
  version: number;
  applied: number[];
  backupPath: string | null;
}

interface AppliedRow {
  number: number;
  name: string;
  checksum: string;
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  number INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  checksum TEXT NOT NULL,
  applied_at TEXT NOT NULL
) STRICT`;

export function migrate(
  db: Database.Database,
  migrations: readonly Migration[],
  opts: MigrateOptions,
): MigrateResult {
  checkList(migrations);
  const now = opts.now ?? (() => new Date());
  const hadTables = hasUserTables(db);
  // Tables without a migration record: not a database this app made (or its record is gone).
  // Migrating it would mix our schema into someone else's data, so refuse and touch nothing.
  if (hadTables && !hasTable(db, 'schema_migrations')) {
    throw new StoreOpenError(
      'unknownDatabase',
      '该数据库文件不是本程序创建的（缺少迁移记录），已拒绝打开，文件未作改动。' +
        ' / This database file was not created by this app (no migration record); refusing to open it, nothing was changed.',
    );
  }
  db.exec(CREATE_TABLE);

  const applied = db
    .prepare('SELECT number, name, checksum FROM schema_migrations ORDER BY number')
    .all() as AppliedRow[];
  const known = new Map(migrations.map((m) => [m.number, m]));
  const supported = migrations.at(-1)?.number ?? 0;
  for (const row of applied) {
    const mine = known.get(row.number);
    if (!mine) {
      const newest = Math.max(...applied.map((r) => r.number));
      throw new StoreOpenError(
        'newerSchema',
        `数据库版本 ${newest} 高于本程序支持的版本 ${supported}，请升级程序。` +
          ` / Database schema version ${newest} is newer than this app supports (${supported}); please upgrade the app.`,
      );
    }
    if (mine.checksum !== row.checksum) {
      throw new StoreOpenError(
        'divergedSchema',
        `数据库迁移 ${row.number}（${row.name}）与本程序的定义不一致，已拒绝打开。` +
          ` / Migration ${row.number} (${row.name}) in the database differs from this app's; refusing to open.`,
      );
    }
  }

  const done = new Set(applied.map((r) => r.number));
  const pending = migrations.filter((m) => !done.has(m.number));
  let backupPath: string | null = null;
  if (pending.length > 0 && hadTables) {
    backupPath = backup(db, opts.backupDir, now(), (pending[0] as Migration).number);
  }

  const record = db.prepare(
    'INSERT INTO schema_migrations (number, name, checksum, applied_at) VALUES (?, ?, ?, ?)',
  );
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.sql);
      m.seed?.(db);
      record.run(m.number, m.name, m.checksum, now().toISOString());
    }).immediate();
  }
  return {
    version: Math.max(0, ...applied.map((r) => r.number), ...pending.map((m) => m.number)),
    applied: pending.map((m) => m.number),
    backupPath,
  };
}

function checkList(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.number !== i + 1) {
      throw new StoreOpenError(
        'badMigrationList',
        `Migration list must be numbered 1..n without gaps; found ${m.number} at position ${i + 1}.`,
      );
    }
  });
}

function hasTable(db: Database.Database, name: string): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !==
    undefined
  );
}

function hasUserTables(db: Database.Database): boolean {
  const row = db
    .prepare(
      "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    )
    .get() as { n: number };
  return row.n > 0;
}

/**
 * A consistent copy taken before the schema changes. VACUUM INTO is synchronous (the store
 * opens synchronously) and, like the online backup API, copies a consistent snapshot.
 */
function backup(db: Database.Database, dir: string, at: Date, firstPending: number): string {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  let file = path.join(dir, `fieldcheck-${stamp}-before-v${firstPending}.db`);
  for (let n = 2; fs.existsSync(file); n++) {
    file = path.join(dir, `fieldcheck-${stamp}-before-v${firstPending}-${n}.db`);
  }
  db.prepare('VACUUM INTO ?').run(file);
  return file;
}
