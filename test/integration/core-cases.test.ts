/**
 * Enforcement cases through dispatch on a real store: create, save, steps by the shared state
 * machine, permissions, revisions, deadlines and the list, opening a case from a failed spot
 * check, the timeline, and every write together with its audit entry and outbox mutation.
 */
import { createHash } from 'node:crypto';
import type { CaseRecord } from '../../shared/domain/case/record';
import { emptyCaseData } from '../../shared/schemas/case';
import { PROFILE, asDraft, completeData, def, startCore, type TestCore } from './core-fixtures';
import {
  ADMIN,
  INSPECTOR,
  INSPECTOR_2,
  SUPERVISOR,
  caseDoc,
  changesOf,
  deviceAs,
  fileableData,
  outboxRows,
  type Device,
} from './core-case-fixtures';

let t: TestCore;
beforeEach(async () => {
  t = startCore();
  await t.ok('profile.setup', PROFILE);
});
afterEach(() => t.core.close());

const profileId = async () => def(await t.ok('profile.get', {})).id;

describe('creating and saving a case', () => {
  it('creates a case in 受理 with the officer, an audit entry and a create mutation', async () => {
    const r = await t.ok('case.create', {});
    expect(r).toMatchObject({
      stage: 'accepted',
      rev: 1,
      pending: null,
      approvals: [],
      stageHistory: [],
      ownerName: '张三',
      ownerUserId: await profileId(),
    });
    expect(r.data.officers).toEqual([
      { userId: await profileId(), name: '张三', credentialNumber: 'LN-2101-0001' },
    ]);
    expect((await t.ok('case.get', { id: r.id })).record).toEqual(r);
    const audit = await t.ok('audit.list', { entityType: 'case', entityId: r.id });
    expect(audit.map((a) => a.action)).toEqual(['create']);
    const out = outboxRows(t, 'case');
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ entity_id: r.id, op: 'create', state: 'pending' });
    expect(changesOf(out[0])).toEqual({ data: r.data });
  });

  it('saves content with a revision check and sends only the changed leaves', async () => {
    const r = await t.ok('case.create', {});
    const data = structuredClone(r.data);
    data.cause = '涉嫌销售不合格水泥';
    data.amounts.goodsValue = '12000.50';
    const saved = await t.ok('case.save', { id: r.id, expectedRev: 1, data });
    expect(saved.rev).toBe(2);
    expect(saved.data.cause).toBe('涉嫌销售不合格水泥');

    const update = outboxRows(t, 'case')[1];
    expect(update).toMatchObject({ op: 'update' });
    expect(changesOf(update)).toEqual({
      'data.amounts.goodsValue': '12000.50',
      'data.cause': '涉嫌销售不合格水泥',
    });
    const audit = await t.ok('audit.list', { entityType: 'case', entityId: r.id });
    expect(def(audit[1]).changes).toEqual([
      { path: 'cause', old: '', new: '涉嫌销售不合格水泥' },
      { path: 'amounts.goodsValue', old: '', new: '12000.50' },
    ]);

    // The same content again is not a new revision; an edit from an older one is refused.
    expect((await t.ok('case.save', { id: r.id, expectedRev: 2, data })).rev).toBe(2);
    const stale = await t.call('case.save', { id: r.id, expectedRev: 1, data: emptyCaseData() });
    expect(stale).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: { key: 'e.conflict', params: { revision: 2 } } },
    });
    expect(outboxRows(t, 'case')).toHaveLength(2);
    expect((await t.ok('case.get', { id: r.id })).record.data.cause).toBe('涉嫌销售不合格水泥');
  });

  it('refuses invalid content field by field and keeps the stored case', async () => {
    const r = await t.ok('case.create', {});
    const res = await t.call('case.save', {
      id: r.id,
      expectedRev: 1,
      data: { ...r.data, amounts: { ...r.data.amounts, fine: '十万' } },
    });
    expect(res.ok ? null : res.error.code).toBe('VALIDATION');
    expect(res.ok ? null : Object.keys(res.error.fieldErrors ?? {})).toEqual(['data.amounts.fine']);
    expect((await t.ok('case.get', { id: r.id })).record.rev).toBe(1);
  });

  it('writes nothing when any part of the write fails (record, audit and outbox together)', async () => {
    const before = ['cases', 'audit_log', 'outbox', 'cases_fts'].map(t.count);
    t.db.exec(`CREATE TEMP TRIGGER refuse_outbox BEFORE INSERT ON outbox
      BEGIN SELECT RAISE(ABORT, 'forced failure'); END`);
    const res = await t.call('case.create', { data: fileableData() });
    expect(res.ok).toBe(false);
    expect(['cases', 'audit_log', 'outbox', 'cases_fts'].map(t.count)).toEqual(before);

    t.db.exec('DROP TRIGGER refuse_outbox');
    const r = await t.ok('case.create', {});
    t.db.exec(`CREATE TEMP TRIGGER refuse_case_audit BEFORE INSERT ON audit_log
      WHEN NEW.entity_type = 'case' BEGIN SELECT RAISE(ABORT, 'forced failure'); END`);
    const data = { ...r.data, cause: '不会保存' };
    expect((await t.call('case.save', { id: r.id, expectedRev: 1, data })).ok).toBe(false);
    expect((await t.ok('case.get', { id: r.id })).record).toEqual(r);
    expect(outboxRows(t, 'case')).toHaveLength(1);
  });
});

describe('steps by the state machine', () => {
  it('refuses a step whose content is missing, naming each field', async () => {
    const r = await t.ok('case.create', {});
    const res = await t.call('case.transition', {
      id: r.id,
      expectedRev: 1,
      transition: 'file',
      opinion: '建议立案',
    });
    expect(res).toEqual({
      ok: false,
      error: {
        code: 'RULE',
        message: { key: 'caseRule.incomplete', params: { transition: 'file' } },
        fieldErrors: {
          source: { key: 'v.required' },
          cause: { key: 'v.required' },
          discoveredAt: { key: 'v.required' },
          facts: { key: 'v.required' },
          parties: { key: 'caseRule.needParty' },
          officers: { key: 'caseRule.needTwoOfficers' },
        },
      },
    });
    expect(outboxRows(t, 'case')).toHaveLength(1);
  });

  it('asks for 立案 with the handler opinion; other steps wait while it is pending', async () => {
    const r = await t.ok('case.create', { data: fileableData() });
    const noOpinion = await t.call('case.transition', {
      id: r.id,
      expectedRev: 1,
      transition: 'file',
      opinion: ' ',
    });
    expect(noOpinion.ok ? null : noOpinion.error.message.key).toBe('caseRule.opinionRequired');
    const illegal = await t.call('case.transition', {
      id: r.id,
      expectedRev: 1,
      transition: 'notify',
      opinion: '',
    });
    expect(illegal.ok ? null : illegal.error).toEqual({
      code: 'RULE',
      message: { key: 'caseRule.illegal', params: { transition: 'notify', stage: 'accepted' } },
    });

    const asked = await t.ok('case.transition', {
      id: r.id,
      expectedRev: 1,
      transition: 'file',
      opinion: '证据确凿，建议立案',
    });
    expect(asked.stage).toBe('accepted');
    expect(asked.pending).toMatchObject({
      step: 'file',
      rev: 1,
      outcome: 'pending',
      signatures: [
        {
          level: 'handler',
          decision: 'request',
          opinion: '证据确凿，建议立案',
          signerName: '张三',
          date: '2026-05-01',
        },
      ],
    });
    const out = outboxRows(t, 'case');
    expect(out.map((o) => o.op)).toEqual(['create', 'transition']);
    expect(changesOf(out[1])).toEqual({ transition: 'file', opinion: '证据确凿，建议立案' });
    const audit = await t.ok('audit.list', { entityType: 'case', entityId: r.id });
    expect(audit.map((a) => a.action)).toEqual(['create', 'request']);

    const again = await t.call('case.transition', {
      id: r.id,
      expectedRev: 1,
      transition: 'notFile',
      opinion: '不予立案',
    });
    expect(again.ok ? null : again.error.message).toEqual({
      key: 'caseRule.pending',
      params: { step: 'file' },
    });
    const detail = await t.ok('case.get', { id: r.id });
    expect(detail).toMatchObject({ available: [], nextLevel: 'review', canEdit: true });
    // Asking with a revision older than the stored one is a conflict, not a rule refusal.
    const stale = await t.call('case.transition', {
      id: r.id,
      expectedRev: 0,
      transition: 'file',
      opinion: 'x',
    });
    expect(stale.ok ? null : stale.error.code).toBe('CONFLICT');
  });

  it('takes a step without approval at once and records it in the stage history', async () => {
    const d = deviceAs(INSPECTOR);
    try {
      const r = await d.ok('case.create', { data: fileableData() });
      d.store.db.prepare("UPDATE outbox SET state = 'done'").run();
      d.pull({
        entity: 'case',
        id: r.id,
        doc: caseDoc(r, { stage: 'investigating', filedAt: '2026-04-25' }),
      });
      const data = {
        ...r.data,
        onSite: { ...r.data.onSite, findings: '成品库存放该批次产品 200 罐' },
      };
      const saved = await d.ok('case.save', { id: r.id, expectedRev: 1, data });
      const moved = await d.ok('case.transition', {
        id: r.id,
        expectedRev: saved.rev,
        transition: 'concludeInvestigation',
        opinion: '',
      });
      expect(moved.stage).toBe('reviewing');
      expect(moved.stageHistory).toEqual([
        {
          transition: 'concludeInvestigation',
          from: 'investigating',
          to: 'reviewing',
          at: moved.updatedAt,
          byId: INSPECTOR.id,
          byName: INSPECTOR.name,
        },
      ]);
      const audit = await d.ok('audit.list', { entityType: 'case', entityId: r.id });
      expect(audit.at(-1)).toMatchObject({
        action: 'transition',
        changes: [
          { path: 'transition', old: null, new: 'concludeInvestigation' },
          { path: 'stage', old: 'investigating', new: 'reviewing' },
        ],
      });
    } finally {
      d.close();
    }
  });

  it('locks what a reached stage settled and refuses the decision while the statement window is open', async () => {
    const d = deviceAs(INSPECTOR);
    try {
      const r = await d.ok('case.create', { data: fileableData() });
      d.store.db.prepare("UPDATE outbox SET state = 'done'").run();
      // The server approved 立案: the lead's source is settled now.
      d.pull({
        entity: 'case',
        id: r.id,
        doc: caseDoc(r, { stage: 'investigating', filedAt: '2026-04-25' }),
      });
      const locked = await d.call('case.save', {
        id: r.id,
        expectedRev: 1,
        data: { ...r.data, source: 'inspection' },
      });
      expect(locked.ok ? null : locked.error).toEqual({
        code: 'RULE',
        message: { key: 'caseRule.locked', params: { field: 'source', stage: 'investigating' } },
      });

      // 告知书 delivered on 2026-04-30: 陈述申辩 runs five working days (劳动节 1-5 May off,
      // Saturday 9 May worked), to 2026-05-11.
      const notified = {
        ...r.data,
        legalBasis: '《产品质量法》第十三条',
        penaltyBasis: '《产品质量法》第四十九条',
        notice: { ...r.data.notice, deliveredAt: '2026-04-30' },
        decision: { ...r.data.decision, content: '没收违法产品，并处罚款' },
      };
      d.pull({
        entity: 'case',
        id: r.id,
        doc: caseDoc(r, { stage: 'notified', filedAt: '2026-04-25', data: notified }),
      });
      const early = await d.call('case.transition', {
        id: r.id,
        expectedRev: 1,
        transition: 'decide',
        opinion: '建议处罚',
      });
      expect(early.ok ? null : early.error).toEqual({
        code: 'RULE',
        message: { key: 'caseRule.statementWindowOpen', params: { end: '2026-05-11' } },
      });
      // Waived in writing: the decision may be asked for.
      const waived = { ...notified, notice: { ...notified.notice, waived: true } };
      const saved = await d.ok('case.save', { id: r.id, expectedRev: 1, data: waived });
      const asked = await d.ok('case.transition', {
        id: r.id,
        expectedRev: saved.rev,
        transition: 'decide',
        opinion: '建议处罚',
      });
      expect(asked.pending?.step).toBe('decide');
    } finally {
      d.close();
    }
  });
});

describe('permissions in the core', () => {
  it('an admin cannot create cases; nobody edits or steps another officer’s case', async () => {
    const admin = deviceAs(ADMIN);
    try {
      const res = await admin.call('case.create', {});
      expect(res.ok ? null : res.error).toEqual({
        code: 'FORBIDDEN',
        message: { key: 'perm.roleCannot' },
      });
    } finally {
      admin.close();
    }

    const sup = deviceAs(SUPERVISOR);
    try {
      const theirs = await t.ok('case.create', { data: fileableData() });
      sup.pull({
        entity: 'case',
        id: theirs.id,
        doc: caseDoc(theirs, { ownerUserId: INSPECTOR.id, ownerName: INSPECTOR.name }),
      });
      const edit = await sup.call('case.save', {
        id: theirs.id,
        expectedRev: 1,
        data: { ...theirs.data, cause: '改动' },
      });
      expect(edit.ok ? null : edit.error).toEqual({
        code: 'FORBIDDEN',
        message: { key: 'perm.notOwner' },
      });
      const step = await sup.call('case.transition', {
        id: theirs.id,
        expectedRev: 1,
        transition: 'file',
        opinion: '立案',
      });
      expect(step.ok ? null : step.error.code).toBe('FORBIDDEN');
      expect(await sup.ok('case.get', { id: theirs.id })).toMatchObject({
        canEdit: false,
        canReview: false,
        available: [],
      });
      expect(outboxRows(sup, 'case')).toEqual([]);
    } finally {
      sup.close();
    }
  });

  it('an inspector lists and opens only their own cases', async () => {
    const d = deviceAs(INSPECTOR);
    try {
      const mine = await d.ok('case.create', { data: fileableData() });
      const other = { ...mine, id: '01900000-0000-7000-8000-00000000c0de' };
      d.pull({
        entity: 'case',
        id: other.id,
        doc: caseDoc(other, { ownerUserId: INSPECTOR_2.id, ownerName: INSPECTOR_2.name }),
      });
      const list = await d.ok('case.list', {});
      expect(list.rows.map((r) => r.id)).toEqual([mine.id]);
      const res = await d.call('case.get', { id: other.id });
      expect(res.ok ? null : res.error.message.key).toBe('perm.notOwner');
    } finally {
      d.close();
    }
  });
});

describe('deadlines and the list', () => {
  const at = async (discoveredAt: string, cause: string): Promise<CaseRecord> =>
    t.ok('case.create', { data: fileableData((d) => Object.assign(d, { discoveredAt, cause })) });

  it('computes running deadlines for today and sorts the list by the nearest one', async () => {
    const ok = await at('2026-04-20', '案件甲 水泥');
    const overdue = await at('2026-04-01', '案件乙 钢筋');
    const none = await t.ok('case.create', {});
    const soon = await at('2026-04-10', '案件丙 奶粉');

    const detail = await t.ok('case.get', { id: ok.id });
    expect(detail.deadlines).toEqual([
      expect.objectContaining({
        key: 'filing',
        startedOn: '2026-04-20',
        due: '2026-05-13',
        daysLeft: 12,
        state: 'ok',
      }),
    ]);
    expect((await t.ok('case.get', { id: overdue.id })).deadlines[0]).toMatchObject({
      due: '2026-04-23',
      state: 'overdue',
    });

    const list = await t.ok('case.list', {});
    expect(list.total).toBe(4);
    expect(list.rows.map((r) => r.id)).toEqual([overdue.id, soon.id, ok.id, none.id]);
    expect(list.rows[0]).toMatchObject({
      stage: 'accepted',
      cause: '案件乙 钢筋',
      partyName: '沈阳飞鹤乳业有限公司',
      productName: '婴幼儿配方奶粉',
      source: 'complaint',
      ownerName: '张三',
      nearestDeadline: expect.objectContaining({ key: 'filing', state: 'overdue' }),
    });
    expect(list.rows[3]?.nearestDeadline).toBeNull();
    // Cases without a deadline stay last in either direction.
    const desc = await t.ok('case.list', { dir: 'desc' });
    expect(desc.rows.map((r) => r.id)).toEqual([ok.id, soon.id, overdue.id, none.id]);

    // A write that moves the start moves the case in the list (next_due is rewritten).
    const later = { ...overdue.data, discoveredAt: '2026-04-28' };
    await t.ok('case.save', { id: overdue.id, expectedRev: 1, data: later });
    const resorted = await t.ok('case.list', {});
    expect(resorted.rows.map((r) => r.id)).toEqual([soon.id, ok.id, overdue.id, none.id]);
  });

  it('searches 案由, 当事人 and 产品, filters by stage and pending steps', async () => {
    const a = await at('2026-04-20', '涉嫌销售不合格水泥');
    const b = await t.ok('case.create', {
      data: fileableData((d) => {
        d.cause = '涉嫌生产假冒钢筋';
        d.parties[0] = { ...def(d.parties[0]), name: '鞍山钢铁有限公司' };
        d.product.name = '热轧带肋钢筋';
      }),
    });
    const ids = async (q: object) => (await t.ok('case.list', q)).rows.map((r) => r.id).sort();
    expect(await ids({ q: '水泥' })).toEqual([a.id]);
    expect(await ids({ q: '鞍山' })).toEqual([b.id]);
    expect(await ids({ q: '带肋' })).toEqual([b.id]);
    expect(await ids({ q: '奶粉' })).toEqual([a.id]);
    expect(await ids({ stages: ['closed'] })).toEqual([]);
    await t.ok('case.transition', {
      id: b.id,
      expectedRev: 1,
      transition: 'file',
      opinion: '立案',
    });
    expect(await ids({ pendingOnly: true })).toEqual([b.id]);
    expect((await t.ok('case.list', { pendingOnly: true })).rows[0]?.pendingStep).toBe('file');
  });

  it('lists the deadline rule sets with their legal sources', async () => {
    const rules = await t.ok('deadlines.rules', {});
    expect(rules.map((s) => s.id)).toContain('samr-2021');
    expect(rules[0]?.rules.find((r) => r.key === 'filing')?.source).toMatch(/第十八条/);
  });
});

describe('opening a case from a failed spot check', () => {
  const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(1500, 3)]);

  async function submittedSpotCheck(conclusion: 'pass' | 'fail' | '') {
    const data = completeData((d) => {
      d.result = {
        conclusion,
        reportNumber: 'JY-2026-0456',
        reportDate: '2026-04-28',
        failedItems: '蛋白质含量',
      };
      d.producer = {
        ...d.producer,
        sameAsSampledUnit: false,
        name: '黑龙江飞鹤乳业有限公司',
        address: '齐齐哈尔市克东县',
        contactPhone: '',
      };
    });
    const sc = await t.ok('spotCheck.create', { data: asDraft(data) });
    await t.ok('attachments.add', {
      ownerType: 'spotCheck',
      ownerId: sc.id,
      fileName: '封样照片.jpg',
      mimeType: 'image/jpeg',
      dataBase64: JPEG.toString('base64'),
    } as never);
    return t.ok('spotCheck.submit', { id: sc.id, expectedRevision: sc.revision });
  }

  it('refuses a spot check that did not fail', async () => {
    const passed = await submittedSpotCheck('pass');
    const res = await t.call('case.openFromSpotCheck', { spotCheckId: passed.id });
    expect(res).toEqual({
      ok: false,
      error: { code: 'RULE', message: { key: 'caseRule.spotCheckNotFailed' } },
    });
    expect(t.count('cases')).toBe(0);
  });

  it('carries over parties, product, officers, the result and the photos', async () => {
    const sc = await submittedSpotCheck('fail');
    const r = await t.ok('case.openFromSpotCheck', { spotCheckId: sc.id });
    const d = r.data;
    expect(d.source).toBe('failedSpotCheck');
    expect(d.sourceRef).toBe('LNJD-2026-000123 / JY-2026-0456');
    expect(d.discoveredAt).toBe('2026-04-28');
    expect(d.linkedSpotCheckIds).toEqual([sc.id]);
    expect(d.parties.map((p) => p.name)).toEqual([
      '沈阳飞鹤乳业有限公司',
      '黑龙江飞鹤乳业有限公司',
    ]);
    expect(d.parties[0]).toMatchObject({
      kind: 'enterprise',
      creditCode: sc.data.sampledUnit.creditCode,
      legalRepresentative: '李四',
      phone: '13912345678',
    });
    expect(d.product).toEqual({
      name: '婴幼儿配方奶粉',
      brand: '飞鹤',
      model: '900g/罐',
      batchNumber: '20260401A',
      quantity: '',
      unit: '罐',
    });
    // The samplers are the officers; the acting officer is one of them, with their user id.
    expect(d.officers).toEqual([
      { userId: await profileId(), name: '张三', credentialNumber: 'LN-2101-0001' },
      { userId: '', name: '赵六', credentialNumber: 'LN-2101-0002' },
    ]);
    expect(d.facts).toContain('JY-2026-0456');
    expect(d.facts).toContain('蛋白质含量');
    expect(d.evidence.map((e) => e.kind)).toEqual(['sample', 'photo']);
    expect(d.evidence[1]).toMatchObject({
      title: '封样照片.jpg',
      attachmentSha256: createHash('sha256').update(JPEG).digest('hex'),
    });
    expect(d.evidence[0]?.title).toContain('LNJD-2026-000123');
    // All 立案 needs was carried over but the 案由, which the officer words.
    const asked = await t.call('case.transition', {
      id: r.id,
      expectedRev: 1,
      transition: 'file',
      opinion: '抽检不合格，建议立案',
    });
    expect(asked.ok ? null : asked.error.fieldErrors).toEqual({ cause: { key: 'v.required' } });

    const twice = await t.call('case.openFromSpotCheck', { spotCheckId: sc.id });
    expect(twice).toEqual({
      ok: false,
      error: {
        code: 'DUPLICATE',
        message: { key: 'caseRule.alreadyOpened', params: { id: r.id } },
      },
    });
  });

  it('answers NOT_FOUND for an unknown spot check', async () => {
    const res = await t.call('case.openFromSpotCheck', {
      spotCheckId: '01900000-0000-7000-8000-000000000bad',
    });
    expect(res.ok ? null : res.error.code).toBe('NOT_FOUND');
  });
});

describe('timeline', () => {
  it('shows who created, edited and asked for a step, and what arrived by sync', async () => {
    const d: Device = deviceAs(INSPECTOR);
    try {
      const r = await d.ok('case.create', { data: fileableData() });
      const saved = await d.ok('case.save', {
        id: r.id,
        expectedRev: 1,
        data: { ...r.data, facts: `${r.data.facts}另查明库存 200 罐。` },
      });
      await d.ok('case.transition', {
        id: r.id,
        expectedRev: saved.rev,
        transition: 'file',
        opinion: '建议立案',
      });
      d.store.db.prepare("UPDATE outbox SET state = 'done'").run();
      const local = (await d.ok('case.get', { id: r.id })).record;
      // The server's answer: 审核 and 审批 signed, the case filed.
      const approved = {
        ...def(local.pending),
        signatures: [
          ...def(local.pending).signatures,
          sig('review', '同意', '2026-05-02T01:00:00.000Z'),
          sig('approve', '同意立案', '2026-05-02T02:00:00.000Z'),
        ],
        outcome: 'approved' as const,
      };
      d.pull({
        entity: 'case',
        id: r.id,
        doc: caseDoc(local, {
          stage: 'investigating',
          pending: null,
          approvals: [approved],
          filedAt: '2026-05-02',
          stageHistory: [
            {
              transition: 'file',
              from: 'accepted',
              to: 'investigating',
              at: '2026-05-02T02:00:00.000Z',
              byId: SUPERVISOR.id,
              byName: SUPERVISOR.name,
            },
          ],
        }),
      });
      const timeline = await d.ok('case.timeline', { id: r.id });
      expect(timeline.map((e) => [e.kind, e.actorName, e.level ?? null])).toEqual([
        ['create', '张三', null],
        ['edit', '张三', null],
        ['request', '张三', 'handler'],
        ['sync', '中心服务器（同步）', null],
        ['approve', '钱科长', 'review'],
        ['approve', '钱科长', 'approve'],
        ['stage', '钱科长', null],
      ]);
      expect(timeline[1]?.fields).toEqual(['facts']);
      expect(timeline[2]).toMatchObject({ transition: 'file', opinion: '建议立案' });
      expect(timeline[6]).toMatchObject({ from: 'accepted', to: 'investigating' });
    } finally {
      d.close();
    }
  });
});

function sig(level: 'review' | 'approve', opinion: string, at: string) {
  return {
    level,
    decision: 'approve' as const,
    opinion,
    signerId: SUPERVISOR.id,
    signerName: SUPERVISOR.name,
    date: at.slice(0, 10),
    at,
  };
}
