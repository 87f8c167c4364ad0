/**
 * The case state machine: every (stage × transition) pair generated from the stage list and
 * checked against the transition table; the guards of each step; the 陈述申辩 window; the
 * approval rounds (levels, staleness, returns); locked content per stage; and a property test
 * that any sequence of requests and decisions keeps the workflow consistent.
 */
import fc from 'fast-check';
import type { CaseData } from '../../shared/schemas/case';
import {
  availableTransitions,
  decideApproval,
  editProblem,
  nextLevel,
  requestTransition,
  type MachineContext,
} from '../../shared/domain/case/machine';
import type { Actor, CaseWorkflow } from '../../shared/domain/case/record';
import {
  APPROVAL_LEVELS,
  APPROVAL_STEPS,
  CASE_STAGES,
  CASE_TRANSITIONS,
  isApprovalStep,
  isTerminalStage,
  lockedPaths,
  TERMINAL_STAGES,
  TRANSITION_TABLE,
  type ApprovalStep,
  type CaseStage,
  type CaseTransition,
} from '../../shared/domain/case/stages';
import {
  APPROVER,
  completeCaseData,
  CTX,
  IN_UNIT,
  NOTICE_DELIVERED,
  OWNER,
  PATH_TO,
  REVIEWER,
  take,
  unwrap,
  WINDOW_END,
  workflowIn,
} from './caseFixtures';

const ask = (
  wf: CaseWorkflow,
  t: CaseTransition,
  data: CaseData = completeCaseData(),
  opts: { actor?: Actor; opinion?: string; ctx?: MachineContext } = {},
) =>
  requestTransition(
    wf,
    data,
    OWNER.id,
    opts.actor ?? OWNER,
    { transition: t, opinion: opts.opinion ?? '建议办理' },
    opts.ctx ?? CTX,
  );

const decide = (
  wf: CaseWorkflow,
  d: Partial<Parameters<typeof decideApproval>[4]> & { step: ApprovalStep },
  opts: { actor?: Actor; data?: CaseData; ctx?: MachineContext } = {},
) =>
  decideApproval(
    wf,
    opts.data ?? completeCaseData(),
    IN_UNIT,
    opts.actor ?? REVIEWER,
    { level: 'review', decision: 'approve', comment: '同意', targetRev: wf.rev, ...d },
    opts.ctx ?? CTX,
  );

const PAIRS = CASE_STAGES.flatMap((stage) =>
  CASE_TRANSITIONS.map((transition) => ({
    stage,
    transition,
    legal: !isTerminalStage(stage) && TRANSITION_TABLE[transition].from.includes(stage),
  })),
);

describe('every stage × transition', () => {
  it('generates all pairs, and the table only leads between known stages', () => {
    expect(PAIRS).toHaveLength(CASE_STAGES.length * CASE_TRANSITIONS.length);
    expect(PAIRS.filter((p) => p.legal).length).toBe(
      CASE_TRANSITIONS.reduce((n, t) => n + TRANSITION_TABLE[t].from.length, 0),
    );
    for (const t of CASE_TRANSITIONS) {
      expect(TRANSITION_TABLE[t].name).toBe(t);
      expect(CASE_STAGES).toContain(TRANSITION_TABLE[t].to);
      expect(TRANSITION_TABLE[t].approval).toBe(isApprovalStep(t));
      for (const from of TRANSITION_TABLE[t].from) expect(isTerminalStage(from)).toBe(false);
    }
  });

  it.each(CASE_STAGES)('the fixture reaches %s through the machine', (stage) => {
    const wf = workflowIn(stage);
    expect(wf.stage).toBe(stage);
    expect(wf.stageHistory.map((h) => h.transition)).toEqual(PATH_TO[stage]);
    expect(wf.pending).toBeNull();
  });

  it.each(PAIRS)('$transition from $stage: legal $legal', ({ stage, transition, legal }) => {
    const wf = workflowIn(stage);
    const data = completeCaseData();
    const def = TRANSITION_TABLE[transition];
    expect(availableTransitions(wf).includes(transition)).toBe(legal);
    const r = ask(wf, transition, data);
    if (!legal) {
      expect(r).toEqual({
        ok: false,
        error: isTerminalStage(stage)
          ? { key: 'caseRule.terminal', params: { stage } }
          : { key: 'caseRule.illegal', params: { transition, stage } },
      });
      return;
    }
    const asked = unwrap(r);
    if (!def.approval) {
      expect(asked.stage).toBe(def.to);
      expect(asked.pending).toBeNull();
      expect(asked.stageHistory.at(-1)).toMatchObject({ transition, from: stage, to: def.to });
      return;
    }
    // An approval step waits for its two signatures; the stage does not move yet.
    expect(asked.stage).toBe(stage);
    expect(asked.pending).toMatchObject({ step: transition, rev: wf.rev, outcome: 'pending' });
    expect(asked.pending?.signatures).toEqual([
      expect.objectContaining({ level: 'handler', decision: 'request', signerId: OWNER.id }),
    ]);
    expect(availableTransitions(asked)).toEqual([]);
    const step = transition as ApprovalStep;
    const reviewed = unwrap(decide(asked, { step }));
    expect(reviewed.stage).toBe(stage);
    expect(reviewed.pending && nextLevel(reviewed.pending)).toBe('approve');
    const approved = unwrap(decide(reviewed, { step, level: 'approve' }, { actor: APPROVER }));
    expect(approved.stage).toBe(def.to);
    expect(approved.pending).toBeNull();
    expect(approved.approvals.at(-1)).toMatchObject({ step, outcome: 'approved' });
    expect(approved.approvals.at(-1)?.signatures.map((s) => s.level)).toEqual([
      'handler',
      'review',
      'approve',
    ]);
    expect(approved.stageHistory.at(-1)).toMatchObject({
      transition,
      from: stage,
      to: def.to,
      byId: APPROVER.id,
    });

    // Returned at either level instead: the round ends, the stage stays, it may be asked again.
    for (const returned of [
      unwrap(decide(asked, { step, decision: 'return', comment: '证据不足' })),
      unwrap(
        decide(
          reviewed,
          { step, level: 'approve', decision: 'return', comment: '再核实' },
          { actor: APPROVER },
        ),
      ),
    ]) {
      expect(returned.stage).toBe(stage);
      expect(returned.pending).toBeNull();
      expect(returned.approvals.at(-1)).toMatchObject({ step, outcome: 'returned' });
      expect(returned.stageHistory).toEqual(wf.stageHistory);
      expect(ask(returned, transition, data).ok).toBe(true);
    }
  });
});

describe('guards', () => {
  type Case = [CaseTransition, string, (d: CaseData) => void, Record<string, string>];
  const GUARDS: Case[] = [
    ['file', 'no source', (d) => (d.source = ''), { source: 'v.required' }],
    ['file', 'no cause', (d) => (d.cause = '  '), { cause: 'v.required' }],
    ['file', 'no discovery date', (d) => (d.discoveredAt = ''), { discoveredAt: 'v.required' }],
    ['file', 'no facts', (d) => (d.facts = ''), { facts: 'v.required' }],
    [
      'file',
      'no named party',
      (d) => (d.parties = d.parties.map((p) => ({ ...p, name: '' }))),
      { parties: 'caseRule.needParty' },
    ],
    [
      'file',
      'one officer',
      (d) => (d.officers = d.officers.slice(0, 1)),
      { officers: 'caseRule.needTwoOfficers' },
    ],
    [
      'file',
      'two officers, one credential',
      (d) => (d.officers = d.officers.map((o) => ({ ...o, credentialNumber: 'LN-2101-0001' }))),
      { officers: 'caseRule.needTwoOfficers' },
    ],
    [
      'file',
      'several things at once',
      (d) => {
        d.cause = '';
        d.facts = '';
      },
      { cause: 'v.required', facts: 'v.required' },
    ],
    ['notFile', 'no facts', (d) => (d.facts = ''), { facts: 'v.required' }],
    [
      'concludeInvestigation',
      'no evidence of any kind',
      (d) => {
        d.evidence = [];
        d.inquiries = [];
        d.onSite = { ...d.onSite, findings: '' };
      },
      { evidence: 'caseRule.needEvidence' },
    ],
    ['notify', 'no legal basis', (d) => (d.legalBasis = ''), { legalBasis: 'v.required' }],
    ['notify', 'no penalty basis', (d) => (d.penaltyBasis = ''), { penaltyBasis: 'v.required' }],
    [
      'notify',
      'notice not delivered',
      (d) => (d.notice = { ...d.notice, deliveredAt: '' }),
      { 'notice.deliveredAt': 'v.required' },
    ],
    [
      'decide',
      'no decision text',
      (d) => (d.decision = { ...d.decision, content: '' }),
      { 'decision.content': 'v.required' },
    ],
    [
      'deliverDecision',
      'not delivered',
      (d) => (d.decision = { ...d.decision, deliveredAt: '' }),
      { 'decision.deliveredAt': 'v.required' },
    ],
    [
      'deliverDecision',
      'delivered before the decision',
      (d) => (d.decision = { ...d.decision, deliveredAt: '2026-06-30' }),
      { 'decision.deliveredAt': 'caseRule.deliveredBeforeDecision' },
    ],
    [
      'close',
      'not executed',
      (d) => (d.execution = { ...d.execution, executedAt: '' }),
      { 'execution.executedAt': 'v.required' },
    ],
    ['transfer', 'no receiving agency', (d) => (d.transferTo = ''), { transferTo: 'v.required' }],
  ];

  it('has a case for every guarded transition', () => {
    const guarded = new Set(GUARDS.map(([t]) => t));
    expect(CASE_TRANSITIONS.filter((t) => !guarded.has(t))).toEqual(['withdraw']);
  });

  it.each(GUARDS)('%s refused with %s', (t, _why, spoil, fields) => {
    const from = TRANSITION_TABLE[t].from[0] as CaseStage;
    const wf = workflowIn(from);
    const data = completeCaseData();
    spoil(data);
    const r = ask(wf, t, data);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.key).toBe('caseRule.incomplete');
    expect(r.error.params).toEqual({ transition: t });
    const got = Object.fromEntries(
      Object.entries(r.error.fieldErrors ?? {}).map(([k, v]) => [k, v.key]),
    );
    expect(got).toEqual(fields);
  });

  it('checks the guard again at the final approval', () => {
    const data = completeCaseData();
    const asked = unwrap(ask(workflowIn('accepted'), 'file', data));
    const reviewed = unwrap(decide(asked, { step: 'file' }, { data }));
    const spoiled = { ...data, facts: '' };
    const r = decide(
      reviewed,
      { step: 'file', level: 'approve' },
      { actor: APPROVER, data: spoiled },
    );
    expect(r).toMatchObject({ ok: false, error: { key: 'caseRule.incomplete' } });
  });

  it('asks for the 承办人 opinion on an approval step, and a comment on a return', () => {
    expect(ask(workflowIn('accepted'), 'file', completeCaseData(), { opinion: ' ' })).toEqual({
      ok: false,
      error: { key: 'caseRule.opinionRequired' },
    });
    // A step without approval needs no opinion.
    expect(
      ask(workflowIn('investigating'), 'concludeInvestigation', completeCaseData(), { opinion: '' })
        .ok,
    ).toBe(true);
    const asked = unwrap(ask(workflowIn('accepted'), 'file'));
    expect(decide(asked, { step: 'file', decision: 'return', comment: '' })).toEqual({
      ok: false,
      error: { key: 'caseRule.commentRequired' },
    });
  });
});

describe('the 陈述申辩 window', () => {
  const notified = () => workflowIn('notified');
  const at = (today: string): MachineContext => ({ today, at: `${today}T02:00:00.000Z` });

  it('refuses the decision while the window is open, up to and including its last day', () => {
    for (const today of [NOTICE_DELIVERED, '2026-06-05', WINDOW_END]) {
      expect(ask(notified(), 'decide', completeCaseData(), { ctx: at(today) })).toEqual({
        ok: false,
        error: { key: 'caseRule.statementWindowOpen', params: { end: WINDOW_END } },
      });
    }
  });

  it('allows it the day after the window, or at once when the party waived it', () => {
    expect(ask(notified(), 'decide', completeCaseData(), { ctx: at('2026-06-09') }).ok).toBe(true);
    const waived = completeCaseData();
    waived.notice = { ...waived.notice, waived: true };
    expect(ask(notified(), 'decide', waived, { ctx: at(NOTICE_DELIVERED) }).ok).toBe(true);
  });

  it('follows the configured calendar: over 2026 national day the window is longer', () => {
    const data = completeCaseData();
    data.notice = { ...data.notice, deliveredAt: '2026-09-30' };
    // Five working days after Wed 30 Sep 2026 end on Tue 13 Oct (1–7 Oct off, Sat 10 worked).
    expect(ask(notified(), 'decide', data, { ctx: at('2026-10-13') })).toMatchObject({
      ok: false,
      error: { key: 'caseRule.statementWindowOpen', params: { end: '2026-10-13' } },
    });
    expect(ask(notified(), 'decide', data, { ctx: at('2026-10-14') }).ok).toBe(true);
    // A calendar without holidays ends it sooner.
    const plain = { ...at('2026-10-08'), deadlines: { calendar: { holidays: [], workdays: [] } } };
    expect(ask(notified(), 'decide', data, { ctx: plain }).ok).toBe(true);
  });

  it('cannot start the window without a delivered 告知书', () => {
    const data = completeCaseData();
    data.notice = { ...data.notice, deliveredAt: '' };
    const r = ask(notified(), 'decide', data);
    expect(r).toMatchObject({
      ok: false,
      error: {
        key: 'caseRule.incomplete',
        fieldErrors: { 'notice.deliveredAt': { key: 'v.required' } },
      },
    });
  });

  it('checks the window again when the decision is approved', () => {
    const data = completeCaseData();
    data.notice = { ...data.notice, waived: true };
    const asked = unwrap(ask(notified(), 'decide', data, { ctx: at(NOTICE_DELIVERED) }));
    const reviewed = unwrap(decide(asked, { step: 'decide' }, { data, ctx: at(NOTICE_DELIVERED) }));
    const withdrawnWaiver = { ...data, notice: { ...data.notice, waived: false } };
    expect(
      decide(
        reviewed,
        { step: 'decide', level: 'approve' },
        { actor: APPROVER, data: withdrawnWaiver, ctx: at('2026-06-02') },
      ),
    ).toMatchObject({ ok: false, error: { key: 'caseRule.statementWindowOpen' } });
  });
});

describe('approval rounds', () => {
  const pendingFile = () => unwrap(ask(workflowIn('accepted'), 'file'));

  it('refuses an approval of content that changed after the request (stale rev)', () => {
    const wf = pendingFile();
    expect(decide(wf, { step: 'file', targetRev: wf.rev - 1 })).toEqual({
      ok: false,
      error: { key: 'caseRule.stale', params: { rev: wf.rev } },
    });
    const edited = { ...wf, rev: wf.rev + 1 };
    expect(decide(edited, { step: 'file', targetRev: wf.rev })).toEqual({
      ok: false,
      error: { key: 'caseRule.stale', params: { rev: edited.rev } },
    });
  });

  it('refuses the wrong level, the wrong step, and a decision with nothing pending', () => {
    const wf = pendingFile();
    expect(decide(wf, { step: 'file', level: 'approve' })).toEqual({
      ok: false,
      error: { key: 'caseRule.wrongLevel', params: { level: 'review' } },
    });
    const reviewed = unwrap(decide(wf, { step: 'file' }));
    expect(decide(reviewed, { step: 'file', level: 'review' })).toEqual({
      ok: false,
      error: { key: 'caseRule.wrongLevel', params: { level: 'approve' } },
    });
    expect(decide(wf, { step: 'notFile' })).toEqual({
      ok: false,
      error: { key: 'caseRule.wrongStep', params: { step: 'file' } },
    });
    expect(decide(workflowIn('accepted'), { step: 'file' })).toEqual({
      ok: false,
      error: { key: 'caseRule.noPending' },
    });
  });

  it('voids an 审核 signature when the owner edits before the 审批: 审核 must sign again', () => {
    const reviewed = unwrap(decide(pendingFile(), { step: 'file' }));
    expect(reviewed.pending && nextLevel(reviewed.pending, reviewed.rev)).toBe('approve');
    const edited = { ...reviewed, rev: reviewed.rev + 1 };
    expect(edited.pending && nextLevel(edited.pending, edited.rev)).toBe('review');
    expect(decide(edited, { step: 'file', level: 'approve' }, { actor: APPROVER })).toEqual({
      ok: false,
      error: { key: 'caseRule.wrongLevel', params: { level: 'review' } },
    });
    const reReviewed = unwrap(decide(edited, { step: 'file' }));
    const approved = unwrap(
      decide(reReviewed, { step: 'file', level: 'approve' }, { actor: APPROVER }),
    );
    expect(approved.stage).toBe('investigating');
    const round = approved.approvals[approved.approvals.length - 1];
    expect(round?.signatures.map((x) => [x.level, x.rev ?? null])).toEqual([
      ['handler', null],
      ['review', reviewed.rev],
      ['review', edited.rev],
      ['approve', edited.rev],
    ]);
  });

  it('allows one request at a time', () => {
    expect(ask(pendingFile(), 'transfer')).toEqual({
      ok: false,
      error: { key: 'caseRule.pending', params: { step: 'file' } },
    });
  });

  it('lets only the owner ask, and only another in-unit supervisor decide', () => {
    const colleague: Actor = { id: 'u-colleague', name: '李执法', role: 'inspector' };
    const admin: Actor = { id: 'u-admin', name: '管理员', role: 'admin' };
    expect(ask(workflowIn('accepted'), 'file', completeCaseData(), { actor: colleague })).toEqual({
      ok: false,
      error: { key: 'perm.notOwner' },
    });
    expect(ask(workflowIn('accepted'), 'file', completeCaseData(), { actor: admin })).toEqual({
      ok: false,
      error: { key: 'perm.roleCannot' },
    });
    const wf = pendingFile();
    expect(decide(wf, { step: 'file' }, { actor: OWNER })).toEqual({
      ok: false,
      error: { key: 'perm.roleCannot' },
    });
    const supervisorOwner: Actor = { ...OWNER, role: 'supervisor' };
    expect(decide(wf, { step: 'file' }, { actor: supervisorOwner })).toEqual({
      ok: false,
      error: { key: 'perm.ownRecordReview' },
    });
    const outside = decideApproval(
      wf,
      completeCaseData(),
      { ownerUserId: OWNER.id, inCallersUnit: false },
      REVIEWER,
      { step: 'file', level: 'review', decision: 'approve', comment: '', targetRev: wf.rev },
      CTX,
    );
    expect(outside).toEqual({ ok: false, error: { key: 'perm.otherUnit' } });
  });
});

describe('locked content per stage', () => {
  /** What each stage has settled, written out once: data path prefixes ('' = everything). */
  const SETTLED_FILING = ['source', 'sourceRef', 'discoveredAt'];
  const SETTLED_DECISION = [
    ...SETTLED_FILING,
    'cause',
    'parties',
    'facts',
    'legalBasis',
    'penaltyBasis',
    'amounts',
    'notice',
  ];
  const LOCKED: Record<CaseStage, string[]> = {
    accepted: [],
    investigating: SETTLED_FILING,
    reviewing: SETTLED_FILING,
    notified: SETTLED_FILING,
    decided: SETTLED_DECISION,
    executing: [...SETTLED_DECISION, 'decision'],
    closed: [''],
    notFiled: [''],
    withdrawn: [''],
    transferred: [''],
  };
  const PATHS = [
    'source',
    'discoveredAt',
    'cause',
    'parties.0.name',
    'facts',
    'amounts.fine',
    'notice.waived',
    'decision.content',
    'evidence',
    'measures.0.releasedAt',
    'execution.executedAt',
  ];

  it.each(CASE_STAGES)('%s', (stage) => {
    expect(new Set(lockedPaths(stage))).toEqual(new Set(LOCKED[stage]));
    const wf = workflowIn(stage);
    for (const path of PATHS) {
      const locked = LOCKED[stage].some((p) => p === '' || path === p || path.startsWith(`${p}.`));
      const problem = editProblem(wf, OWNER.id, OWNER, [path]);
      if (isTerminalStage(stage)) {
        expect(problem).toEqual({ key: 'caseRule.terminal', params: { stage } });
      } else if (locked) {
        expect(problem).toEqual({ key: 'caseRule.locked', params: { field: path, stage } });
      } else {
        expect(problem).toBeNull();
      }
    }
    // Someone else never edits the owner's case.
    const colleague: Actor = { id: 'u-colleague', name: '李执法', role: 'inspector' };
    expect(editProblem(wf, OWNER.id, colleague, ['evidence'])).toEqual({ key: 'perm.notOwner' });
  });

  it('treats replacing a whole group as changing the locked fields in it', () => {
    const wf = workflowIn('investigating');
    expect(editProblem(wf, OWNER.id, OWNER, ['notice'])).toBeNull();
    const decided = workflowIn('decided');
    expect(editProblem(decided, OWNER.id, OWNER, ['notice'])).toMatchObject({
      key: 'caseRule.locked',
    });
  });

  it('keeps content editable while a request is pending', () => {
    const wf = unwrap(ask(workflowIn('accepted'), 'file'));
    expect(editProblem(wf, OWNER.id, OWNER, ['facts'])).toBeNull();
  });
});

describe('any sequence of requests and decisions (property)', () => {
  type Command =
    | { kind: 'ask'; transition: CaseTransition; opinion: string; byOwner: boolean }
    | {
        kind: 'decide';
        step: ApprovalStep | 'pending';
        level: (typeof APPROVAL_LEVELS)[number];
        decision: 'approve' | 'return';
        comment: string;
        stale: boolean;
        byReviewer: boolean;
      }
    | { kind: 'edit' }
    | { kind: 'spoil'; field: 'facts' | 'cause' | 'transferTo' | 'restore' };

  const command: fc.Arbitrary<Command> = fc.oneof(
    fc.record({
      kind: fc.constant('ask' as const),
      transition: fc.constantFrom(...CASE_TRANSITIONS),
      opinion: fc.constantFrom('同意', '', ' '),
      byOwner: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant('decide' as const),
      step: fc.constantFrom<ApprovalStep | 'pending'>('pending', 'pending', ...APPROVAL_STEPS),
      level: fc.constantFrom(...APPROVAL_LEVELS),
      decision: fc.constantFrom('approve' as const, 'approve' as const, 'return' as const),
      comment: fc.constantFrom('同意', ''),
      stale: fc.boolean(),
      byReviewer: fc.boolean(),
    }),
    fc.record({ kind: fc.constant('edit' as const) }),
    fc.record({
      kind: fc.constant('spoil' as const),
      field: fc.constantFrom(
        'facts' as const,
        'cause' as const,
        'transferTo' as const,
        'restore' as const,
      ),
    }),
  );

  function check(wf: CaseWorkflow): void {
    // The history is a path through the table from 受理 to the current stage.
    let at: CaseStage = 'accepted';
    for (const h of wf.stageHistory) {
      expect(h.from).toBe(at);
      expect(TRANSITION_TABLE[h.transition].from).toContain(h.from);
      expect(h.to).toBe(TRANSITION_TABLE[h.transition].to);
      at = h.to;
    }
    expect(wf.stage).toBe(at);
    const taken = wf.stageHistory.map((h) => h.transition);
    expect(wf.filedAt !== null).toBe(taken.includes('file'));
    expect(wf.decidedAt !== null).toBe(taken.includes('decide'));
    expect(wf.closedAt !== null).toBe(isTerminalStage(wf.stage));
    // Every approval step taken has exactly one approved round behind it, and vice versa.
    const approvedSteps = wf.approvals.filter((a) => a.outcome === 'approved').map((a) => a.step);
    expect(approvedSteps).toEqual(taken.filter(isApprovalStep));
    expect(wf.approvals.every((a) => a.outcome !== 'pending')).toBe(true);
    if (wf.pending) {
      expect(wf.pending.outcome).toBe('pending');
      expect(TRANSITION_TABLE[wf.pending.step].from).toContain(wf.stage);
      expect(wf.pending.signatures[0]).toMatchObject({ level: 'handler', signerId: OWNER.id });
    }
    if (isTerminalStage(wf.stage)) expect(wf.pending).toBeNull();
  }

  it('keeps stage, history, dates and rounds consistent', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 60 }), (commands) => {
        let wf = workflowIn('accepted');
        let data = completeCaseData();
        for (const c of commands) {
          const before = wf;
          let next: CaseWorkflow | null = null;
          if (c.kind === 'edit') {
            if (!editProblem(wf, OWNER.id, OWNER, ['evidence'])) next = { ...wf, rev: wf.rev + 1 };
          } else if (c.kind === 'spoil') {
            data = c.field === 'restore' ? completeCaseData() : { ...data, [c.field]: '' };
          } else if (c.kind === 'ask') {
            const actor = c.byOwner ? OWNER : REVIEWER;
            const r = ask(wf, c.transition, data, { actor, opinion: c.opinion });
            if (r.ok) next = r.value;
          } else {
            const step = c.step === 'pending' ? (wf.pending?.step ?? 'file') : c.step;
            const actor = c.byReviewer ? (c.level === 'review' ? REVIEWER : APPROVER) : OWNER;
            const r = decideApproval(
              wf,
              data,
              IN_UNIT,
              actor,
              {
                step,
                level: c.level,
                decision: c.decision,
                comment: c.comment,
                targetRev: c.stale ? wf.rev - 1 : wf.rev,
              },
              CTX,
            );
            if (r.ok) next = r.value;
          }
          if (next) {
            wf = next;
            check(wf);
            // A stage moves by one step at most, and only along the table.
            const grown = wf.stageHistory.length - before.stageHistory.length;
            expect(grown === 0 || grown === 1).toBe(true);
            if (grown === 0) expect(wf.stage).toBe(before.stage);
          }
        }
        check(wf);
      }),
      { numRuns: 300 },
    );
  });

  it('reaches every terminal stage from some sequence', () => {
    const reached = new Set<CaseStage>();
    for (const stage of TERMINAL_STAGES) {
      const wf = PATH_TO[stage].reduce(
        (w, t) => take(w, completeCaseData(), t),
        workflowIn('accepted'),
      );
      reached.add(wf.stage);
      expect(availableTransitions(wf)).toEqual([]);
    }
    expect([...reached].sort()).toEqual([...TERMINAL_STAGES].sort());
  });
});
