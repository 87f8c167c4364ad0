/**
 * The storage seam: one SQL dialect (PostgreSQL's), two engines. Production runs on a real
 * PostgreSQL through `pg`; without DATABASE_URL the server embeds PGlite (PostgreSQL compiled
 * to WASM) so it runs with no setup. Everything above this file writes plain SQL with $n params.
 */
export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface QueryOptions {
  /**
   * Keep the statement prepared on the connection under this name and reuse its plan (pg named
   * statements; PGlite ignores it). One name must always carry the same SQL text. For hot
   * statements only: each name costs memory on every connection that ran it.
   */
  name?: string;
}

/** Column types a bulk insert can carry (see RowSet). */
export type ColumnType = 'text' | 'uuid' | 'int8' | 'bool' | 'json' | 'jsonb';

/**
 * Rows for one table, for a bulk insert. `types` are the columns' own SQL types, in order;
 * values: strings (text, uuid, and JSON text for json/jsonb), numbers for int8, booleans for
 * bool, or null. A text or JSON value may also be given as parts (strings or UTF-8 bytes,
 * textParts.ts): the value is their concatenation, written part by part without building the
 * whole string.
 */
export interface RowSet {
  table: string;
  columns: readonly string[];
  types: readonly ColumnType[];
  rows: readonly (readonly unknown[])[];
}

export interface Queryable {
  query<T = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
    opts?: QueryOptions,
  ): Promise<QueryResult<T>>;
  /**
   * Inserts the row sets, in order, in one round trip (PostgreSQL: binary COPY; see
   * copyBinary.ts). Engines without it get multi-row INSERTs instead (multiRow.ts insertRows).
   */
  insertRows?(sets: readonly RowSet[]): Promise<void>;
}

export interface TransactionOptions {
  /** REPEATABLE READ: every statement sees one snapshot (pull: page and checksum agree). */
  snapshot?: boolean;
}

export interface Storage extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** Runs fn in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, opts?: TransactionOptions): Promise<T>;
  /** Runs a multi-statement script (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** Values pg returns as strings (bigint) or numbers (PGlite): read them through this. */
export function num(v: unknown): number {
  return v === null || v === undefined ? 0 : Number(v);
}
