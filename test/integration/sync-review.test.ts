/**
 * Review through sync with real apps (cores) and a real server: an inspector asks for 立案, the
 * supervisor's app sees it in the review queue and signs 审核 and 审批, and the inspector's app
 * receives the filed case with the signatures; a returned spot check is edited and submitted
 * again, then approved and locked; and an approval racing the inspector's offline edits, both
 * ways round — nothing anyone typed is lost.
 */
import type { ReviewQueueItem } from '../../shared/api/caseContract';
import { chinaDate } from '../../shared/domain/deadlines/today';
import type { ReviewDecisionInput } from '../../shared/schemas/review';
import { completeCaseData } from '../../server/testing/harness';
import { completeData, def } from './core-fixtures';
import {
  enrollAndLogin,
  openClient,
  serverDocs,
  startSyncEnv,
  type SyncClient,
  type SyncEnv,
} from './sync-fixtures';

jest.setTimeout(120_000);

let env: SyncEnv;
let a: SyncClient;
let sup: SyncClient;

beforeEach(async () => {
  env = await startSyncEnv();
  a = openClient();
  sup = openClient();
  await enrollAndLogin(env, a, env.org.inspectorA);
  await enrollAndLogin(env, sup, env.org.supervisor, 'office');
});
afterEach(async () => {
  await a.core.shutdown();
  await sup.core.shutdown();
  await env.close();
});

const today = () => chinaDate(new Date());

async function serverDoc(entity: string, id: string): Promise<Record<string, unknown>> {
  return def((await serverDocs(env.storage, entity)).get(id));
}

/** The supervisor's queue entry for a target (after their last pull). */
async function queued(targetId: string): Promise<ReviewQueueItem | undefined> {
  return (await sup.ok('review.queue', {})).find((q) => q.targetId === targetId);
}

/** Decides on what the queue shows for the target: its step, level and revision. */
async function decide(
  targetId: string,
  decision: ReviewDecisionInput['decision'] = 'approve',
  comment = '同意',
) {
  const item = def(await queued(targetId));
  return sup.ok('review.decide', {
    targetType: item.targetType,
    targetId,
    step: item.targetType === 'case' ? item.step : 'submit',
    level: item.targetType === 'case' ? item.level : 'approve',
    decision,
    comment,
    targetRev: item.targetRev,
  } as ReviewDecisionInput);
}

/** A case of the inspector with 立案 asked for and synced; the supervisor has pulled it. */
async function caseAwaitingFiling(): Promise<string> {
  const created = await a.ok('case.create', { data: completeCaseData(today()) });
  await a.ok('case.transition', {
    id: created.id,
    expectedRev: created.rev,
    transition: 'file',
    opinion: '事实清楚，建议立案',
  });
  await a.round();
  await sup.round();
  return created.id;
}

async function quarantineOf(c: SyncClient) {
  return c.ok('sync.quarantine', {});
}

describe('case approval through sync', () => {
  it('立案: asked on the laptop, signed 审核 and 审批 in the office, filed on the laptop', async () => {
    const id = await caseAwaitingFiling();
    const first = def(await queued(id));
    expect(first).toMatchObject({ targetType: 'case', step: 'file', level: 'review' });
    await decide(id, 'approve', '同意立案');
    expect(await queued(id)).toMatchObject({ level: 'approve' });
    await decide(id, 'approve', '批准立案');
    await sup.round();
    expect(await serverDoc('case', id)).toMatchObject({ stage: 'investigating', pending: null });
    expect(await queued(id)).toBeUndefined();

    await a.round();
    const detail = await a.ok('case.get', { id });
    const day = today();
    expect(detail.record).toMatchObject({ stage: 'investigating', filedAt: day, pending: null });
    expect(detail.record.approvals).toHaveLength(1);
    expect(detail.record.approvals[0]?.signatures).toEqual([
      expect.objectContaining({
        level: 'handler',
        signerName: '张执法',
        opinion: '事实清楚，建议立案',
        date: day,
      }),
      expect.objectContaining({
        level: 'review',
        signerName: '赵审核',
        opinion: '同意立案',
        date: day,
      }),
      expect.objectContaining({
        level: 'approve',
        signerName: '赵审核',
        opinion: '批准立案',
        date: day,
      }),
    ]);
    expect(detail.reviews.map((r) => [r.level, r.outcome])).toEqual([
      ['review', { status: 'applied' }],
      ['approve', { status: 'applied' }],
    ]);
    // What 立案 settled is locked on the laptop too, with the reason.
    const locked = await a.call('case.save', {
      id,
      expectedRev: detail.record.rev,
      data: { ...detail.record.data, discoveredAt: '2026-01-05' },
    });
    expect(locked.ok ? null : locked.error.message.key).toBe('caseRule.locked');
    for (const c of [a, sup]) {
      expect(await c.ok('sync.status', {})).toMatchObject({ pendingMutations: 0, quarantined: 0 });
    }
  });

  it('a returned step is editable again on the laptop and can be asked for anew', async () => {
    const id = await caseAwaitingFiling();
    await decide(id, 'return', '证据不足，请补充现场检查笔录');
    await sup.round();
    await a.round();
    const returned = (await a.ok('case.get', { id })).record;
    expect(returned).toMatchObject({ stage: 'accepted', pending: null });
    expect(returned.approvals.at(-1)).toMatchObject({ outcome: 'returned' });
    expect(returned.approvals.at(-1)?.signatures.at(-1)).toMatchObject({
      opinion: '证据不足，请补充现场检查笔录',
    });
    const saved = await a.ok('case.save', {
      id,
      expectedRev: returned.rev,
      data: {
        ...returned.data,
        onSite: { ...returned.data.onSite, findings: '补充：库存 300 件' },
      },
    });
    await a.ok('case.transition', {
      id,
      expectedRev: saved.rev,
      transition: 'file',
      opinion: '已补充',
    });
    await a.round();
    await sup.round();
    expect(await queued(id)).toMatchObject({ step: 'file', level: 'review', targetRev: saved.rev });
  });
});

describe('spot-check review through sync', () => {
  it('returned, edited and submitted again; approved and locked, a later edit refused with the reason', async () => {
    const created = await a.ok('spotCheck.create', { data: completeData() });
    const submitted = await a.ok('spotCheck.submit', {
      id: created.id,
      expectedRevision: created.revision,
    });
    const id = submitted.id;
    await a.round();
    await sup.round();
    expect(await queued(id)).toMatchObject({ targetType: 'spotCheck', targetRev: 1 });
    await decide(id, 'return', '批号填写有误');
    await sup.round();
    expect(await serverDoc('spotCheck', id)).toMatchObject({ status: 'returned' });

    await a.round();
    const returned = (await a.ok('spotCheck.get', { id })).record;
    expect(returned).toMatchObject({
      status: 'returned',
      review: { decision: 'return', comment: '批号填写有误', reviewerName: '赵审核' },
    });
    const data = structuredClone(returned.data);
    data.sample.batchNumber = '20260401B';
    const saved = await a.ok('spotCheck.saveDraft', {
      id,
      expectedRevision: returned.revision,
      data,
    });
    await a.ok('spotCheck.submit', { id, expectedRevision: saved.revision });
    await a.round();
    expect(await serverDoc('spotCheck', id)).toMatchObject({
      status: 'submitted',
      rev: 2,
      data: { sample: { batchNumber: '20260401B' } },
    });

    await sup.round();
    expect(await queued(id)).toMatchObject({ targetRev: 2 });
    await decide(id, 'approve', '同意');
    await sup.round();
    await a.round();
    const approved = (await a.ok('spotCheck.get', { id })).record;
    expect(approved).toMatchObject({ status: 'approved', review: { decision: 'approve' } });
    const edit = await a.call('spotCheck.saveDraft', {
      id,
      expectedRevision: approved.revision,
      data: approved.data,
    });
    expect(edit.ok ? null : edit.error.message.key).toBe('caseRule.approvedLocked');
    expect(await serverDoc('spotCheck', id)).toMatchObject({ status: 'approved', rev: 2 });
  });
});

describe('an approval racing the inspector’s offline edits', () => {
  it('approval first: the edit of a now-locked field is refused and kept, the other edit applies', async () => {
    const id = await caseAwaitingFiling();
    // The laptop goes offline and edits twice: a field 立案 will settle, then the facts.
    const before = (await a.ok('case.get', { id })).record;
    const first = await a.ok('case.save', {
      id,
      expectedRev: before.rev,
      data: { ...before.data, discoveredAt: '2026-01-05' },
    });
    await a.ok('case.save', {
      id,
      expectedRev: first.rev,
      data: { ...first.data, facts: '离线补充：另查明库存 300 件' },
    });
    // Meanwhile the office approves, and syncs first.
    await decide(id);
    await decide(id);
    await sup.round();

    await a.round();
    const server = await serverDoc('case', id);
    expect(server).toMatchObject({
      stage: 'investigating',
      data: { facts: '离线补充：另查明库存 300 件', discoveredAt: today() },
    });
    const q = await quarantineOf(a);
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject({ entity: 'case', entityId: id, op: 'update', reason: 'caseRule' });
    expect(q[0]?.message).toContain('已确定');
    // Nothing is lost: the refused change is kept whole for the inspector.
    const kept = a.db
      .prepare('SELECT changes FROM sync_quarantine WHERE entity_id = ?')
      .get(id) as { changes: string };
    expect(JSON.parse(kept.changes)).toEqual({ 'data.discoveredAt': '2026-01-05' });
    const local = (await a.ok('case.get', { id })).record;
    expect(local).toMatchObject({
      stage: 'investigating',
      data: { facts: '离线补充：另查明库存 300 件' },
    });
  });

  it('edit first: the approval of the older revision is refused as stale; the new one is approved', async () => {
    const id = await caseAwaitingFiling();
    const seen = def(await queued(id));
    const before = (await a.ok('case.get', { id })).record;
    await a.ok('case.save', {
      id,
      expectedRev: before.rev,
      data: { ...before.data, facts: '补充：另查明库存 300 件' },
    });
    await a.round();

    // The office decides on what it pulled before the edit.
    const stale = await decide(id);
    expect(stale.targetRev).toBe(seen.targetRev);
    await sup.round();
    const server = await serverDoc('case', id);
    expect(server).toMatchObject({ stage: 'accepted', pending: { step: 'file' } });
    expect((server.pending as { signatures: unknown[] }).signatures).toHaveLength(1);
    const refused = (await sup.ok('review.list', { targetType: 'case', targetId: id })).find(
      (r) => r.id === stale.id,
    );
    expect(refused?.outcome).toMatchObject({ status: 'refused' });

    await sup.round();
    const fresh = def(await queued(id));
    expect(fresh).toMatchObject({ level: 'review', targetRev: before.rev + 1 });
    await decide(id);
    await decide(id);
    await sup.round();
    await a.round();
    expect((await a.ok('case.get', { id })).record).toMatchObject({
      stage: 'investigating',
      data: { facts: '补充：另查明库存 300 件' },
    });
  });
});
