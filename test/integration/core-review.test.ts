/**
 * Supervisor review on a real store: the queue, approving and returning spot checks and case
 * steps (applied at once on the reviewer's device, replaced by the server's answer), the
 * permission rules, refused decisions, and the owner's side: a returned record is editable
 * again, an approved one is locked with the reason.
 */
import { settleRefusedReviews } from '../../core/sync/reviewSettle';
import { requestTransition } from '../../shared/domain/case/machine';
import { initialWorkflow, type CaseWorkflow } from '../../shared/domain/case/record';
import { asDraft, completeData, def } from './core-fixtures';
import {
  INSPECTOR,
  SUPERVISOR,
  UNIT,
  changesOf,
  deviceAs,
  fileableData,
  outboxRows,
  spotCheckDoc,
  type Device,
} from './core-case-fixtures';

const SPOT = '01900000-0000-7000-8000-00000000005c';
const CASE = '01900000-0000-7000-8000-0000000000ca';

/** An inspector's case whose 立案 waits for approval, as the server sends it. */
function pendingCaseDoc(over: Partial<CaseWorkflow> = {}): Record<string, unknown> {
  const data = fileableData();
  const asked = requestTransition(
    initialWorkflow(),
    data,
    INSPECTOR.id,
    INSPECTOR,
    { transition: 'file', opinion: '证据确凿，建议立案' },
    { today: '2026-04-30', at: '2026-04-30T02:00:00.000Z' },
  );
  if (!asked.ok) throw new Error(asked.error.key);
  return JSON.parse(
    JSON.stringify({
      ownerUserId: INSPECTOR.id,
      ownerName: INSPECTOR.name,
      unitId: UNIT,
      createdAt: '2026-04-29T02:00:00.000Z',
      updatedAt: '2026-04-30T02:00:00.000Z',
      ...asked.value,
      ...over,
      data,
    }),
  ) as Record<string, unknown>;
}

const decision = {
  targetType: 'spotCheck' as const,
  targetId: SPOT,
  step: 'submit' as const,
  level: 'approve' as const,
  decision: 'approve' as const,
  comment: '',
  targetRev: 3,
};

describe('the review queue and permissions', () => {
  it('is refused to an inspector, here and for deciding', async () => {
    const d = deviceAs(INSPECTOR);
    try {
      expect(await d.call('review.queue', {})).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: { key: 'perm.roleCannot' } },
      });
      d.pull({ entity: 'spotCheck', id: SPOT, doc: spotCheckDoc(completeData()) });
      const res = await d.call('review.decide', decision);
      expect(res.ok ? null : res.error.message.key).toBe('perm.roleCannot');
      expect(outboxRows(d, 'review')).toEqual([]);
    } finally {
      d.close();
    }
  });

  it('holds other people’s submitted spot checks and pending case steps, oldest first', async () => {
    const s = deviceAs(SUPERVISOR);
    try {
      s.pull(
        {
          entity: 'person',
          id: INSPECTOR.id,
          doc: { name: INSPECTOR.name, role: 'inspector', unitId: UNIT, credentialNumber: '' },
        },
        { entity: 'spotCheck', id: SPOT, doc: spotCheckDoc(completeData()) },
        {
          entity: 'spotCheck',
          id: '01900000-0000-7000-8000-0000000000d2',
          doc: spotCheckDoc(completeData(), { status: 'draft', submittedAt: null }),
        },
        { entity: 'case', id: CASE, doc: pendingCaseDoc() },
        {
          entity: 'case',
          id: '01900000-0000-7000-8000-0000000000cb',
          doc: pendingCaseDoc({ pending: null }),
        },
      );
      // The supervisor's own submitted record is not theirs to review.
      const own = await s.ok('spotCheck.create', { data: asDraft(completeData()) });
      await s.ok('spotCheck.submit', { id: own.id, expectedRevision: own.revision });

      const queue = await s.ok('review.queue', {});
      expect(queue).toEqual([
        {
          targetType: 'case',
          targetId: CASE,
          targetRev: 1,
          summary: expect.objectContaining({ id: CASE, stage: 'accepted', pendingStep: 'file' }),
          step: 'file',
          level: 'review',
          requestedAt: '2026-04-30T02:00:00.000Z',
          handlerOpinion: '证据确凿，建议立案',
        },
        {
          targetType: 'spotCheck',
          targetId: SPOT,
          targetRev: 3,
          summary: expect.objectContaining({ id: SPOT, status: 'submitted' }),
          ownerName: INSPECTOR.name,
          submittedAt: '2026-04-30T08:00:00.000Z',
        },
      ]);

      const mine = await s.call('review.decide', {
        ...decision,
        targetId: own.id,
        targetRev: (await s.ok('spotCheck.get', { id: own.id })).record.revision,
      });
      expect(mine).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: { key: 'perm.ownRecordReview' } },
      });
    } finally {
      s.close();
    }
  });
});

describe('deciding on a spot check', () => {
  let s: Device;
  beforeEach(() => {
    s = deviceAs(SUPERVISOR);
    s.pull({ entity: 'spotCheck', id: SPOT, doc: spotCheckDoc(completeData()) });
  });
  afterEach(() => s.close());

  it('approves at once: the queue empties, the decision is recorded and sent', async () => {
    const review = await s.ok('review.decide', { ...decision, comment: '符合要求' });
    expect(review).toMatchObject({
      ...decision,
      comment: '符合要求',
      reviewerId: SUPERVISOR.id,
      reviewerName: SUPERVISOR.name,
      outcome: null,
    });
    const record = (await s.ok('spotCheck.get', { id: SPOT })).record;
    expect(record.status).toBe('approved');
    expect(record.review).toEqual({
      decision: 'approve',
      comment: '符合要求',
      reviewerName: SUPERVISOR.name,
      decidedAt: review.decidedAt,
    });
    expect(await s.ok('review.queue', {})).toEqual([]);

    const sent = outboxRows(s, 'review');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ entity_id: review.id, op: 'create', state: 'pending' });
    expect(changesOf(sent[0])).toEqual({ ...decision, comment: '符合要求' });
    const audit = await s.ok('audit.list', { entityType: 'review', entityId: review.id });
    expect(audit.map((a) => a.action)).toEqual(['approve']);
    const onRecord = await s.ok('audit.list', { entityType: 'spotCheck', entityId: SPOT });
    expect(onRecord.at(-1)).toMatchObject({
      action: 'approve',
      actorName: SUPERVISOR.name,
      changes: expect.arrayContaining([{ path: 'status', old: 'submitted', new: 'approved' }]),
    });

    // The server's answer replaces the optimistic copy.
    s.store.db.prepare("UPDATE outbox SET state = 'done'").run();
    const serverReview = {
      decision: 'approve',
      comment: '符合要求',
      reviewerName: SUPERVISOR.name,
      decidedAt: '2026-05-01T09:00:00.000Z',
    };
    s.pull(
      {
        entity: 'review',
        id: review.id,
        doc: {
          ...changesOf(sent[0]),
          reviewerId: SUPERVISOR.id,
          reviewerName: SUPERVISOR.name,
          decidedAt: '2026-05-01T09:00:00.000Z',
          outcome: { status: 'applied' },
        },
      },
      {
        entity: 'spotCheck',
        id: SPOT,
        doc: spotCheckDoc(completeData(), { status: 'approved', review: serverReview }),
      },
    );
    expect((await s.ok('spotCheck.get', { id: SPOT })).record.review).toEqual(serverReview);
    const listed = await s.ok('review.list', { targetType: 'spotCheck', targetId: SPOT });
    expect(listed).toEqual([
      expect.objectContaining({ id: review.id, outcome: { status: 'applied' } }),
    ]);
  });

  it('refuses a decision on content it did not see, and a return without reason', async () => {
    const stale = await s.call('review.decide', { ...decision, targetRev: 2 });
    expect(stale).toEqual({
      ok: false,
      error: { code: 'RULE', message: { key: 'caseRule.stale', params: { rev: 3 } } },
    });
    const bare = await s.call('review.decide', { ...decision, decision: 'return', comment: '' });
    // Refused by the input schema, next to the comment field.
    expect(bare.ok ? null : bare.error.code).toBe('VALIDATION');
    expect(bare.ok ? null : Object.keys(bare.error.fieldErrors ?? {})).toEqual(['comment']);
    expect(outboxRows(s, 'review')).toEqual([]);
    expect((await s.ok('spotCheck.get', { id: SPOT })).record.status).toBe('submitted');
    const twice = await s.ok('review.decide', decision);
    expect(twice.outcome).toBeNull();
    const again = await s.call('review.decide', decision);
    expect(again.ok ? null : again.error.message.key).toBe('caseRule.spotCheckNotSubmitted');
  });

  it('keeps an unsent decision through a pull, and marks one the server refused', async () => {
    const review = await s.ok('review.decide', {
      ...decision,
      decision: 'return',
      comment: '缺少封样照片',
    });
    // A pull that crossed the decision (the server has not seen it yet) does not undo it.
    s.pull({ entity: 'spotCheck', id: SPOT, doc: spotCheckDoc(completeData()) });
    expect((await s.ok('spotCheck.get', { id: SPOT })).record.status).toBe('returned');

    // The server refuses it (say another supervisor decided first): quarantined on push.
    const seq = def(outboxRows(s, 'review')[0]).seq;
    s.store.db
      .transaction(() => {
        const e = def(s.store.outbox.get(seq));
        s.store.quarantine.add({
          ...e,
          reason: 'caseRule',
          message: '只有已提交、等待审核的抽样单才能审核。',
          at: '2026-05-01T10:00:00.000Z',
        });
        s.store.outbox.remove(seq);
        expect(settleRefusedReviews(s.store, () => new Date('2026-05-01T10:00:00.000Z'))).toBe(1);
      })
      .immediate();
    const listed = await s.ok('review.list', { targetType: 'spotCheck', targetId: SPOT });
    expect(listed[0]).toMatchObject({
      id: review.id,
      outcome: { status: 'refused', reason: '只有已提交、等待审核的抽样单才能审核。' },
    });
    expect(s.store.syncState.get('repair')).toEqual([{ entity: 'spotCheck', id: SPOT }]);
    // Reading the target again (the repair step of the round) gives the server's state back.
    s.pull({
      entity: 'spotCheck',
      id: SPOT,
      doc: spotCheckDoc(completeData(), {
        status: 'approved',
        review: { decision: 'approve', comment: '', reviewerName: '孙科长', decidedAt: 'x' },
      }),
    });
    const record = (await s.ok('spotCheck.get', { id: SPOT })).record;
    expect(record.status).toBe('approved');
    expect(record.review?.reviewerName).toBe('孙科长');
  });
});

describe('deciding on a case step', () => {
  let s: Device;
  beforeEach(() => {
    s = deviceAs(SUPERVISOR);
    s.pull({ entity: 'case', id: CASE, doc: pendingCaseDoc() });
  });
  afterEach(() => s.close());

  const onCase = {
    targetType: 'case' as const,
    targetId: CASE,
    step: 'file' as const,
    decision: 'approve' as const,
    targetRev: 1,
  };

  it('signs 审核 then 审批; the second signature files the case', async () => {
    const wrong = await s.call('review.decide', { ...onCase, level: 'approve', comment: '' });
    expect(wrong.ok ? null : wrong.error).toEqual({
      code: 'RULE',
      message: { key: 'caseRule.wrongLevel', params: { level: 'review' } },
    });
    await s.ok('review.decide', { ...onCase, level: 'review', comment: '同意' });
    let detail = await s.ok('case.get', { id: CASE });
    expect(detail).toMatchObject({ nextLevel: 'approve', canReview: true, canEdit: false });
    expect(
      (await s.ok('review.queue', {})).map((i) => (i.targetType === 'case' ? i.level : null)),
    ).toEqual(['approve']);

    await s.ok('review.decide', { ...onCase, level: 'approve', comment: '同意立案' });
    detail = await s.ok('case.get', { id: CASE });
    expect(detail.record).toMatchObject({
      stage: 'investigating',
      pending: null,
      filedAt: '2026-05-01',
    });
    expect(detail.record.approvals[0]?.signatures.map((x) => [x.level, x.signerName])).toEqual([
      ['handler', INSPECTOR.name],
      ['review', SUPERVISOR.name],
      ['approve', SUPERVISOR.name],
    ]);
    expect(detail.reviews.map((r) => r.level)).toEqual(['review', 'approve']);
    expect(await s.ok('review.queue', {})).toEqual([]);
    expect(outboxRows(s, 'review').map((r) => changesOf(r).level)).toEqual(['review', 'approve']);
    expect(outboxRows(s, 'case')).toEqual([]);
    const audit = await s.ok('audit.list', { entityType: 'case', entityId: CASE });
    expect(audit.slice(-2).map((a) => a.action)).toEqual(['approve', 'approve']);
  });

  it('asks for 审核 again when the content changed after it was signed', async () => {
    await s.ok('review.decide', { ...onCase, level: 'review', comment: '同意' });
    s.store.db.prepare("UPDATE outbox SET state = 'done'").run();
    // The server took the 审核 signature; then the owner edited the facts (rev 2).
    const signed = def((await s.ok('case.get', { id: CASE })).record.pending);
    s.pull({ entity: 'case', id: CASE, doc: pendingCaseDoc({ pending: signed, rev: 2 }) });
    const detail = await s.ok('case.get', { id: CASE });
    expect(detail.nextLevel).toBe('review');
    const queue = await s.ok('review.queue', {});
    expect(queue).toEqual([
      expect.objectContaining({ targetId: CASE, level: 'review', targetRev: 2 }),
    ]);
    const approve = await s.call('review.decide', {
      ...onCase,
      level: 'approve',
      comment: '',
      targetRev: 2,
    });
    expect(approve.ok ? null : approve.error.message).toEqual({
      key: 'caseRule.wrongLevel',
      params: { level: 'review' },
    });
  });

  it('replays unsent decisions on a pulled case and yields to the server’s answer', async () => {
    const r = await s.ok('review.decide', { ...onCase, level: 'review', comment: '同意' });
    // The owner's edit reached the server first: the server's case is at rev 2 now.
    const edited = pendingCaseDoc({ rev: 2 });
    s.pull({ entity: 'case', id: CASE, doc: edited });
    // Replayed on the new content the decision is stale: the server will refuse it too.
    let record = (await s.ok('case.get', { id: CASE })).record;
    expect(record.rev).toBe(2);
    expect(record.pending?.signatures.map((x) => x.level)).toEqual(['handler']);

    // Same content as decided on: the unsent decision stays applied across the pull.
    s.pull({ entity: 'case', id: CASE, doc: pendingCaseDoc() });
    record = (await s.ok('case.get', { id: CASE })).record;
    expect(record.pending?.signatures.map((x) => x.level)).toEqual(['handler', 'review']);

    // Sent and refused: the review is marked, the case falls back to the server's copy.
    const seq = def(outboxRows(s, 'review')[0]).seq;
    s.store.db
      .transaction(() => {
        s.store.quarantine.add({
          ...def(s.store.outbox.get(seq)),
          reason: 'caseRule',
          message: '提交审批后案件内容又被修改（现为第 2 版），请按最新内容重新审核。',
          at: '2026-05-01T10:00:00.000Z',
        });
        s.store.outbox.remove(seq);
        settleRefusedReviews(s.store, () => new Date('2026-05-01T10:00:00.000Z'));
      })
      .immediate();
    record = (await s.ok('case.get', { id: CASE })).record;
    expect(record.pending?.signatures.map((x) => x.level)).toEqual(['handler']);
    expect((await s.ok('case.get', { id: CASE })).reviews).toEqual([
      expect.objectContaining({
        id: r.id,
        outcome: expect.objectContaining({ status: 'refused' }),
      }),
    ]);
    expect(s.store.syncState.get('repair')).toEqual([{ entity: 'case', id: CASE }]);
  });
});

describe('the owner’s side of a decision', () => {
  let d: Device;
  let id: string;
  beforeEach(async () => {
    d = deviceAs(INSPECTOR);
    const created = await d.ok('spotCheck.create', { data: asDraft(completeData()) });
    const submitted = await d.ok('spotCheck.submit', {
      id: created.id,
      expectedRevision: created.revision,
    });
    id = submitted.id;
    d.store.db.prepare("UPDATE outbox SET state = 'done'").run();
  });
  afterEach(() => d.close());

  it('a returned record shows why, is editable again and can be submitted anew', async () => {
    const review = {
      decision: 'return',
      comment: '缺少封样照片',
      reviewerName: SUPERVISOR.name,
      decidedAt: '2026-05-01T09:00:00.000Z',
    };
    d.pull({
      entity: 'spotCheck',
      id,
      doc: spotCheckDoc(completeData(), { status: 'returned', review }),
    });
    const returned = (await d.ok('spotCheck.get', { id })).record;
    expect(returned).toMatchObject({ status: 'returned', review });
    const audit = await d.ok('audit.list', { entityType: 'spotCheck', entityId: id });
    expect(audit.at(-1)?.action).toBe('return');

    const data = structuredClone(returned.data);
    data.seals.sealNote = '已补拍封样照片';
    const saved = await d.ok('spotCheck.saveDraft', {
      id,
      expectedRevision: returned.revision,
      data: asDraft(data),
    });
    expect(saved.status).toBe('returned');
    const again = await d.ok('spotCheck.submit', { id, expectedRevision: saved.revision });
    expect(again.status).toBe('submitted');
    expect(
      outboxRows(d, 'spotCheck')
        .filter((o) => o.state === 'pending')
        .map((o) => o.op),
    ).toEqual(['update', 'submit']);
  });

  it('an approved record is locked with the reason; a correction is still possible', async () => {
    d.pull({
      entity: 'spotCheck',
      id,
      doc: spotCheckDoc(completeData(), {
        status: 'approved',
        review: { decision: 'approve', comment: '', reviewerName: SUPERVISOR.name, decidedAt: 'x' },
      }),
    });
    const record = (await d.ok('spotCheck.get', { id })).record;
    const locked = { code: 'READ_ONLY', message: { key: 'caseRule.approvedLocked' } };
    const save = await d.call('spotCheck.saveDraft', {
      id,
      expectedRevision: record.revision,
      data: asDraft(record.data),
    });
    expect(save.ok ? null : save.error).toEqual(locked);
    const submit = await d.call('spotCheck.submit', { id, expectedRevision: record.revision });
    expect(submit.ok ? null : submit.error).toEqual(locked);
    const correction = await d.ok('spotCheck.createCorrection', { id });
    expect(correction).toMatchObject({ status: 'draft', version: 2, supersedesId: id });
  });

  it('a returned case step lets the owner edit and ask again', async () => {
    const c = await d.ok('case.create', { data: fileableData() });
    const asked = await d.ok('case.transition', {
      id: c.id,
      expectedRev: 1,
      transition: 'file',
      opinion: '建议立案',
    });
    d.store.db.prepare("UPDATE outbox SET state = 'done'").run();
    const round = def(asked.pending);
    const returnedRound = {
      ...round,
      signatures: [
        ...round.signatures,
        {
          level: 'review',
          decision: 'return',
          opinion: '事实不清',
          signerId: SUPERVISOR.id,
          signerName: SUPERVISOR.name,
          date: '2026-05-01',
          at: '2026-05-01T09:00:00.000Z',
        },
      ],
      outcome: 'returned',
    };
    const { id: _id, ...rest } = asked;
    d.pull({
      entity: 'case',
      id: c.id,
      doc: JSON.parse(
        JSON.stringify({ ...rest, pending: null, approvals: [returnedRound] }),
      ) as Record<string, unknown>,
    });
    const detail = await d.ok('case.get', { id: c.id });
    expect(detail.record.pending).toBeNull();
    expect(detail.available).toEqual(['file', 'notFile', 'transfer']);
    const saved = await d.ok('case.save', {
      id: c.id,
      expectedRev: 1,
      data: { ...c.data, facts: `${c.data.facts}补充：现场库存 200 罐。` },
    });
    const again = await d.ok('case.transition', {
      id: c.id,
      expectedRev: saved.rev,
      transition: 'file',
      opinion: '已补充事实，建议立案',
    });
    expect(again.pending).toMatchObject({ step: 'file', rev: 2 });
  });
});
