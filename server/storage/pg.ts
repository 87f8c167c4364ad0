import { Pool, type PoolClient } from 'pg';
import { CopyInQuery } from './copyBinary';
import type {
  Queryable,
  QueryOptions,
  QueryResult,
  RowSet,
  Storage,
  TransactionOptions,
} from './types';

/** Binary COPY on one connection (a transaction's): see copyBinary.ts. */
function copyRows(client: PoolClient, sets: readonly RowSet[]): Promise<void> {
  const todo = sets.filter((s) => s.rows.length > 0);
  if (todo.length === 0) return Promise.resolve();
  const q = new CopyInQuery(todo);
  return new Promise<void>((resolve, reject) => {
    q.callback = (err) => (err ? reject(err) : resolve());
    // pg runs any object with submit() as a query, in turn with the connection's other queries.
    void client.query(q as unknown as Parameters<PoolClient['query']>[0]);
  });
}

export interface PgOptions {
  connectionString: string;
  /** Own schema (tests: one per file); created if missing and put first on search_path. */
  schema?: string;
  max?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openPg(opts: PgOptions): Promise<Storage> {
  if (opts.schema !== undefined && !SCHEMA_NAME.test(opts.schema)) {
    throw new Error(`Bad schema name: ${opts.schema}`);
  }
  if (opts.schema) {
    const setup = new Pool({ connectionString: opts.connectionString, max: 1 });
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${opts.schema}`);
    } finally {
      await setup.end();
    }
  }
  const pool = new Pool({
    connectionString: opts.connectionString,
    max: opts.max ?? 10,
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);

  const wrap = (c: Pool | PoolClient): Queryable => ({
    async query<T>(
      sql: string,
      params: readonly unknown[] = [],
      opts: QueryOptions = {},
    ): Promise<QueryResult<T>> {
      const values = params as unknown[];
      const r = await (opts.name
        ? c.query({ name: opts.name, text: sql, values })
        : c.query(sql, values));
      return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 };
    },
  });
  const direct = wrap(pool);

  return {
    kind: 'postgres',
    query: direct.query,
    async transaction<T>(
      fn: (tx: Queryable) => Promise<T>,
      o: TransactionOptions = {},
    ): Promise<T> {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query(o.snapshot ? 'BEGIN ISOLATION LEVEL REPEATABLE READ' : 'BEGIN');
        const out = await fn({
          ...wrap(client),
          insertRows: (sets) => copyRows(client, sets),
        });
        await client.query('COMMIT');
        return out;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        throw err;
      } finally {
        client.release(broken);
      }
    },
    async exec(sql: string): Promise<void> {
      await pool.query(sql);
    },
    async close(): Promise<void> {
      await pool.end();
    },
  };
}
