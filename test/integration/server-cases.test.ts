/**
 * Cases on the server, pushed raw (no app in between): the shared state machine refuses every
 * step the transition table does not allow, steps whose file is incomplete, a decision inside
 * the 陈述申辩 window, edits of what an approved stage settled, and anything by someone other
 * than the owner — each with its reason, and with nothing written.
 */
import { CASE_STAGES, CASE_TRANSITIONS, TRANSITION_TABLE } from '../../shared/domain/case/stages';
import { isTerminalStage } from '../../shared/domain/case/stages';
import { translate } from '../../shared/i18n/translate';
import { completeCaseData, enroll, mutation, newId } from '../../server/testing/harness';
import {
  enrollAll,
  expectRule,
  serverOps,
  startCaseServer,
  today,
  type CaseServerEnv,
  type Devices,
} from './case-server-fixtures';

jest.setTimeout(120_000);

/** A code's Chinese name in the shared texts; the code itself while the texts lack one. */
function nameOf(group: string, code: string): string {
  const key = `${group}.${code}`;
  const name = translate({ key });
  return name === key ? code : name;
}

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

describe('creating and editing', () => {
  it('a case is created with the owner, the server’s dates and the initial workflow', async () => {
    const id = await ops.openCase(d.a, { cause: '涉嫌无证生产' });
    const { doc } = await ops.row('case', id);
    expect(doc).toMatchObject({
      ownerUserId: env.org.inspectorA.id,
      ownerName: '张执法',
      unitId: env.org.teamA.id,
      stage: 'accepted',
      rev: 1,
      pending: null,
      approvals: [],
      stageHistory: [],
      filedAt: null,
    });
    // stored normalized by the shared schema: every group present
    expect(doc.data).toMatchObject({ cause: '涉嫌无证生产', facts: '', parties: [] });
    expect(Date.parse(doc.createdAt as string)).not.toBeNaN();
  });

  it('bad content and workflow fields are refused on create and update', async () => {
    const id = await ops.openCase(d.a);
    await ops.refusedWithoutWrites(() =>
      ops.push(d.a, [
        mutation(d.a, 'case', 'create', newId(), { data: { source: 'rumour' } }),
        mutation(d.a, 'case', 'create', newId(), { data: {}, stage: 'closed' }),
      ]),
    );
    const [bad, wf, idx] = await ops.refusedWithoutWrites(async () =>
      ops.push(d.a, [
        await ops.onCase(d.a, id, 'update', { 'data.discoveredAt': '2026-13-01' }),
        await ops.onCase(d.a, id, 'update', { stage: 'closed' }),
        await ops.onCase(d.a, id, 'update', { 'data.parties.5.name': '越界' }),
      ]),
    );
    expect(bad).toMatchObject({ reason: 'validation' });
    expect(bad?.details?.fieldErrors).toHaveProperty(['data.discoveredAt']);
    expect(wf).toMatchObject({ reason: 'fieldNotWritable' });
    expect(idx).toMatchObject({ reason: 'validation' });
  });

  it('each applied edit bumps rev; two laptops of the owner merge by field, a clash changes nothing', async () => {
    const id = await ops.openCase(d.a);
    const other = await enroll(env.db.storage, env.org.inspectorA, 'second laptop');
    const base = (await ops.row('case', id)).seq;
    await ops.applied(d.a, mutation(d.a, 'case', 'update', id, { 'data.facts': '甲' }, base));
    await ops.applied(
      other,
      mutation(other, 'case', 'update', id, { 'data.product.name': '玩具' }, base),
    );
    expect((await ops.row('case', id)).doc.rev).toBe(3);
    const [clash] = await ops.push(other, [
      mutation(other, 'case', 'update', id, { 'data.facts': '乙' }, base),
    ]);
    expect(clash).toMatchObject({ status: 'conflict' });
    const { doc } = await ops.row('case', id);
    expect(doc.rev).toBe(3);
    expect(doc.data).toMatchObject({ facts: '甲', product: { name: '玩具' } });
  });
});

describe('transitions', () => {
  it('every transition the table does not allow from a stage is refused there, nothing written', async () => {
    for (const stage of CASE_STAGES) {
      const id = await ops.caseAt(stage, d.a, d.sup);
      const illegal = CASE_TRANSITIONS.filter((t) => !TRANSITION_TABLE[t].from.includes(stage));
      expect(illegal.length).toBeGreaterThan(0);
      const batch = await ops.asks(d.a, id, illegal);
      const results = await ops.refusedWithoutWrites(() => ops.push(d.a, batch));
      const key = isTerminalStage(stage) ? 'caseRule.terminal' : 'caseRule.illegal';
      results.forEach((r, i) => {
        const rej = expectRule(r, 'caseRule', key);
        expect(rej.details?.ruleParams).toMatchObject({ stage });
        if (key === 'caseRule.illegal')
          expect(rej.details?.ruleParams).toHaveProperty('transition', illegal[i]);
      });
    }
  });

  it('the message names the stage and the step in Chinese', async () => {
    const id = await ops.openCase(d.a);
    const [r] = await ops.refusedWithoutWrites(async () => [
      await ops.one(d.a, await ops.ask(d.a, id, 'close')),
    ]);
    const rej = expectRule(r, 'caseRule', 'caseRule.illegal');
    expect(rej.message).toContain(nameOf('cases.stages', 'accepted'));
    expect(rej.message).toContain(nameOf('cases.transitions', 'close'));
  });

  it('while a step waits for approval, no other step may be asked for', async () => {
    const id = await ops.openCase(d.a);
    await ops.applied(d.a, await ops.ask(d.a, id, 'file'));
    const allowed = CASE_TRANSITIONS.filter((t) => TRANSITION_TABLE[t].from.includes('accepted'));
    const batch = await ops.asks(d.a, id, allowed);
    const results = await ops.refusedWithoutWrites(() => ops.push(d.a, batch));
    for (const r of results) expectRule(r, 'caseRule', 'caseRule.pending');
  });

  it('a step needs what the procedure asks for in the file, and an opinion when it needs approval', async () => {
    const empty = await ops.openCase(d.a, {});
    const [file] = await ops.refusedWithoutWrites(async () => [
      await ops.one(d.a, await ops.ask(d.a, empty, 'file')),
    ]);
    expect(
      Object.keys(
        expectRule(file, 'caseRule', 'caseRule.incomplete').details?.fieldErrors ?? {},
      ).sort(),
    ).toEqual(['cause', 'discoveredAt', 'facts', 'officers', 'parties', 'source']);
    const oneOfficer = await ops.openCase(
      d.a,
      completeCaseData(today(), { officers: [{ name: '张执法', credentialNumber: 'LN-A-0001' }] }),
    );
    const [officers] = await ops.refusedWithoutWrites(async () => [
      await ops.one(d.a, await ops.ask(d.a, oneOfficer, 'file')),
    ]);
    expect(expectRule(officers, 'caseRule', 'caseRule.incomplete').details?.fieldErrors).toEqual({
      officers: { key: 'caseRule.needTwoOfficers' },
    });
    const complete = await ops.openCase(d.a);
    const [noOpinion] = await ops.refusedWithoutWrites(async () => [
      await ops.one(d.a, await ops.ask(d.a, complete, 'file', '  ')),
    ]);
    expectRule(noOpinion, 'caseRule', 'caseRule.opinionRequired');

    const reviewing = await ops.caseAt(
      'reviewing',
      d.a,
      d.sup,
      completeCaseData(today(), {
        legalBasis: '',
        notice: { deliveredAt: '' },
      }),
    );
    const [notify] = await ops.refusedWithoutWrites(async () => [
      await ops.one(d.a, await ops.ask(d.a, reviewing, 'notify')),
    ]);
    expect(
      Object.keys(
        expectRule(notify, 'caseRule', 'caseRule.incomplete').details?.fieldErrors ?? {},
      ).sort(),
    ).toEqual(['legalBasis', 'notice.deliveredAt']);
    const executing = await ops.caseAt('executing', d.a, d.sup);
    await ops.applied(
      d.a,
      await ops.onCase(d.a, executing, 'update', { 'data.execution.executedAt': '' }),
    );
    const [close] = await ops.refusedWithoutWrites(async () => [
      await ops.one(d.a, await ops.ask(d.a, executing, 'close', '执行完毕，建议结案')),
    ]);
    expect(
      expectRule(close, 'caseRule', 'caseRule.incomplete').details?.fieldErrors,
    ).toHaveProperty(['execution.executedAt']);
  });

  it('the final approval checks the file again: emptied after the request, it is refused', async () => {
    const id = await ops.openCase(d.a);
    await ops.applied(d.a, await ops.ask(d.a, id, 'file'));
    await ops.applied(d.a, await ops.onCase(d.a, id, 'update', { 'data.facts': '' }));
    await ops.applied(d.sup, await ops.decide(d.sup, id, { level: 'review' }));
    const [r] = await ops.refusedWithoutWrites(async () => [
      await ops.one(d.sup, await ops.decide(d.sup, id, { level: 'approve' })),
    ]);
    expect(expectRule(r, 'caseRule', 'caseRule.incomplete').details?.fieldErrors).toHaveProperty([
      'facts',
    ]);
  });

  it('no decision before the 陈述申辩 window ends (unless the party waived it)', async () => {
    const id = await ops.caseAt(
      'notified',
      d.a,
      d.sup,
      completeCaseData(today(), { notice: { deliveredAt: today(), waived: false } }),
    );
    const [r] = await ops.refusedWithoutWrites(async () => [
      await ops.one(d.a, await ops.ask(d.a, id, 'decide', '建议罚款')),
    ]);
    const rej = expectRule(r, 'caseRule', 'caseRule.statementWindowOpen');
    const end = rej.details?.ruleParams as { end: string };
    expect(end.end > today()).toBe(true);
    expect(rej.message).toContain(end.end);
    // the party waives in writing: the same request goes through
    await ops.applied(d.a, await ops.onCase(d.a, id, 'update', { 'data.notice.waived': true }));
    await ops.applied(d.a, await ops.ask(d.a, id, 'decide', '建议罚款'));
    expect((await ops.row('case', id)).doc.pending).toMatchObject({ step: 'decide' });
  });

  it('a step without approval happens at once, dated by the server', async () => {
    const id = await ops.caseAt('investigating', d.a, d.sup);
    await ops.applied(d.a, await ops.ask(d.a, id, 'concludeInvestigation', ''));
    const { doc } = await ops.row('case', id);
    expect(doc).toMatchObject({ stage: 'reviewing', pending: null });
    expect((doc.stageHistory as unknown[]).at(-1)).toMatchObject({
      transition: 'concludeInvestigation',
      from: 'investigating',
      to: 'reviewing',
      byId: env.org.inspectorA.id,
      byName: '张执法',
    });
  });

  it('transition changes are validated', async () => {
    const id = await ops.openCase(d.a);
    const results = await ops.refusedWithoutWrites(async () =>
      ops.push(d.a, [
        await ops.onCase(d.a, id, 'transition', { transition: 'jump', opinion: 'x' }),
        await ops.onCase(d.a, id, 'transition', {
          transition: 'file',
          opinion: 'x',
          stage: 'closed',
        }),
        await ops.onCase(d.a, id, 'submit', {}),
      ]),
    );
    expect(results.map((r) => r.reason)).toEqual(['validation', 'validation', 'unsupportedOp']);
  });
});

describe('locks', () => {
  it('what an approved stage settled cannot be edited; the rest still can', async () => {
    const inv = await ops.caseAt('investigating', d.a, d.sup);
    const [locked] = await ops.refusedWithoutWrites(async () =>
      ops.push(d.a, [await ops.onCase(d.a, inv, 'update', { 'data.discoveredAt': '2026-01-05' })]),
    );
    const rej = expectRule(locked, 'caseRule', 'caseRule.locked');
    expect(rej.details?.ruleParams).toMatchObject({
      field: 'discoveredAt',
      stage: 'investigating',
    });
    expect(rej.message).toContain(nameOf('cases.fields', 'discoveredAt'));
    await ops.applied(d.a, await ops.onCase(d.a, inv, 'update', { 'data.facts': '补充事实' }));
    expect((await ops.row('case', inv)).doc.rev).toBe(2);

    const decided = await ops.caseAt('decided', d.a, d.sup);
    const refused = await ops.refusedWithoutWrites(async () =>
      ops.push(d.a, [
        await ops.onCase(d.a, decided, 'update', { 'data.facts': '改写' }),
        await ops.onCase(d.a, decided, 'update', { 'data.parties.0.name': '改名' }),
        await ops.onCase(d.a, decided, 'update', { 'data.amounts.fine': '9000' }),
      ]),
    );
    for (const r of refused) expectRule(r, 'caseRule', 'caseRule.locked');
    await ops.applied(
      d.a,
      await ops.onCase(d.a, decided, 'update', { 'data.decision.deliveryMethod': '直接送达' }),
    );

    const executing = await ops.caseAt('executing', d.a, d.sup);
    const [decision] = await ops.refusedWithoutWrites(async () =>
      ops.push(d.a, [
        await ops.onCase(d.a, executing, 'update', { 'data.decision.content': '改' }),
      ]),
    );
    expectRule(decision, 'caseRule', 'caseRule.locked');
  });

  it('a finished case is locked whole; an edit that changes nothing is not refused', async () => {
    const closed = await ops.caseAt('closed', d.a, d.sup);
    const [r] = await ops.refusedWithoutWrites(async () =>
      ops.push(d.a, [await ops.onCase(d.a, closed, 'update', { 'data.execution.note': '补记' })]),
    );
    expectRule(r, 'caseRule', 'caseRule.terminal');
    const before = await ops.row('case', closed);
    const same = await ops.one(
      d.a,
      await ops.onCase(d.a, closed, 'update', { 'data.execution.note': '罚款已缴纳。' }),
    );
    expect(same).toMatchObject({ status: 'applied', serverSeq: before.seq });
  });
});

describe('only the owner writes a case', () => {
  it('another inspector, another unit or a supervisor cannot edit it or ask for its steps', async () => {
    const id = await ops.openCase(d.a);
    for (const dev of [d.a2, d.b, d.sup, d.supB]) {
      const results = await ops.refusedWithoutWrites(async () =>
        ops.push(dev, [
          await ops.onCase(dev, id, 'update', { 'data.facts': '他人修改' }),
          await ops.ask(dev, id, 'file'),
        ]),
      );
      expect(results.map((r) => r.reason)).toEqual(['outOfScope', 'outOfScope']);
    }
    expect((await ops.row('case', id)).doc).toMatchObject({
      stage: 'accepted',
      pending: null,
      rev: 1,
    });
  });
});
