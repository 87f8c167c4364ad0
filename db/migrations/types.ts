import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

export interface Migration {
  number: number;
  name: string;
  sql: string;
  /** SHA-256 of `sql`: a recorded migration whose text changed means the schemas diverged. */
  checksum: string;
  /**
   * Data step run after `sql` in the same transaction. Not checksummed: it seeds reference
   * data that admins edit afterwards, so it runs once and is never compared again.
   */
  seed?: (db: Database.Database) => void;
}

export function defineMigration(
  number: number,
  name: string,
  sql: string,
  seed?: Migration['seed'],
): Migration {
  const checksum = createHash('sha256').update(sql, 'utf8').digest('hex');
  return { number, name, sql, checksum, ...(seed ? { seed } : {}) };
}
