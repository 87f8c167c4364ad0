/** The documents methods through the core's API: wiring, input checks, a case made by the app. */
import { PROFILE, startCore, type TestCore } from './core-fixtures';

let c: TestCore;

beforeAll(async () => {
  c = startCore();
  await c.ok('profile.setup', PROFILE);
});

afterAll(async () => {
  await c.core.shutdown();
});

describe('documents API', () => {
  it('lists and previews the forms of a case made in the app', async () => {
    const created = await c.ok('case.create', {});
    const list = await c.ok('documents.list', { ownerType: 'case', ownerId: created.id });
    expect(list.map((d) => d.kind)).toEqual([
      'onSiteRecord',
      'filingApproval',
      'penaltyNotice',
      'penaltyDecision',
      'deliveryReceipt',
      'closingApproval',
    ]);
    expect(list.every((d) => d.printCount === 0 && !d.currentPrinted)).toBe(true);
    const preview = await c.ok('documents.preview', {
      ownerType: 'case',
      ownerId: created.id,
      kind: 'filingApproval',
    });
    expect(preview.html).toContain('<h1 class="title">立案审批表</h1>');
    expect(preview.html).toContain(PROFILE.unitName);
    expect(preview.payload).toBe(
      `FC1;case;${created.id};filingApproval;-;${created.rev};${preview.contentHash}`,
    );
    expect(preview.copy).toBe(false);
    // A preview is not a print.
    expect(await c.ok('documents.printLog', { ownerType: 'case', ownerId: created.id })).toEqual(
      [],
    );
    const verdict = await c.ok('documents.verify', { payload: preview.payload });
    expect(verdict).toMatchObject({ verdict: 'match', title: '立案审批表' });
  });

  it('refuses a form of the wrong owner, an unknown record and bad input', async () => {
    const created = await c.ok('case.create', {});
    const wrong = await c.call('documents.preview', {
      ownerType: 'case',
      ownerId: created.id,
      kind: 'samplingSheet',
    });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: { key: 'documents.noSuchForm' } },
    });
    const missing = await c.call('documents.list', {
      ownerType: 'spotCheck',
      ownerId: '0190f2a4-1b2c-7d3e-8f40-ffffffffffff',
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const bad = await c.call('documents.preview', {
      ownerType: 'case',
      ownerId: created.id,
      kind: 'letter' as 'filingApproval',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await c.ok('documents.verify', { payload: 'FC1;nonsense' })).toEqual({
      verdict: 'malformed',
    });
  });

  it('logs a print of a spot check’s sampling sheet and marks the reprint a copy', async () => {
    const sc = await c.ok('spotCheck.create', {});
    const ref = { ownerType: 'spotCheck' as const, ownerId: sc.id, kind: 'samplingSheet' as const };
    const first = await c.ok('documents.issue', { ...ref, output: 'print' });
    const second = await c.ok('documents.issue', { ...ref, output: 'print' });
    expect([first.copy, second.copy]).toEqual([false, true]);
    const log = await c.ok('documents.printLog', { ownerType: 'spotCheck', ownerId: sc.id });
    expect(log.map((e) => [e.copy, e.output, e.printedByName])).toEqual([
      [false, 'print', PROFILE.name],
      [true, 'print', PROFILE.name],
    ]);
    const audit = await c.ok('audit.list', { entityType: 'spotCheck', entityId: sc.id });
    const prints = audit.filter((a) => a.changes[0]?.path.startsWith('prints.'));
    expect(prints).toHaveLength(2);
    expect(prints[1]?.changes[0]?.new).toMatchObject({ kind: 'samplingSheet', copy: true });
  });

  it('numbers a numbered form when it is first printed, and does not print it without numbers', async () => {
    const created = await c.ok('case.create', {});
    const ref = {
      ownerType: 'case' as const,
      ownerId: created.id,
      kind: 'filingApproval' as const,
    };
    // At 受理 the 立案审批表 is a draft: printed with the number blank, no number drawn.
    const draft = await c.ok('documents.issue', { ...ref, output: 'print' });
    expect(draft.html).not.toContain('〕第');
    expect(await c.ok('numbers.list', { ownerType: 'case', ownerId: created.id })).toEqual([]);
    const numbering = {
      docType: 'filingApproval',
      ownerType: 'case',
      ownerId: created.id,
    } as const;
    expect(await c.call('numbers.issue', numbering)).toMatchObject({
      ok: false,
      error: { code: 'RULE', message: { key: 'numbers.notYet' } },
    });
    const reasonOf = async () =>
      (await c.ok('documents.list', { ownerType: 'case', ownerId: created.id })).find(
        (d) => d.kind === 'filingApproval',
      )?.blankNumberReason ?? null;
    // The list of forms says why the number is blank.
    expect(await reasonOf()).toMatchObject({ key: 'numbers.notYet' });
    c.db
      .prepare(
        "UPDATE cases SET stage = 'investigating', workflow = json_set(workflow, '$.stage', 'investigating') WHERE id = ?",
      )
      .run(created.id);

    const refused = await c.call('documents.issue', { ...ref, output: 'print' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'RULE', message: { key: 'numbers.empty' } },
    });
    expect(
      await c.ok('documents.printLog', { ownerType: 'case', ownerId: created.id }),
    ).toHaveLength(1);

    c.db
      .prepare(
        `INSERT INTO number_blocks (id, device_id, doc_type, year, prefix, seq_start, seq_end,
         next_seq, received_at) VALUES ('b1', 'd1', 'filingApproval', 2026, '沈市监立', 7, 9, 7, ?)`,
      )
      .run('2026-01-01T00:00:00.000Z');
    const first = await c.ok('documents.issue', { ...ref, output: 'print' });
    expect(first.html).toContain('编号：<span class="filled">沈市监立〔2026〕第7号</span>');
    expect(await reasonOf()).toBeNull();
    const again = await c.ok('documents.issue', { ...ref, output: 'print' });
    expect(again.copy).toBe(true);
    expect(again.html).toContain('沈市监立〔2026〕第7号');
    const log = await c.ok('documents.printLog', { ownerType: 'case', ownerId: created.id });
    expect(log.map((e) => e.documentNumber)).toEqual([
      '',
      '沈市监立〔2026〕第7号',
      '沈市监立〔2026〕第7号',
    ]);
    // Forms without a number of their own print without one.
    const onSite = await c.ok('documents.issue', { ...ref, kind: 'onSiteRecord', output: 'print' });
    expect(onSite.copy).toBe(false);
  });
});
