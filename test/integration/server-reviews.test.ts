/**
 * Supervisor review on the server, pushed raw: decisions are records of their own that sign a
 * case's pending step (审核, 审批) or approve/return a spot check in the same transaction; who
 * may decide is the shared permission matrix; a decision on content changed since the reviewer
 * looked is refused; every refusal writes nothing. Pull shows the decisions to the owner.
 */
import { translate } from '../../shared/i18n/translate';
import {
  mutation,
  newId,
  reviewChanges,
  submittableSpotCheckData,
} from '../../server/testing/harness';
import type { TestDevice } from '../../server/testing/harness';
import {
  enrollAll,
  expectRule,
  serverOps,
  startCaseServer,
  today,
  type CaseServerEnv,
  type Devices,
  type Doc,
} from './case-server-fixtures';

jest.setTimeout(120_000);

let env: CaseServerEnv;
let ops: ReturnType<typeof serverOps>;
let d: Devices;

beforeAll(async () => {
  env = await startCaseServer();
  ops = serverOps(env);
}, 60_000);
afterAll(() => env?.close());
beforeEach(async () => {
  await env.db.reset();
  d = await enrollAll(env);
});

const review = (dev: TestDevice, changes: Doc) =>
  mutation(dev, 'review', 'create', newId(), changes);

/** A spot check of `owner`, submitted. */
async function submittedSpotCheck(owner: TestDevice): Promise<string> {
  const id = newId();
  const data = submittableSpotCheckData();
  await ops.applied(owner, mutation(owner, 'spotCheck', 'create', id, { data }));
  const { seq } = await ops.row('spotCheck', id);
  await ops.applied(owner, mutation(owner, 'spotCheck', 'submit', id, {}, seq));
  return id;
}

async function onSpotCheck(dev: TestDevice, id: string, op: 'update' | 'submit', changes: Doc) {
  const { seq } = await ops.row('spotCheck', id);
  return mutation(dev, 'spotCheck', op, id, changes, seq);
}

async function spotCheckReview(dev: TestDevice, id: string, over: Doc = {}) {
  const { doc } = await ops.row('spotCheck', id);
  return review(dev, reviewChanges('spotCheck', id, doc.rev as number, over));
}

describe('case approval', () => {
  it('审核 then 审批 take the step: signatures with opinion, signer and the server’s date', async () => {
    const id = await ops.openCase(d.a);
    await ops.applied(d.a, await ops.ask(d.a, id, 'file', '事实清楚，建议立案'));
    const first = await ops.decide(d.sup, id, { level: 'review', comment: '同意立案' });
    await ops.applied(d.sup, first);
    expect((await ops.row('case', id)).doc).toMatchObject({
      stage: 'accepted',
      pending: { step: 'file', signatures: [{ level: 'handler' }, { level: 'review' }] },
    });
    const second = await ops.decide(d.sup, id, { level: 'approve', comment: '批准立案' });
    await ops.applied(d.sup, second);

    const { doc } = await ops.row('case', id);
    const day = today();
    expect(doc).toMatchObject({ stage: 'investigating', pending: null, filedAt: day, rev: 1 });
    expect(doc.approvals).toEqual([
      {
        step: 'file',
        rev: 1,
        outcome: 'approved',
        signatures: [
          expect.objectContaining({
            level: 'handler',
            decision: 'request',
            opinion: '事实清楚，建议立案',
            signerId: env.org.inspectorA.id,
            signerName: '张执法',
            date: day,
          }),
          expect.objectContaining({
            level: 'review',
            decision: 'approve',
            opinion: '同意立案',
            signerName: '赵审核',
            date: day,
          }),
          expect.objectContaining({
            level: 'approve',
            decision: 'approve',
            opinion: '批准立案',
            signerId: env.org.supervisor.id,
            date: day,
          }),
        ],
      },
    ]);
    // The decisions are records of their own, written in the same transactions.
    const r = await ops.row('review', second.entityId);
    expect(r.doc).toMatchObject({
      targetType: 'case',
      targetId: id,
      step: 'file',
      level: 'approve',
      decision: 'approve',
      targetRev: 1,
      reviewerId: env.org.supervisor.id,
      reviewerName: '赵审核',
      outcome: { status: 'applied' },
    });
    expect(r.seq).toBe((await ops.row('case', id)).seq + 1);
  });

  it('a returned step ends the round with the comment; the owner edits and asks again', async () => {
    const id = await ops.openCase(d.a);
    await ops.applied(d.a, await ops.ask(d.a, id, 'file'));
    const asked = await ops.row('case', id);
    await ops.applied(
      d.sup,
      await ops.decide(d.sup, id, { level: 'review', decision: 'return', comment: '证据不足' }),
    );
    const { doc } = await ops.row('case', id);
    expect(doc).toMatchObject({ stage: 'accepted', pending: null });
    expect(doc.approvals).toEqual([
      expect.objectContaining({
        outcome: 'returned',
        signatures: [
          expect.objectContaining({ level: 'handler' }),
          expect.objectContaining({ level: 'review', decision: 'return', opinion: '证据不足' }),
        ],
      }),
    ]);
    // Offline since the request: the edit and the new request still apply (the workflow the
    // reviewer changed is not something the owner's device competes for).
    const edit = mutation(
      d.a,
      'case',
      'update',
      id,
      { 'data.facts': '补充证据后的事实' },
      asked.seq,
    );
    const again = mutation(
      d.a,
      'case',
      'transition',
      id,
      { transition: 'file', opinion: '已补充证据' },
      asked.seq,
    );
    const results = await ops.push(d.a, [edit, again]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect((await ops.row('case', id)).doc).toMatchObject({
      rev: 2,
      pending: { step: 'file', rev: 2 },
    });
  });

  it('the signing order, the step and the pending round are the machine’s', async () => {
    const id = await ops.openCase(d.a);
    const [noPending] = await ops.refusedWithoutWrites(async () => [
      await ops.one(d.sup, await ops.decide(d.sup, id, { level: 'review' })),
    ]);
    expectRule(noPending, 'caseRule', 'caseRule.noPending');
    await ops.applied(d.a, await ops.ask(d.a, id, 'file'));
    const results = await ops.refusedWithoutWrites(async () =>
      ops.push(d.sup, [
        await ops.decide(d.sup, id, { level: 'approve' }),
        await ops.decide(d.sup, id, { level: 'review', step: 'notFile' }),
        await ops.decide(d.sup, id, { level: 'review', decision: 'return', comment: ' ' }),
        review(d.sup, reviewChanges('case', newId(), 1)),
        review(d.sup, reviewChanges('spotCheck', id, 1)),
        review(d.sup, { ...reviewChanges('case', id, 1), step: 'submit' }),
      ]),
    );
    expectRule(results[0], 'caseRule', 'caseRule.wrongLevel');
    expectRule(results[1], 'caseRule', 'caseRule.wrongStep');
    expect(results.slice(2).map((r) => r.reason)).toEqual([
      'validation',
      'notFound',
      'notFound',
      'validation',
    ]);
    expect(results[2]?.details?.fieldErrors).toEqual({
      comment: { key: 'caseRule.commentRequired' },
    });
  });

  it('a decision is a record of its own: not edited, not created twice', async () => {
    const id = await ops.openCase(d.a);
    await ops.applied(d.a, await ops.ask(d.a, id, 'file'));
    const first = await ops.decide(d.sup, id, { level: 'review' });
    await ops.applied(d.sup, first);
    const results = await ops.refusedWithoutWrites(async () =>
      ops.push(d.sup, [
        mutation(d.sup, 'review', 'update', first.entityId, { comment: '改' }, 1),
        mutation(d.sup, 'review', 'create', first.entityId, first.changes),
      ]),
    );
    expect(results.map((r) => r.reason)).toEqual(['outOfScope', 'alreadyExists']);
  });
});

describe('who may decide (the shared permission matrix on the server)', () => {
  it('not an inspector, not on one’s own record, not on another unit’s', async () => {
    const caseA = await ops.openCase(d.a);
    await ops.applied(d.a, await ops.ask(d.a, caseA, 'file'));
    const spotA = await submittedSpotCheck(d.a);
    const caseSup = await ops.openCase(d.sup);
    await ops.applied(d.sup, await ops.ask(d.sup, caseSup, 'file'));
    const spotSup = await submittedSpotCheck(d.sup);

    const expectations: [TestDevice, string, () => Promise<Doc>, string][] = [
      [d.a2, 'perm.roleCannot', async () => ops.decide(d.a2, caseA, { level: 'review' }), 'case'],
      [d.a, 'perm.roleCannot', async () => ops.decide(d.a, caseA, { level: 'review' }), 'case'],
      [d.b, 'perm.roleCannot', async () => spotCheckReview(d.b, spotA), 'spotCheck'],
      [d.a2, 'perm.roleCannot', async () => spotCheckReview(d.a2, spotA), 'spotCheck'],
      [
        d.sup,
        'perm.ownRecordReview',
        async () => ops.decide(d.sup, caseSup, { level: 'review' }),
        'case',
      ],
      [d.sup, 'perm.ownRecordReview', async () => spotCheckReview(d.sup, spotSup), 'spotCheck'],
      [
        d.supB,
        'perm.otherUnit',
        async () => ops.decide(d.supB, caseA, { level: 'review' }),
        'case',
      ],
      [d.supB, 'perm.otherUnit', async () => spotCheckReview(d.supB, spotA), 'spotCheck'],
    ];
    for (const [dev, key, make] of expectations) {
      const m = (await make()) as unknown as Parameters<typeof ops.one>[1];
      const [r] = await ops.refusedWithoutWrites(async () => [await ops.one(dev, m)]);
      const rej = expectRule(r, 'permission', key);
      expect(rej.message).toBe(translate({ key }));
    }
    // The city supervisor may decide on team A's records.
    await ops.applied(d.sup, await ops.decide(d.sup, caseA, { level: 'review' }));
    await ops.applied(d.sup, await spotCheckReview(d.sup, spotA));
  });
});

describe('a decision on content the reviewer did not see', () => {
  it('is refused as stale when the case changed after the request; the new rev can be decided', async () => {
    const id = await ops.openCase(d.a);
    await ops.applied(d.a, await ops.ask(d.a, id, 'file'));
    const seen = await ops.decide(d.sup, id, { level: 'review' }); // names rev 1
    await ops.applied(d.a, await ops.onCase(d.a, id, 'update', { 'data.facts': '改写后的事实' }));
    const [r] = await ops.refusedWithoutWrites(async () => [await ops.one(d.sup, seen)]);
    expect(expectRule(r, 'caseRule', 'caseRule.stale').details?.ruleParams).toEqual({ rev: 2 });
    expect((await ops.row('case', id)).doc).toMatchObject({
      stage: 'accepted',
      pending: { step: 'file' },
    });
    await ops.applied(d.sup, await ops.decide(d.sup, id, { level: 'review' }));
    await ops.applied(d.sup, await ops.decide(d.sup, id, { level: 'approve' }));
    expect((await ops.row('case', id)).doc).toMatchObject({ stage: 'investigating', rev: 2 });
  });

  it('an edit between 审核 and 审批 sends the round back to 审核', async () => {
    const id = await ops.openCase(d.a);
    await ops.applied(d.a, await ops.ask(d.a, id, 'file'));
    await ops.applied(d.sup, await ops.decide(d.sup, id, { level: 'review' }));
    await ops.applied(d.a, await ops.onCase(d.a, id, 'update', { 'data.facts': '审核后改写' }));
    const [r] = await ops.refusedWithoutWrites(async () => [
      await ops.one(d.sup, await ops.decide(d.sup, id, { level: 'approve' })),
    ]);
    expect(expectRule(r, 'caseRule', 'caseRule.wrongLevel').details?.ruleParams).toEqual({
      level: 'review',
    });
    await ops.applied(d.sup, await ops.decide(d.sup, id, { level: 'review' }));
    await ops.applied(d.sup, await ops.decide(d.sup, id, { level: 'approve' }));
    expect((await ops.row('case', id)).doc).toMatchObject({ stage: 'investigating', rev: 2 });
  });

  it('an approval that raced the owner’s offline edits: locked fields refused, the rest applied', async () => {
    const id = await ops.openCase(d.a);
    await ops.applied(d.a, await ops.ask(d.a, id, 'file'));
    const synced = (await ops.row('case', id)).seq;
    // The owner goes offline and edits; the supervisor's approval reaches the server first.
    await ops.applied(d.sup, await ops.decide(d.sup, id, { level: 'review' }));
    await ops.applied(d.sup, await ops.decide(d.sup, id, { level: 'approve' }));
    const results = await ops.push(d.a, [
      mutation(d.a, 'case', 'update', id, { 'data.discoveredAt': '2026-01-05' }, synced),
      mutation(d.a, 'case', 'update', id, { 'data.facts': '离线补充的事实' }, synced),
    ]);
    expectRule(results[0], 'caseRule', 'caseRule.locked');
    expect(results[1]).toMatchObject({ status: 'applied' });
    const { doc } = await ops.row('case', id);
    expect(doc).toMatchObject({
      stage: 'investigating',
      rev: 2,
      data: { facts: '离线补充的事实' },
    });
    expect((doc.data as Doc).discoveredAt).toBe(today());
  });
});

describe('spot-check review', () => {
  it('returned: editable again by the owner; resubmitted and approved: locked for good', async () => {
    const id = await submittedSpotCheck(d.a);
    await ops.applied(
      d.sup,
      await spotCheckReview(d.sup, id, { decision: 'return', comment: '批号填写有误' }),
    );
    const returned = await ops.row('spotCheck', id);
    expect(returned.doc).toMatchObject({
      status: 'returned',
      rev: 1,
      review: { decision: 'return', comment: '批号填写有误', reviewerName: '赵审核' },
    });
    // a decision on a record that is not waiting for one
    const [again] = await ops.refusedWithoutWrites(async () => [
      await ops.one(d.sup, await spotCheckReview(d.sup, id)),
    ]);
    expectRule(again, 'caseRule', 'caseRule.spotCheckNotSubmitted');

    await ops.applied(
      d.a,
      await onSpotCheck(d.a, id, 'update', { 'data.sample.batchNumber': '20260402' }),
    );
    const staleDecision = await spotCheckReview(d.sup, id); // names rev 2, before the resubmit
    await ops.applied(d.a, await onSpotCheck(d.a, id, 'update', { 'data.seals.sealNote': '完好' }));
    await ops.applied(d.a, await onSpotCheck(d.a, id, 'submit', {}));
    expect((await ops.row('spotCheck', id)).doc).toMatchObject({ status: 'submitted', rev: 3 });
    const [stale] = await ops.refusedWithoutWrites(async () => [
      await ops.one(d.sup, staleDecision),
    ]);
    expectRule(stale, 'caseRule', 'caseRule.stale');

    await ops.applied(d.sup, await spotCheckReview(d.sup, id, { comment: '同意' }));
    expect((await ops.row('spotCheck', id)).doc).toMatchObject({
      status: 'approved',
      review: { decision: 'approve', comment: '同意' },
    });
    const locked = await ops.refusedWithoutWrites(async () =>
      ops.push(d.a, [
        await onSpotCheck(d.a, id, 'update', { 'data.sample.batchNumber': '改' }),
        await onSpotCheck(d.a, id, 'submit', {}),
      ]),
    );
    for (const r of locked) {
      const rej = expectRule(r, 'caseRule', 'caseRule.approvedLocked');
      expect(rej.message).toBe(translate({ key: 'caseRule.approvedLocked' }));
    }
    // An approved record is still corrected the documented way: a new version.
    const v2 = newId();
    await ops.applied(d.a, mutation(d.a, 'spotCheck', 'correct', v2, { supersedesId: id }));
    expect((await ops.row('spotCheck', v2)).doc).toMatchObject({
      status: 'draft',
      version: 2,
      rev: 1,
    });
  });

  it('a draft cannot be decided on', async () => {
    const draft = newId();
    await ops.applied(d.a, mutation(d.a, 'spotCheck', 'create', draft, { data: {} }));
    const [r] = await ops.refusedWithoutWrites(async () => [
      await ops.one(d.sup, await spotCheckReview(d.sup, draft)),
    ]);
    expectRule(r, 'caseRule', 'caseRule.spotCheckNotSubmitted');
  });
});

describe('pull', () => {
  it('the owner pulls the decisions on their records; other inspectors and units do not', async () => {
    const caseA = await ops.openCase(d.a);
    await ops.step(d.a, d.sup, caseA, 'file');
    const spotA = await submittedSpotCheck(d.a);
    const spotReview = await spotCheckReview(d.sup, spotA, { decision: 'return', comment: '补充' });
    await ops.applied(d.sup, spotReview);
    const caseB = await ops.openCase(d.b);

    const reviewsOf = (rows: Awaited<ReturnType<typeof ops.pullAll>>) =>
      [...rows.values()].filter((r) => r.entity === 'review');
    const mine = await ops.pullAll(d.a);
    expect(mine.get(`case:${caseA}`)?.doc).toMatchObject({ stage: 'investigating' });
    expect(mine.get(`spotCheck:${spotA}`)?.doc).toMatchObject({ status: 'returned' });
    expect(reviewsOf(mine)).toHaveLength(3);
    expect(mine.has(`case:${caseB}`)).toBe(false);

    const a2 = await ops.pullAll(d.a2);
    expect(a2.has(`case:${caseA}`)).toBe(false);
    expect(reviewsOf(a2)).toHaveLength(0);
    const b = await ops.pullAll(d.b);
    expect(b.has(`case:${caseB}`)).toBe(true);
    expect(b.has(`case:${caseA}`)).toBe(false);
    expect(reviewsOf(b)).toHaveLength(0);

    const sup = await ops.pullAll(d.sup);
    expect(sup.has(`case:${caseA}`) && sup.has(`case:${caseB}`)).toBe(true);
    expect(reviewsOf(sup)).toHaveLength(3);
    const supB = await ops.pullAll(d.supB);
    expect(supB.has(`case:${caseB}`)).toBe(true);
    expect(supB.has(`case:${caseA}`)).toBe(false);
    expect(reviewsOf(supB)).toHaveLength(0);
  });
});
