import {
  PROFILE,
  enterpriseInput,
  startCore,
  validCode,
  type TestCore,
  def,
} from './core-fixtures';
import { MIGRATIONS } from '../../db/migrations';

let t: TestCore;
beforeEach(() => {
  t = startCore();
});
afterEach(() => t.core.close());

describe('profile and app info', () => {
  it('reports the schema version, shell and data dir', async () => {
    const info = await t.ok('app.info', {});
    expect(info).toMatchObject({
      shell: 'browser',
      dataDir: t.dir,
      schemaVersion: MIGRATIONS.length,
    });
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('starts without a profile, sets one up once, and refuses a second setup', async () => {
    expect(await t.ok('profile.get', {})).toBeNull();
    const p = await t.ok('profile.setup', PROFILE);
    expect(p).toMatchObject(PROFILE);
    expect(await t.ok('profile.get', {})).toEqual(p);
    const again = await t.call('profile.setup', { ...PROFILE, name: '李四' });
    expect(again).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: { key: 'e.alreadySetUp' } },
    });
    expect(t.count('profile')).toBe(1);
    const audit = await t.ok('audit.list', { entityType: 'profile', entityId: p.id });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', actorId: p.id, actorName: '张三' });
  });

  it('refuses writes before setup, with nothing written', async () => {
    const r = await t.call('enterprise.create', enterpriseInput());
    expect(r.ok ? null : r.error.code).toBe('NOT_SET_UP');
    expect(r.ok ? null : r.error.message.key).toBe('e.notSetUp');
    const s = await t.call('spotCheck.create', {});
    expect(s.ok ? null : s.error.code).toBe('NOT_SET_UP');
    expect(t.count('enterprises') + t.count('spot_checks') + t.count('audit_log')).toBe(0);
  });

  it('lists the catalog from the database', async () => {
    const cats = await t.ok('catalog.categories', {});
    expect(cats.map((c) => c.code)).toEqual([
      'CHILD',
      'BUILD',
      'FUEL',
      'AGRI',
      'AUTO',
      'FOODREL',
      'PHONE',
      'FOOD',
      'SPECEQ',
      'ENERGY',
    ]);
    // Admin edits to the table show up: the code reads the table, not the seed.
    t.db.prepare("UPDATE products SET standard = 'GB 175-2023' WHERE code = 'BUILD-CEMENT'").run();
    const build = def((await t.ok('catalog.categories', {})).find((c) => c.code === 'BUILD'));
    expect(build.products.find((p) => p.code === 'BUILD-CEMENT')?.standard).toBe('GB 175-2023');
  });
});

describe('enterprises through dispatch', () => {
  beforeEach(async () => {
    await t.ok('profile.setup', PROFILE);
  });

  it('creates, reads and audits an enterprise', async () => {
    const e = await t.ok(
      'enterprise.create',
      enterpriseInput({ creditCode: ' 91330100799655058b ' }),
    );
    expect(e.creditCode).toBe('91330100799655058B');
    expect(e.revision).toBe(1);
    expect(await t.ok('enterprise.get', { id: e.id })).toEqual(e);
    const audit = await t.ok('audit.list', { entityType: 'enterprise', entityId: e.id });
    expect(audit).toHaveLength(1);
    expect(def(audit[0]).changes).toContainEqual({
      path: 'name',
      old: null,
      new: '沈阳飞鹤乳业有限公司',
    });
  });

  it('refuses a duplicate credit code naming the holder, and writes nothing', async () => {
    const first = await t.ok('enterprise.create', enterpriseInput());
    const before = [t.count('enterprises'), t.count('audit_log'), t.count('enterprises_fts')];
    const dup = await t.call(
      'enterprise.create',
      enterpriseInput({ name: '另一家公司', creditCode: first.creditCode.toLowerCase() }),
    );
    const message = { key: 'e.duplicateCreditCode', params: { name: '沈阳飞鹤乳业有限公司' } };
    expect(dup).toEqual({
      ok: false,
      error: { code: 'DUPLICATE', message, fieldErrors: { creditCode: message } },
    });
    expect([t.count('enterprises'), t.count('audit_log'), t.count('enterprises_fts')]).toEqual(
      before,
    );
  });

  it('refuses invalid input with field errors, and writes nothing', async () => {
    const before = [t.count('enterprises'), t.count('audit_log')];
    const r = await t.call(
      'enterprise.create',
      enterpriseInput({ name: '', creditCode: '91330100799655058A', contactPhone: 'abc' }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.fieldErrors).toMatchObject({
      name: { key: 'v.required' },
      creditCode: { key: 'v.creditCode.checkChar' },
      contactPhone: { key: 'v.phone' },
    });
    expect([t.count('enterprises'), t.count('audit_log')]).toEqual(before);
  });

  it('updates with a revision check and audits old and new values', async () => {
    const e = await t.ok('enterprise.create', enterpriseInput());
    const values = enterpriseInput({ address: '沈阳市沈河区青年大街 1 号', listStatus: 'red' });
    const u = await t.ok('enterprise.update', { id: e.id, expectedRevision: 1, values });
    expect(u).toMatchObject({
      revision: 2,
      address: '沈阳市沈河区青年大街 1 号',
      listStatus: 'red',
      createdAt: e.createdAt,
    });
    expect(u.updatedAt > e.updatedAt).toBe(true);

    const stale = await t.call('enterprise.update', {
      id: e.id,
      expectedRevision: 1,
      values: enterpriseInput(),
    });
    expect(stale).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: { key: 'e.conflict', params: { revision: 2 } } },
    });

    const audit = await t.ok('audit.list', { entityType: 'enterprise', entityId: e.id });
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(def(audit[1]).changes).toEqual([
      { path: 'address', old: '沈阳市和平区中山路 100 号', new: '沈阳市沈河区青年大街 1 号' },
      { path: 'listStatus', old: 'none', new: 'red' },
    ]);
  });

  it('does not bump the revision for an unchanged update', async () => {
    const e = await t.ok('enterprise.create', enterpriseInput());
    const same = await t.ok('enterprise.update', {
      id: e.id,
      expectedRevision: 1,
      values: enterpriseInput(),
    });
    expect(same.revision).toBe(1);
    expect(await t.ok('audit.list', { entityType: 'enterprise', entityId: e.id })).toHaveLength(1);
  });

  it("refuses to move an enterprise onto another one's credit code", async () => {
    const a = await t.ok('enterprise.create', enterpriseInput());
    const b = await t.ok(
      'enterprise.create',
      enterpriseInput({ name: '大连某公司', creditCode: validCode('91210200MA0P4X2K2') }),
    );
    const r = await t.call('enterprise.update', {
      id: b.id,
      expectedRevision: 1,
      values: enterpriseInput({ name: '大连某公司', creditCode: a.creditCode }),
    });
    expect(r.ok ? null : r.error.code).toBe('DUPLICATE');
    expect((await t.ok('enterprise.get', { id: b.id })).creditCode).toBe(b.creditCode);
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    const r = await t.call('enterprise.get', { id: '01900000-0000-7000-8000-000000000000' });
    expect(r.ok ? null : r.error.code).toBe('NOT_FOUND');
  });

  it('searches, filters and pages enterprises', async () => {
    for (let i = 0; i < 5; i++) {
      await t.ok(
        'enterprise.create',
        enterpriseInput({
          name: i % 2 ? `鞍山钢铁${i}厂` : `本溪水泥${i}厂`,
          creditCode: validCode(`912103000000000${String(i).padStart(2, '0')}`),
          regionCode: i % 2 ? '210300' : '210500',
        }),
      );
    }
    const steel = await t.ok('enterprise.list', { q: '钢铁' });
    expect(steel.total).toBe(2);
    expect((await t.ok('enterprise.list', { regionCode: '210500' })).total).toBe(3);
    const page = await t.ok('enterprise.list', { sort: 'name', dir: 'asc', limit: 2, offset: 2 });
    expect(page.total).toBe(5);
    expect(page.rows).toHaveLength(2);
    const all = (await t.ok('enterprise.list', { sort: 'name', dir: 'asc' })).rows.map(
      (r) => r.name,
    );
    expect(page.rows.map((r) => r.name)).toEqual(all.slice(2, 4));
  });
});
