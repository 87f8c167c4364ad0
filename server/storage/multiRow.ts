/**
 * Multi-row statements: `VALUES (...), (...)` lists with one parameter per cell, split so a
 * statement stays far below PostgreSQL's 65,535 parameters.
 */
import { isTextParts, joinText } from './textParts';
import type { ColumnType, Queryable, RowSet } from './types';

/**
 * Rows per statement while a push batch is applied (sync/batchWrites.ts). Statements of exactly
 * this many rows are prepared once per connection and reused; other sizes are planned each time.
 * Half a full batch: each statement has a fixed cost in the database (the COPY's set-up, the
 * reference triggers' queries), and two chunks still let the database write the first while the
 * server builds the second. Measured on 2 cores: 250 took 5–10% less database time per record
 * than 100; 500 (one chunk) was slower than either, with nothing to overlap. A push batch's
 * first chunk is smaller (FIRST_CHUNK_ROWS in sync/batchWrites.ts) so the database starts sooner.
 */
export const CHUNK_ROWS = 250;
const MAX_ROWS = 2000;

export interface MultiRowStatement {
  /** Used to name the prepared statement; must be unique to this SQL shape. */
  tag: string;
  /** SQL with `%VALUES%` where the list goes. */
  sql: string;
  /** Per column, the cast after its parameter, e.g. `::jsonb` (or ''). */
  casts: readonly string[];
}

const sqlCache = new Map<string, string>();

/** The statement's SQL for `n` rows (cached: the same text every time, as prepared statements need). */
function sqlFor(stmt: MultiRowStatement, n: number): string {
  const key = `${stmt.tag}\u0000${n}`;
  let sql = sqlCache.get(key);
  if (sql === undefined) {
    const width = stmt.casts.length;
    const values = Array.from(
      { length: n },
      (_, r) => `(${stmt.casts.map((c, j) => `$${r * width + j + 1}${c}`).join(', ')})`,
    );
    sql = stmt.sql.replace('%VALUES%', values.join(', '));
    if (sqlCache.size < 1000) sqlCache.set(key, sql);
  }
  return sql;
}

/** Sends the statement for `rows` (in chunks of at most 2,000) without awaiting in between. */
export function sendRows(
  tx: Queryable,
  stmt: MultiRowStatement,
  rows: readonly (readonly unknown[])[],
): Promise<unknown>[] {
  const sent: Promise<unknown>[] = [];
  for (let i = 0; i < rows.length; i += MAX_ROWS) {
    const chunk = rows.slice(i, i + MAX_ROWS);
    const params: unknown[] = [];
    for (const row of chunk) params.push(...row);
    const name = chunk.length === CHUNK_ROWS ? `fc_${stmt.tag}_${CHUNK_ROWS}` : undefined;
    sent.push(tx.query(sqlFor(stmt, chunk.length), params, name ? { name } : {}));
  }
  return sent;
}

const CASTS: Record<ColumnType, string> = {
  text: '',
  uuid: '::uuid',
  int8: '::bigint',
  bool: '::boolean',
  json: '::json',
  jsonb: '::jsonb',
};

const insertStatements = new Map<string, MultiRowStatement>();

/** The multi-row INSERT that stands in for a bulk insert of `set` where there is no COPY. */
function insertStatement(set: RowSet): MultiRowStatement {
  const key = `${set.table}(${set.columns.join(',')})${set.types.join(',')}`;
  let stmt = insertStatements.get(key);
  if (!stmt) {
    stmt = {
      tag: `${set.table}_ins_${insertStatements.size}`,
      sql: `INSERT INTO ${set.table} (${set.columns.join(', ')}) VALUES %VALUES%`,
      casts: set.types.map((t) => CASTS[t]),
    };
    insertStatements.set(key, stmt);
  }
  return stmt;
}

/**
 * Sends the row sets in order: as one bulk insert where the engine has one (PostgreSQL's binary
 * COPY), else as multi-row INSERTs. Like sendRows, nothing is awaited in between.
 */
export function insertRows(tx: Queryable, sets: readonly RowSet[]): Promise<unknown>[] {
  const todo = sets.filter((s) => s.rows.length > 0);
  if (todo.length === 0) return [];
  if (tx.insertRows) return [tx.insertRows(todo)];
  const joined = (row: readonly unknown[]) => row.map((v) => (isTextParts(v) ? joinText(v) : v));
  return todo.flatMap((s) => sendRows(tx, insertStatement(s), s.rows.map(joined)));
}
