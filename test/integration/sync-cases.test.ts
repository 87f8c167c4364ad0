/**
 * Cases and reviews between real apps and the real server: an inspector asks for a step, the
 * supervisor signs it on their own laptop, and each side ends with the server's state; a
 * returned spot check goes back to its owner, an approved one is locked there; a decision the
 * server refuses is marked so on the reviewer's laptop and the case shows the server's state.
 */
import { completeCaseData } from '../../server/testing/harness';
import { chinaDate } from '../../shared/domain/deadlines/today';
import type { CaseData } from '../../shared/schemas/case';
import { asDraft, completeData, def } from './core-fixtures';
import {
  enrollAndLogin,
  openClient,
  startSyncEnv,
  type SyncClient,
  type SyncEnv,
} from './sync-fixtures';

jest.setTimeout(60_000);

let env: SyncEnv;
let inspector: SyncClient;
let supervisor: SyncClient;

beforeEach(async () => {
  env = await startSyncEnv();
  inspector = openClient();
  supervisor = openClient();
  await enrollAndLogin(env, inspector, env.org.inspectorA);
  await enrollAndLogin(env, supervisor, env.org.supervisor);
});
afterEach(async () => {
  await inspector.core.shutdown();
  await supervisor.core.shutdown();
  await env.close();
});

const caseData = () => completeCaseData(chinaDate(new Date())) as unknown as CaseData;

describe('cases and reviews across devices', () => {
  it('a step asked for on one laptop is signed on another and reaches both', async () => {
    const c = await inspector.ok('case.create', { data: caseData() });
    await inspector.ok('case.transition', {
      id: c.id,
      expectedRev: 1,
      transition: 'file',
      opinion: '建议立案',
    });
    await inspector.round();
    expect(await inspector.ok('sync.quarantine', {})).toEqual([]);

    await supervisor.round();
    const queue = await supervisor.ok('review.queue', {});
    expect(queue).toEqual([expect.objectContaining({ targetId: c.id, level: 'review' })]);
    const item = def(queue[0]);
    const base = { targetType: 'case' as const, targetId: c.id, step: 'file' as const };
    await supervisor.ok('review.decide', {
      ...base,
      level: 'review',
      decision: 'approve',
      comment: '同意',
      targetRev: item.targetRev,
    });
    await supervisor.ok('review.decide', {
      ...base,
      level: 'approve',
      decision: 'approve',
      comment: '同意立案',
      targetRev: item.targetRev,
    });
    await supervisor.round();
    expect(await supervisor.ok('sync.quarantine', {})).toEqual([]);
    const seen = await supervisor.ok('case.get', { id: c.id });
    expect(seen.record.stage).toBe('investigating');
    expect(seen.reviews.map((r) => r.outcome)).toEqual([
      { status: 'applied' },
      { status: 'applied' },
    ]);

    await inspector.round();
    const mine = await inspector.ok('case.get', { id: c.id });
    expect(mine.record).toMatchObject({ stage: 'investigating', pending: null });
    expect(mine.record.filedAt).toBe(chinaDate(new Date()));
    const timeline = await inspector.ok('case.timeline', { id: c.id });
    expect(timeline.filter((e) => e.kind === 'approve').map((e) => e.actorName)).toEqual([
      '赵审核',
      '赵审核',
    ]);
    expect(mine.reviews).toHaveLength(2);
  });

  it('a returned spot check goes back to its owner; approved, it is locked there', async () => {
    const draft = await inspector.ok('spotCheck.create', { data: asDraft(completeData()) });
    const sent = await inspector.ok('spotCheck.submit', {
      id: draft.id,
      expectedRevision: draft.revision,
    });
    await inspector.round();
    await supervisor.round();
    const first = def((await supervisor.ok('review.queue', {}))[0]);
    await supervisor.ok('review.decide', {
      targetType: 'spotCheck',
      targetId: sent.id,
      step: 'submit',
      level: 'approve',
      decision: 'return',
      comment: '封样编号不清',
      targetRev: first.targetRev,
    });
    await supervisor.round();
    expect(await supervisor.ok('sync.quarantine', {})).toEqual([]);

    await inspector.round();
    const returned = (await inspector.ok('spotCheck.get', { id: sent.id })).record;
    expect(returned.status).toBe('returned');
    expect(returned.review).toMatchObject({ decision: 'return', comment: '封样编号不清' });
    const data = structuredClone(returned.data);
    data.seals.testSampleSealNumber = 'F0001A-1';
    const saved = await inspector.ok('spotCheck.saveDraft', {
      id: sent.id,
      expectedRevision: returned.revision,
      data: asDraft(data),
    });
    await inspector.ok('spotCheck.submit', { id: sent.id, expectedRevision: saved.revision });
    await inspector.round();
    expect(await inspector.ok('sync.quarantine', {})).toEqual([]);

    await supervisor.round();
    const again = def((await supervisor.ok('review.queue', {}))[0]);
    await supervisor.ok('review.decide', {
      targetType: 'spotCheck',
      targetId: sent.id,
      step: 'submit',
      level: 'approve',
      decision: 'approve',
      comment: '',
      targetRev: again.targetRev,
    });
    await supervisor.round();
    expect(await supervisor.ok('sync.quarantine', {})).toEqual([]);
    await inspector.round();
    const approved = (await inspector.ok('spotCheck.get', { id: sent.id })).record;
    expect(approved.status).toBe('approved');
    expect(approved.data.seals.testSampleSealNumber).toBe('F0001A-1');
    const locked = await inspector.call('spotCheck.saveDraft', {
      id: sent.id,
      expectedRevision: approved.revision,
      data: asDraft(approved.data),
    });
    expect(locked.ok ? null : locked.error.message.key).toBe('caseRule.approvedLocked');
  });

  it('a decision on content that changed meanwhile is refused and shown as refused', async () => {
    const c = await inspector.ok('case.create', { data: caseData() });
    await inspector.ok('case.transition', {
      id: c.id,
      expectedRev: 1,
      transition: 'file',
      opinion: '建议立案',
    });
    await inspector.round();
    await supervisor.round();
    // The inspector edits the facts after asking (allowed, the content's revision goes up).
    const edited = await inspector.ok('case.save', {
      id: c.id,
      expectedRev: 1,
      data: { ...c.data, facts: `${c.data.facts}补充询问笔录一份。` },
    });
    expect(edited.rev).toBe(2);
    await inspector.round();

    const review = await supervisor.ok('review.decide', {
      targetType: 'case',
      targetId: c.id,
      step: 'file',
      level: 'review',
      decision: 'approve',
      comment: '同意',
      targetRev: 1,
    });
    await supervisor.round();
    const listed = await supervisor.ok('review.list', { targetType: 'case', targetId: c.id });
    expect(listed).toEqual([
      expect.objectContaining({
        id: review.id,
        outcome: expect.objectContaining({ status: 'refused' }),
      }),
    ]);
    const now = await supervisor.ok('case.get', { id: c.id });
    expect(now.record.rev).toBe(2);
    expect(now.record.pending?.signatures.map((s) => s.level)).toEqual(['handler']);
    expect(now.record.data.facts).toContain('补充询问笔录');
    expect((await supervisor.ok('review.queue', {})).map((i) => i.targetRev)).toEqual([2]);
  });
});
