import { emptySpotCheckData } from '../../shared/schemas/spotCheck';
import {
  PROFILE,
  asDraft,
  completeData,
  enterpriseInput,
  startCore,
  type TestCore,
  def,
} from './core-fixtures';

let t: TestCore;
beforeEach(async () => {
  t = startCore();
  await t.ok('profile.setup', PROFILE);
});
afterEach(() => t.core.close());

async function draftWith(data = completeData()) {
  const created = await t.ok('spotCheck.create', { data: asDraft(data) });
  return created;
}

describe('spot-check drafts', () => {
  it('creates a full-shape draft with the inspector as first sampler', async () => {
    const r = await t.ok('spotCheck.create', {});
    expect(r).toMatchObject({
      status: 'draft',
      version: 1,
      revision: 1,
      supersedesId: null,
      supersededById: null,
      submittedAt: null,
    });
    expect(r.data).toEqual({
      ...emptySpotCheckData(),
      samplers: [
        { name: '张三', credentialNumber: 'LN-2101-0001' },
        { name: '', credentialNumber: '' },
      ],
    });
    expect((await t.ok('spotCheck.get', { id: r.id })).record).toEqual(r);
  });

  it('prefills the sampled unit from an enterprise', async () => {
    const e = await t.ok('enterprise.create', enterpriseInput());
    const r = await t.ok('spotCheck.create', { enterpriseId: e.id });
    expect(r.data.sampledUnit).toMatchObject({
      enterpriseId: e.id,
      name: e.name,
      creditCode: e.creditCode,
      regionCode: e.regionCode,
      address: e.address,
      legalRepresentative: e.legalRepresentative,
      contactPhone: e.contactPhone,
      licenceNumber: e.licenceNumber,
    });
    const missing = await t.call('spotCheck.create', {
      enterpriseId: '01900000-0000-7000-8000-000000000000',
    });
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
  });

  it('saves drafts with a revision check, skipping unchanged autosaves', async () => {
    const r = await t.ok('spotCheck.create', {});
    const data = structuredClone(r.data);
    data.sample.batchNumber = '20260401A';
    const saved = await t.ok('spotCheck.saveDraft', {
      id: r.id,
      expectedRevision: 1,
      data: asDraft(data),
    });
    expect(saved.revision).toBe(2);
    expect(saved.data.sample.batchNumber).toBe('20260401A');

    const auditBefore = t.count('audit_log');
    const again = await t.ok('spotCheck.saveDraft', {
      id: r.id,
      expectedRevision: 2,
      data: asDraft(data),
    });
    expect(again.revision).toBe(2);
    expect(again.updatedAt).toBe(saved.updatedAt);
    expect(t.count('audit_log')).toBe(auditBefore);

    const stale = await t.call('spotCheck.saveDraft', {
      id: r.id,
      expectedRevision: 1,
      data: asDraft(emptySpotCheckData()),
    });
    expect(stale).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: { key: 'e.conflict', params: { revision: 2 } } },
    });
    expect((await t.ok('spotCheck.get', { id: r.id })).record.data.sample.batchNumber).toBe(
      '20260401A',
    );
  });

  it('records each change in the audit trail with old and new values', async () => {
    const r = await t.ok('spotCheck.create', {});
    const data = structuredClone(r.data);
    data.sample.batchNumber = 'B-1';
    data.samplers[1] = { name: '赵六', credentialNumber: 'LN-2101-0002' };
    await t.ok('spotCheck.saveDraft', { id: r.id, expectedRevision: 1, data: asDraft(data) });
    data.sample.batchNumber = 'B-2';
    await t.ok('spotCheck.saveDraft', { id: r.id, expectedRevision: 2, data: asDraft(data) });

    const audit = await t.ok('audit.list', { entityType: 'spotCheck', entityId: r.id });
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update']);
    expect(def(audit[1]).changes).toEqual([
      { path: 'sample.batchNumber', old: '', new: 'B-1' },
      { path: 'samplers.1.name', old: '', new: '赵六' },
      { path: 'samplers.1.credentialNumber', old: '', new: 'LN-2101-0002' },
    ]);
    expect(def(audit[2]).changes).toEqual([{ path: 'sample.batchNumber', old: 'B-1', new: 'B-2' }]);
    expect(audit[2]).toMatchObject({ actorName: '张三' });
    expect(def(audit[1]).at < def(audit[2]).at).toBe(true);
  });

  it('rejects malformed draft data before it reaches the store', async () => {
    const r = await t.ok('spotCheck.create', {});
    const before = t.count('audit_log');
    const bad = { ...r.data, sample: { ...r.data.sample, name: 123 } };
    const res = await t.call('spotCheck.saveDraft', {
      id: r.id,
      expectedRevision: 1,
      data: bad as never,
    });
    expect(res.ok ? null : res.error.fieldErrors).toEqual({
      'data.sample.name': { key: 'v.type' },
    });
    expect(t.count('audit_log')).toBe(before);
  });
});

describe('submit and correct', () => {
  it('reports every problem by path and writes nothing when invalid', async () => {
    const data = completeData((d) => {
      d.sample.batchNumber = '';
      d.samplers = [def(d.samplers[0])];
      d.sample.productionDate = '2026-12-01';
    });
    const r = await draftWith(data);
    const before = t.count('audit_log');
    const res = await t.call('spotCheck.submit', { id: r.id, expectedRevision: 1 });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('VALIDATION');
    expect(res.error.fieldErrors).toEqual({
      'sample.batchNumber': { key: 'v.required', params: { min: 1 } },
      samplers: { key: 'v.samplers.min', params: { min: 2 } },
      'sample.productionDate': { key: 'v.productionAfterSampling' },
    });
    const after = await t.ok('spotCheck.get', { id: r.id });
    expect(after.record).toEqual(r);
    expect(t.count('audit_log')).toBe(before);
  });

  it('refuses to settle a conflict by editing a record that has been submitted', async () => {
    const r = await draftWith(completeData());
    const s = await t.ok('spotCheck.submit', { id: r.id, expectedRevision: 1 });
    t.db
      .prepare(
        `INSERT INTO sync_conflicts (id, entity, entity_id, field, server_value, client_value, server_seq, state, reported, created_at)
         VALUES ('c-1', 'spotCheck', ?, 'data.sample.batchNumber', '"SERVER"', '"CLIENT"', 7, 'open', 1, ?)`,
      )
      .run(r.id, s.updatedAt);
    const outboxBefore = t.count('outbox');
    const res = await t.call('conflicts.resolve', { conflictId: 'c-1', choice: 'client' });
    expect(res.ok ? null : res.error.code).toBe('READ_ONLY');
    const after = await t.ok('spotCheck.get', { id: r.id });
    expect(after.record).toEqual(s);
    expect(t.count('outbox')).toBe(outboxBefore);
    expect(await t.ok('conflicts.list', {})).toHaveLength(1);
  });

  it('submits a complete record, which then becomes read-only', async () => {
    const r = await draftWith(
      completeData((d) => (d.sampledUnit.creditCode = d.sampledUnit.creditCode.toLowerCase())),
    );
    const s = await t.ok('spotCheck.submit', { id: r.id, expectedRevision: 1 });
    expect(s).toMatchObject({ status: 'submitted', revision: 2 });
    expect(s.submittedAt).toBe(s.updatedAt);
    // The validated (normalized) data is what is kept.
    expect(s.data.sampledUnit.creditCode).toBe(completeData().sampledUnit.creditCode);

    const edit = await t.call('spotCheck.saveDraft', {
      id: r.id,
      expectedRevision: 2,
      data: asDraft(completeData()),
    });
    expect(edit).toEqual({
      ok: false,
      error: { code: 'READ_ONLY', message: { key: 'e.readOnly' } },
    });
    const twice = await t.call('spotCheck.submit', { id: r.id, expectedRevision: 2 });
    expect(twice.ok ? null : twice.error.message.key).toBe('e.notDraft');

    const audit = await t.ok('audit.list', { entityType: 'spotCheck', entityId: r.id });
    expect(audit.at(-1)).toMatchObject({ action: 'submit' });
    expect(def(audit.at(-1)).changes[0]).toEqual({
      path: 'status',
      old: 'draft',
      new: 'submitted',
    });
  });

  it('refuses a submit from a stale revision', async () => {
    const r = await draftWith();
    const res = await t.call('spotCheck.submit', { id: r.id, expectedRevision: 7 });
    expect(res.ok ? null : res.error).toEqual({
      code: 'CONFLICT',
      message: { key: 'e.conflict', params: { revision: 1 } },
    });
    expect((await t.ok('spotCheck.get', { id: r.id })).record.status).toBe('draft');
  });

  it('creates a correction as a new linked version, once', async () => {
    const r = await draftWith();
    const notYet = await t.call('spotCheck.createCorrection', { id: r.id });
    expect(notYet.ok ? null : notYet.error.message.key).toBe('e.notSubmitted');

    const s = await t.ok('spotCheck.submit', { id: r.id, expectedRevision: 1 });
    const c = await t.ok('spotCheck.createCorrection', { id: r.id });
    expect(c).toMatchObject({
      status: 'draft',
      version: 2,
      supersedesId: r.id,
      supersededById: null,
      revision: 1,
    });
    expect(c.id).not.toBe(r.id);
    expect(c.data).toEqual(s.data);

    const old = await t.ok('spotCheck.get', { id: r.id });
    expect(old.record).toMatchObject({ status: 'submitted', supersededById: c.id, data: s.data });
    const chain = [
      { id: r.id, version: 1, status: 'submitted' },
      { id: c.id, version: 2, status: 'draft' },
    ];
    expect(old.versions).toEqual(chain);
    expect((await t.ok('spotCheck.get', { id: c.id })).versions).toEqual(chain);

    const second = await t.call('spotCheck.createCorrection', { id: r.id });
    expect(second.ok ? null : second.error).toEqual({
      code: 'CONFLICT',
      message: { key: 'e.alreadyCorrected', params: { version: 2 } },
    });
    const stillReadOnly = await t.call('spotCheck.saveDraft', {
      id: r.id,
      expectedRevision: old.record.revision,
      data: asDraft(s.data),
    });
    expect(stillReadOnly.ok ? null : stillReadOnly.error.code).toBe('READ_ONLY');

    // The correction itself is an editable draft.
    const edited = structuredClone(c.data);
    edited.sample.batchNumber = '20260401B';
    expect(
      (await t.ok('spotCheck.saveDraft', { id: c.id, expectedRevision: 1, data: asDraft(edited) }))
        .revision,
    ).toBe(2);

    expect(
      (await t.ok('audit.list', { entityType: 'spotCheck', entityId: c.id }))[0],
    ).toMatchObject({
      action: 'correct',
      changes: [
        { path: 'supersedesId', old: null, new: r.id },
        { path: 'version', old: null, new: 2 },
      ],
    });
    expect(
      (await t.ok('audit.list', { entityType: 'spotCheck', entityId: r.id })).at(-1),
    ).toMatchObject({
      action: 'correct',
      changes: [{ path: 'supersededById', old: null, new: c.id }],
    });
  });
});

describe('spot-check lists', () => {
  async function seed() {
    const specs = [
      { name: '婴幼儿配方奶粉', date: '2026-03-01', region: '210100', cat: 'FOOD', rec: 'A-003' },
      { name: '普通硅酸盐水泥', date: '2026-03-05', region: '210200', cat: 'BUILD', rec: 'A-001' },
      { name: '热轧带肋钢筋', date: '2026-04-10', region: '210200', cat: 'BUILD', rec: 'A-005' },
      { name: '全脂奶粉', date: '2026-04-20', region: '210300', cat: 'FOOD', rec: 'A-002' },
      { name: '塑胶玩具', date: '2026-05-01', region: '210100', cat: 'CHILD', rec: 'A-004' },
    ];
    const ids: string[] = [];
    for (const s of specs) {
      const r = await draftWith(
        completeData((d) => {
          d.sample.name = s.name;
          d.sample.samplingDate = s.date;
          d.sample.productionDate = '';
          d.sampledUnit.regionCode = s.region as never;
          d.basic.categoryCode = s.cat;
          d.basic.recordNumber = s.rec;
        }),
      );
      ids.push(r.id);
    }
    return ids;
  }

  it('finds 婴幼儿配方奶粉 with the two-character query 奶粉, and single characters', async () => {
    await seed();
    const milk = await t.ok('spotCheck.list', { q: '奶粉' });
    expect(milk.total).toBe(2);
    expect(milk.rows.map((r) => r.sampleName).sort()).toEqual(['全脂奶粉', '婴幼儿配方奶粉']);
    expect((await t.ok('spotCheck.list', { q: '婴幼儿' })).rows.map((r) => r.sampleName)).toEqual([
      '婴幼儿配方奶粉',
    ]);
    expect((await t.ok('spotCheck.list', { q: '泥' })).rows.map((r) => r.sampleName)).toEqual([
      '普通硅酸盐水泥',
    ]);
    expect((await t.ok('spotCheck.list', { q: '钢筋' })).total).toBe(1);
    expect((await t.ok('spotCheck.list', { q: '奶酪' })).total).toBe(0);
  });

  it('keeps search in step with saves', async () => {
    const [first] = await seed();
    const rec = (await t.ok('spotCheck.get', { id: def(first) })).record;
    rec.data.sample.name = '较大婴儿配方乳粉';
    await t.ok('spotCheck.saveDraft', {
      id: rec.id,
      expectedRevision: rec.revision,
      data: asDraft(rec.data),
    });
    expect((await t.ok('spotCheck.list', { q: '奶粉' })).total).toBe(1);
    expect((await t.ok('spotCheck.list', { q: '乳粉' })).rows.map((r) => r.id)).toEqual([first]);
  });

  it('filters by status, date range, category, region and currentOnly', async () => {
    const ids = await seed();
    await t.ok('spotCheck.submit', { id: def(ids[1]), expectedRevision: 1 });
    await t.ok('spotCheck.submit', { id: def(ids[2]), expectedRevision: 1 });
    const corr = await t.ok('spotCheck.createCorrection', { id: def(ids[2]) });

    const names = async (q: object) =>
      (await t.ok('spotCheck.list', { sort: 'recordNumber', dir: 'asc', ...q })).rows.map(
        (r) => r.sampleName,
      );
    expect(await names({ statuses: ['submitted'] })).toEqual(['普通硅酸盐水泥', '热轧带肋钢筋']);
    expect(await names({ dateFrom: '2026-03-05', dateTo: '2026-04-20' })).toEqual([
      '普通硅酸盐水泥',
      '全脂奶粉',
      '热轧带肋钢筋',
      '热轧带肋钢筋',
    ]);
    expect(await names({ categoryCode: 'BUILD', regionCode: '210200' })).toEqual([
      '普通硅酸盐水泥',
      '热轧带肋钢筋',
      '热轧带肋钢筋',
    ]);
    const current = await t.ok('spotCheck.list', { categoryCode: 'BUILD', currentOnly: true });
    expect(current.total).toBe(2);
    expect(current.rows.map((r) => r.id)).toContain(corr.id);
    expect(current.rows.map((r) => r.id)).not.toContain(ids[2]);
    expect(await names({ q: '奶粉', regionCode: '210300' })).toEqual(['全脂奶粉']);
    expect(
      await names({ regionCode: '210200', dateFrom: '2026-04-01', dateTo: '2026-12-31' }),
    ).toEqual(['热轧带肋钢筋', '热轧带肋钢筋']);
  });

  it('sorts in both directions and pages without overlap', async () => {
    await seed();
    const byRec = await t.ok('spotCheck.list', { sort: 'recordNumber', dir: 'asc' });
    expect(byRec.rows.map((r) => r.recordNumber)).toEqual([
      'A-001',
      'A-002',
      'A-003',
      'A-004',
      'A-005',
    ]);
    const byDate = await t.ok('spotCheck.list', { sort: 'samplingDate', dir: 'desc' });
    expect(byDate.rows.map((r) => r.samplingDate)).toEqual([
      '2026-05-01',
      '2026-04-20',
      '2026-04-10',
      '2026-03-05',
      '2026-03-01',
    ]);
    const newest = await t.ok('spotCheck.list', {});
    expect(def(newest.rows[0]).sampleName).toBe('塑胶玩具');

    const p1 = await t.ok('spotCheck.list', {
      sort: 'recordNumber',
      dir: 'asc',
      limit: 2,
      offset: 0,
    });
    const p2 = await t.ok('spotCheck.list', {
      sort: 'recordNumber',
      dir: 'asc',
      limit: 2,
      offset: 2,
    });
    const p3 = await t.ok('spotCheck.list', {
      sort: 'recordNumber',
      dir: 'asc',
      limit: 2,
      offset: 4,
    });
    expect([p1.total, p2.total, p3.total]).toEqual([5, 5, 5]);
    expect([...p1.rows, ...p2.rows, ...p3.rows].map((r) => r.recordNumber)).toEqual(
      byRec.rows.map((r) => r.recordNumber),
    );
  });

  it('rejects an inverted date range as a validation error', async () => {
    const r = await t.call('spotCheck.list', { dateFrom: '2026-05-01', dateTo: '2026-04-01' });
    expect(r.ok ? null : r.error.fieldErrors).toEqual({ dateTo: { key: 'v.dateRange' } });
  });
});
