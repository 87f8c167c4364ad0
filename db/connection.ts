import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StoreOpenError } from './errors';

export const DB_FILE_NAME = 'fieldcheck.db';
export const BACKUP_DIR_NAME = 'backups';

export interface ConnectionOptions {
  /** How long a write waits for another connection's lock before SQLITE_BUSY. */
  busyTimeoutMs?: number;
}

/**
 * Opens the store's file with the durability the records need: WAL so readers never block the
 * writer, synchronous=FULL so a save acknowledged to the inspector survives a power cut.
 * A file that fails its consistency check is refused rather than written to.
 */
export function openConnection(file: string, opts: ConnectionOptions = {}): Database.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(opts.busyTimeoutMs ?? 3000))}`);
    const problems = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
    const first = problems[0]?.quick_check;
    if (first !== 'ok') {
      throw new StoreOpenError(
        'corrupt',
        `数据库文件已损坏，已拒绝打开（${file}）：${first ?? 'unknown'}。请从 backups 目录恢复备份。` +
          ` / The database file is damaged and was not opened (${file}): ${first ?? 'unknown'}. Restore a copy from the backups folder.`,
      );
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // 32 MB page cache: list and search queries at 100k records stay in memory.
    db.pragma('cache_size = -32000');
    return db;
  } catch (err) {
    db.close();
    if (err instanceof StoreOpenError) throw err;
    const e = err as { code?: string; message?: string };
    if (e.code === 'SQLITE_NOTADB' || e.code === 'SQLITE_CORRUPT') {
      throw new StoreOpenError(
        'corrupt',
        `数据库文件已损坏或不是数据库（${file}）。 / The file is damaged or not a database (${file}): ${e.message ?? ''}`,
      );
    }
    throw err;
  }
}
