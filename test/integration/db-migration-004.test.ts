/**
 * Migration 004 (cases, reviews, spot-check review statuses, audit of cases) on a database
 * written by the build before it: every row survives, links and search still work, and the new
 * statuses and audit kinds are accepted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { DB_FILE_NAME, openConnection } from '../../db/connection';
import { MIGRATIONS } from '../../db/migrations';
import { migrate } from '../../db/migrations/runner';
import { openStore } from '../../db/store';
import { toBigramDocument } from '../../db/search/bigrams';
import { CaseListQuerySchema } from '../../shared/api/caseContract';
import { SpotCheckListQuerySchema } from '../../shared/schemas/lists';
import { completeData, def, tempDir } from './core-fixtures';

type Row = Record<string, unknown>;

/** A 003-era database with linked spot-check versions, search rows, audit and outbox entries. */
function seed003(dir: string) {
  // Plain migrate: this build's repositories expect the newer schema.
  const db = openConnection(path.join(dir, DB_FILE_NAME));
  expect(
    migrate(db, MIGRATIONS.slice(0, 3), { backupDir: path.join(dir, 'backups') }).version,
  ).toBe(3);
  const ids = { v1: uuidv7(), v2: uuidv7(), draft: uuidv7() };
  const insert = db.prepare(
    `INSERT INTO spot_checks (seq, id, status, version, supersedes_id, superseded_by_id, revision,
      record_number, sample_name, unit_name, category_code, region_code, sampling_date, created_by,
      created_at, updated_at, submitted_at, search_text)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'FOOD', '210100', '2026-04-20', 'u1', 't0', 't1', ?, ?)`,
  );
  const doc = db.prepare('INSERT INTO spot_check_documents (seq, data) VALUES (?, ?)');
  const fts = db.prepare('INSERT INTO spot_checks_fts (rowid, grams) VALUES (?, ?)');
  const rows: [number, string, string, number, string | null, string, string][] = [
    [10, ids.v1, 'submitted', 1, null, '婴幼儿配方奶粉', 'R-1'],
    [11, ids.v2, 'draft', 2, ids.v1, '婴幼儿配方奶粉', 'R-1'],
    [12, ids.draft, 'draft', 1, null, '水泥', 'R-2'],
  ];
  db.transaction(() => {
    for (const [seq, id, status, version, supersedes, sample, number] of rows) {
      insert.run(
        seq,
        id,
        status,
        version,
        supersedes,
        null,
        1,
        number,
        sample,
        '沈阳飞鹤乳业有限公司',
        status === 'submitted' ? 't1' : null,
        sample,
      );
      const data = completeData((d) => {
        d.sample.name = sample;
        d.basic.recordNumber = number;
      });
      doc.run(seq, JSON.stringify(data));
      fts.run(seq, toBigramDocument(sample));
    }
    db.prepare('UPDATE spot_checks SET superseded_by_id = ? WHERE id = ?').run(ids.v2, ids.v1);
    db.prepare(
      `INSERT INTO audit_log (id, entity_type, entity_id, action, actor_id, actor_name, at, changes)
       VALUES (?, 'spotCheck', ?, 'create', 'u1', '张三', 't0', '[]')`,
    ).run(uuidv7(), ids.v1);
    db.prepare(
      `INSERT INTO outbox (seq, mutation_id, entity, entity_id, op, base_server_seq, changes, hlc,
        bytes, state, created_at) VALUES (1, ?, 'spotCheck', ?, 'create', NULL, '{}', 'h', 2,
        'pending', 't1')`,
    ).run(uuidv7(), ids.draft);
  })();
  const snapshot = {
    spotChecks: db.prepare('SELECT * FROM spot_checks ORDER BY seq').all() as Row[],
    documents: db.prepare('SELECT * FROM spot_check_documents ORDER BY seq').all() as Row[],
    audit: db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Row[],
    outbox: db.prepare('SELECT * FROM outbox ORDER BY seq').all() as Row[],
  };
  db.close();
  return { ids, snapshot };
}

describe('migration 004', () => {
  it('keeps every 003-era row, link and search entry', () => {
    const dir = tempDir();
    const { ids, snapshot } = seed003(dir);

    const store = openStore({ dataDir: dir });
    expect(store.schemaVersion).toBeGreaterThanOrEqual(4);
    const db = store.db;
    const spotChecks = db.prepare('SELECT * FROM spot_checks ORDER BY seq').all() as Row[];
    expect(spotChecks).toEqual(
      snapshot.spotChecks.map((r) => ({ ...r, review: null, server_rev: null })),
    );
    expect(db.prepare('SELECT * FROM spot_check_documents ORDER BY seq').all()).toEqual(
      snapshot.documents,
    );
    const audit = db
      .prepare(
        'SELECT seq, id, entity_type, entity_id, action, actor_id, actor_name, at, changes FROM audit_log ORDER BY seq',
      )
      .all();
    expect(audit).toEqual(snapshot.audit);
    expect(db.prepare('SELECT * FROM outbox ORDER BY seq').all()).toEqual(snapshot.outbox);

    // Foreign keys and the database as a whole are sound; references point at the new table.
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const ddl = (name: string) =>
      (
        db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) as {
          sql: string;
        }
      ).sql;
    expect(ddl('spot_checks')).not.toMatch(/rebuilt/);
    expect(ddl('spot_check_documents')).toMatch(/REFERENCES spot_checks \(seq\)/);

    // The repositories read the migrated rows, versions stay linked, search finds them.
    const v1 = def(store.spotChecks.get(ids.v1));
    expect(v1).toMatchObject({ status: 'submitted', supersededById: ids.v2 });
    expect(v1.review).toBeUndefined();
    expect(store.spotChecks.versions(ids.v2).map((v) => v.id)).toEqual([ids.v1, ids.v2]);
    const found = store.spotChecks.list(SpotCheckListQuerySchema.parse({ q: '水泥' }));
    expect(found.rows.map((r) => r.id)).toEqual([ids.draft]);

    // The new statuses, audit kinds and tables are accepted.
    db.prepare("UPDATE spot_checks SET status = 'approved' WHERE id = ?").run(ids.v1);
    db.prepare(
      `INSERT INTO audit_log (id, entity_type, entity_id, action, actor_id, actor_name, at, changes)
       VALUES (?, 'case', ?, 'transition', 'u1', '张三', 't2', '[]')`,
    ).run(uuidv7(), uuidv7());
    expect(() =>
      db.prepare("UPDATE spot_checks SET status = 'lost' WHERE id = ?").run(ids.v1),
    ).toThrow(/CHECK/);
    // The cases table is new in 004: a 003 database had none, and the list reads it as empty.
    expect(store.cases.list(CaseListQuerySchema.parse({}))).toEqual({ total: 0, rows: [] });
    store.close();

    // A backup of the 003 database was written first.
    const backups = fs.readdirSync(path.join(dir, 'backups'));
    expect(backups.some((f) => f.endsWith('before-v4.db'))).toBe(true);
  });
});
