/**
 * Migration 009 (the quarantine's 'locked' resolution) on a database written by the build before
 * it: the table is rebuilt, every refusal survives as it was, and the new resolution is accepted
 * while an unknown one is still refused.
 */
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { DB_FILE_NAME, openConnection } from '../../db/connection';
import { MIGRATIONS } from '../../db/migrations';
import { migrate } from '../../db/migrations/runner';
import { tempDir } from './core-fixtures';

const backupDir = (dir: string) => path.join(dir, 'backups');

it('keeps every 008-era refusal and accepts the locked resolution', () => {
  const dir = tempDir();
  const db = openConnection(path.join(dir, DB_FILE_NAME));
  expect(migrate(db, MIGRATIONS.slice(0, 8), { backupDir: backupDir(dir) }).version).toBe(8);
  const insert = db.prepare(
    `INSERT INTO sync_quarantine (mutation_id, seq, entity, entity_id, op, changes, reason, message,
       field_errors, details, at, base_server_seq, resolved_at, resolution)
     VALUES (?, ?, 'case', ?, 'update', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const caseId = uuidv7();
  insert.run(
    uuidv7(),
    1,
    caseId,
    '{"data.sourceRef":"举报登记"}',
    'unstorableText',
    '含有无法保存的字符',
    '{"data.sourceRef":{"key":"x"}}',
    '{"reason":"unstorableText"}',
    '2026-12-01T08:00:00.000Z',
    4,
    null,
    null,
  );
  insert.run(
    uuidv7(),
    2,
    caseId,
    '{"data.facts":"事实"}',
    'tooLarge',
    '内容过大',
    null,
    null,
    '2026-12-01T08:01:00.000Z',
    null,
    '2026-12-02T09:00:00.000Z',
    'taken',
  );
  const before = db.prepare('SELECT * FROM sync_quarantine ORDER BY seq').all();

  expect(migrate(db, MIGRATIONS, { backupDir: backupDir(dir) }).version).toBe(MIGRATIONS.length);
  expect(db.prepare('SELECT * FROM sync_quarantine ORDER BY seq').all()).toEqual(before);
  const plan = db
    .prepare(
      `EXPLAIN QUERY PLAN SELECT * FROM sync_quarantine WHERE entity = 'case' AND entity_id = ?`,
    )
    .all(caseId) as { detail: string }[];
  expect(plan.map((p) => p.detail).join(' ')).toContain('sync_quarantine_entity');

  const settle = db.prepare('UPDATE sync_quarantine SET resolution = ? WHERE seq = 1');
  expect(settle.run('locked').changes).toBe(1);
  expect(() => settle.run('dismissed')).toThrow(/CHECK constraint failed/);
  db.close();
});
