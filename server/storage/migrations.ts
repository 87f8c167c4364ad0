/**
 * Numbered migrations, the same SQL for PostgreSQL and PGlite. Like the app's store, the
 * server refuses a database it does not understand: a migration number this build does not
 * know (a newer server wrote it) or a recorded checksum that differs (the schemas diverged).
 * Nothing is changed in either case.
 */
import type { Storage } from './types';
import type { Migration } from './migrationDef';
import { m001Init } from './sql/001_init';
import { m002Categories } from './sql/002_categories';
import { m003Files } from './sql/003_files';
import { m004InlineRows } from './sql/004_inline_rows';
import { m005AuditChain } from './sql/005_audit_chain';
import { m006DocumentNumbers } from './sql/006_document_numbers';
import { m007CreatePayloadRef } from './sql/007_create_payload_ref';
import { m008EntityDocsAsJson } from './sql/008_entity_docs_as_json';
import { m009SetBasedReferences } from './sql/009_set_based_references';
import { m010PushWriteCosts } from './sql/010_push_write_costs';
import { m011EntityDocsAsText } from './sql/011_entity_docs_as_text';

export { defineMigration, type Migration } from './migrationDef';

/** Append only; never edit a shipped migration. */
export const MIGRATIONS: readonly Migration[] = [
  m001Init,
  m002Categories,
  m003Files,
  m004InlineRows,
  m005AuditChain,
  m006DocumentNumbers,
  m007CreatePayloadRef,
  m008EntityDocsAsJson,
  m009SetBasedReferences,
  m010PushWriteCosts,
  m011EntityDocsAsText,
];

export class SchemaError extends Error {
  constructor(
    readonly problem: 'newerSchema' | 'divergedSchema' | 'badMigrationList',
    message: string,
  ) {
    super(message);
    this.name = 'SchemaError';
  }
}

/** Arbitrary constant: the advisory lock that keeps two servers from migrating at once. */
const MIGRATION_LOCK = 720_145_001;

export async function migrate(
  storage: Storage,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<{ version: number; applied: number[] }> {
  migrations.forEach((m, i) => {
    if (m.number !== i + 1) {
      throw new SchemaError(
        'badMigrationList',
        `Migrations must be numbered 1..n; found ${m.number} at ${i + 1}.`,
      );
    }
  });
  // One transaction for the whole run: PostgreSQL DDL is transactional, so a failure leaves
  // the database exactly as it was.
  return storage.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      number integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await tx.query<{ number: number; name: string; checksum: string }>(
      'SELECT number, name, checksum FROM schema_migrations ORDER BY number',
    );
    const known = new Map(migrations.map((m) => [m.number, m]));
    const supported = migrations.at(-1)?.number ?? 0;
    for (const row of rows) {
      const mine = known.get(row.number);
      if (!mine) {
        throw new SchemaError(
          'newerSchema',
          `数据库结构版本 ${Math.max(...rows.map((r) => r.number))} 高于本服务器支持的版本 ${supported}，请升级服务器程序。` +
            ` / Database schema is newer than this server supports (${supported}).`,
        );
      }
      if (mine.checksum !== row.checksum) {
        throw new SchemaError(
          'divergedSchema',
          `数据库迁移 ${row.number}（${row.name}）与本服务器的定义不一致，已拒绝启动。` +
            ` / Migration ${row.number} (${row.name}) differs from this server's; refusing to start.`,
        );
      }
    }
    const done = new Set(rows.map((r) => r.number));
    const pending = migrations.filter((m) => !done.has(m.number));
    for (const m of pending) {
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      if (m.seed) await m.seed(tx);
      await tx.query('INSERT INTO schema_migrations (number, name, checksum) VALUES ($1, $2, $3)', [
        m.number,
        m.name,
        m.checksum,
      ]);
    }
    return {
      version: Math.max(0, ...rows.map((r) => r.number), ...pending.map((m) => m.number)),
      applied: pending.map((m) => m.number),
    };
  });
}

/**
 * Migration files separate statements with a line holding only `--;` so they can run one by
 * one inside the transaction (both engines' extended protocol takes one statement at a time).
 */
function splitStatements(sql: string): string[] {
  return sql
    .split(/^--;\s*$/m)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
