import { createHash } from 'node:crypto';
import type { Queryable } from './types';

export interface Migration {
  number: number;
  name: string;
  sql: string;
  /** SHA-256 of `sql`. */
  checksum: string;
  /** Data step after `sql`, same transaction, not checksummed (seed data admins edit later). */
  seed?: (tx: Queryable) => Promise<void>;
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
