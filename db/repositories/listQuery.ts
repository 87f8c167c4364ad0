/**
 * The shape every list query shares: filters, optional bigram search, a sort with the row's
 * seq as tie-breaker (so pages never overlap), offset paging and the total count.
 */
import type Database from 'better-sqlite3';
import { toBigramQuery } from '../search/bigrams';
import type { FtsTable } from '../search/ftsIndex';

export interface ListSpec {
  table: 'enterprises' | 'spot_checks' | 'cases';
  fts: FtsTable;
  columns: string;
  where: string[];
  params: unknown[];
  q: string;
  orderColumn: string;
  /** Rows whose sort column is NULL come last in either direction (e.g. no deadline). */
  nullsLast?: boolean;
  dir: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export function runList<Row>(
  db: Database.Database,
  spec: ListSpec,
): { total: number; rows: Row[] } {
  const where = [...spec.where];
  const params = [...spec.params];
  const search = spec.q ? toBigramQuery(spec.q) : null;
  if (search) {
    // FTS5 narrows to candidates; instr() on the stored normalized text makes the match exact.
    where.push(`t.seq IN (SELECT rowid FROM ${spec.fts} WHERE ${spec.fts} MATCH ?)`);
    params.push(search.match);
    for (const needle of search.needles) {
      where.push('instr(t.search_text, ?) > 0');
      params.push(needle);
    }
  }
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const dir = spec.dir === 'asc' ? 'ASC' : 'DESC';
  const nulls = spec.nullsLast ? `t.${spec.orderColumn} IS NULL, ` : '';
  const total = (
    db.prepare(`SELECT count(*) AS n FROM ${spec.table} t ${whereSql}`).get(...params) as {
      n: number;
    }
  ).n;
  const rows = db
    .prepare(
      `SELECT ${spec.columns} FROM ${spec.table} t ${whereSql}
       ORDER BY ${nulls}t.${spec.orderColumn} ${dir}, t.seq ${dir} LIMIT ? OFFSET ?`,
    )
    .all(...params, spec.limit, spec.offset) as Row[];
  return { total, rows };
}
