import path from 'node:path';
import Database from 'better-sqlite3';
import type { Result } from '../../shared/api/result';
import {
  PROFILE,
  asDraft,
  completeData,
  enterpriseInput,
  startCore,
  tempDir,
  validCode,
} from './core-fixtures';

/** Every text field near its limit, so one record needs several fresh pages. */
const bulky = () =>
  completeData((d) => {
    d.sample.remarks = '抽样备注'.repeat(250);
    d.basic.purpose = '监督抽查目的'.repeat(80);
  });

describe('storage errors come back as results, with nothing written', () => {
  it('reports a full disk as STORAGE_FULL and keeps the store consistent', async () => {
    const t = startCore();
    await t.ok('profile.setup', PROFILE);
    const e = await t.ok('enterprise.create', enterpriseInput());
    const before = ['spot_checks', 'spot_check_documents', 'audit_log', 'enterprises'].map(t.count);

    // Simulate a full disk: the file may not grow beyond its current size.
    const pages = t.db.pragma('page_count', { simple: true }) as number;
    t.db.pragma(`max_page_count = ${pages}`);
    const full = await t.call('spotCheck.create', { data: asDraft(bulky()) });
    expect(full).toEqual({
      ok: false,
      error: { code: 'STORAGE_FULL', message: { key: 'e.storageFull' } },
    });
    expect(
      ['spot_checks', 'spot_check_documents', 'audit_log', 'enterprises'].map(t.count),
    ).toEqual(before);
    expect(t.db.inTransaction).toBe(false);
    expect((await t.ok('spotCheck.list', { q: '奶粉' })).total).toBe(0);

    // Space freed: the same write goes through, and earlier data is intact.
    t.db.pragma('max_page_count = 1073741823');
    const ok = await t.ok('spotCheck.create', { data: asDraft(bulky()) });
    expect((await t.ok('spotCheck.get', { id: ok.id })).record.data.sample.remarks).toHaveLength(
      1000,
    );
    expect(await t.ok('enterprise.get', { id: e.id })).toEqual(e);
    t.core.close();
  });

  it('reports a database locked by another program as STORAGE_BUSY', async () => {
    const dir = tempDir();
    const t = startCore({ dataDir: dir, busyTimeoutMs: 50 });
    await t.ok('profile.setup', PROFILE);
    const before = [t.count('enterprises'), t.count('audit_log')];

    const other = new Database(path.join(dir, 'fieldcheck.db'));
    other.exec('BEGIN EXCLUSIVE');
    other
      .prepare(
        "INSERT INTO audit_log (id, entity_type, entity_id, action, actor_id, actor_name, at, changes) VALUES ('x', 'profile', 'x', 'create', 'x', 'x', 'x', '[]')",
      )
      .run();
    const started = Date.now();
    const busy = (await t.call('enterprise.create', enterpriseInput())) as Result<unknown>;
    expect(busy).toEqual({
      ok: false,
      error: { code: 'STORAGE_BUSY', message: { key: 'e.storageBusy' } },
    });
    // It waited for the lock (busy_timeout), but not forever.
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
    expect(Date.now() - started).toBeLessThan(3000);
    other.exec('ROLLBACK');
    other.close();

    expect([t.count('enterprises'), t.count('audit_log')]).toEqual(before);
    const e = await t.ok(
      'enterprise.create',
      enterpriseInput({ creditCode: validCode('91210100MA0P4X2K3') }),
    );
    expect(e.revision).toBe(1);
    t.core.close();
  });

  it('reads still work while another connection holds the write lock (WAL)', async () => {
    const dir = tempDir();
    const t = startCore({ dataDir: dir, busyTimeoutMs: 50 });
    await t.ok('profile.setup', PROFILE);
    const other = new Database(path.join(dir, 'fieldcheck.db'));
    other.exec('BEGIN IMMEDIATE');
    expect(await t.ok('profile.get', {})).toMatchObject({ name: PROFILE.name });
    other.exec('ROLLBACK');
    other.close();
    t.core.close();
  });
});
