/**
 * The case state machine: the one place that decides whether a step may be taken. The core
 * runs it before writing locally, the server runs it again on every mutation it receives, so a
 * client that skips the UI (or a tampered one) still cannot take an illegal step.
 *
 * Functions are pure: they take the workflow, the content, who acts and today's date, and
 * return the next workflow or the reason for refusal.
 */
import type { CaseData } from '../../schemas/case';
import { statementWindowEnd, type DeadlineOptions } from '../deadlines/compute';
import { permissionProblem, type PermissionProblem } from '../permissions';
import type { Actor, ApprovalRound, ApprovalSignature, CaseWorkflow } from './record';
import {
  APPROVAL_LEVELS,
  isApprovalStep,
  isTerminalStage,
  lockedBy,
  TRANSITION_TABLE,
  type ApprovalLevel,
  type ApprovalStep,
  type CaseTransition,
} from './stages';

export type CaseRuleKey =
  | 'caseRule.terminal'
  | 'caseRule.illegal'
  | 'caseRule.pending'
  | 'caseRule.incomplete'
  | 'caseRule.statementWindowOpen'
  | 'caseRule.noPending'
  | 'caseRule.wrongStep'
  | 'caseRule.wrongLevel'
  | 'caseRule.stale'
  | 'caseRule.locked'
  | 'caseRule.opinionRequired'
  | 'caseRule.commentRequired'
  | Exclude<PermissionProblem, null>;

export interface CaseRuleError {
  key: CaseRuleKey;
  params?: Record<string, string | number>;
  /** For `caseRule.incomplete`: data path → i18n key of what is missing. */
  fieldErrors?: Record<string, { key: string; params?: Record<string, string | number> }>;
}

export type MachineResult<T> = { ok: true; value: T } | { ok: false; error: CaseRuleError };

const fail = (
  key: CaseRuleKey,
  params?: CaseRuleError['params'],
  fieldErrors?: CaseRuleError['fieldErrors'],
) => ({
  ok: false as const,
  error: { key, ...(params ? { params } : {}), ...(fieldErrors ? { fieldErrors } : {}) },
});

export interface MachineContext {
  /** Today as YYYY-MM-DD in the acting side's calendar (the server's on the server). */
  today: string;
  /** Exact time (ISO 8601) for the records. */
  at: string;
  deadlines?: Omit<DeadlineOptions, 'today'>;
}

type Missing = Record<string, { key: string; params?: Record<string, string | number> }>;

const blank = (v: string) => v.trim() === '';

/** What each step needs in the file before it can be asked for (and again when approved). */
export function transitionProblems(
  t: CaseTransition,
  wf: CaseWorkflow,
  data: CaseData,
  ctx: MachineContext,
): Missing {
  const m: Missing = {};
  const need = (ok: boolean, path: string, key = 'v.required') => {
    if (!ok) m[path] = { key };
  };
  switch (t) {
    case 'file': {
      need(data.source !== '', 'source');
      need(!blank(data.cause), 'cause');
      need(data.discoveredAt !== '', 'discoveredAt');
      need(!blank(data.facts), 'facts');
      need(
        data.parties.some((p) => !blank(p.name)),
        'parties',
        'caseRule.needParty',
      );
      const officers = data.officers.filter((o) => !blank(o.name) && o.credentialNumber !== '');
      const distinct = new Set(officers.map((o) => o.credentialNumber)).size;
      need(distinct >= 2, 'officers', 'caseRule.needTwoOfficers');
      break;
    }
    case 'notFile':
      need(!blank(data.facts), 'facts');
      break;
    case 'concludeInvestigation':
      need(
        data.evidence.length > 0 || data.inquiries.length > 0 || !blank(data.onSite.findings),
        'evidence',
        'caseRule.needEvidence',
      );
      break;
    case 'notify':
      need(!blank(data.legalBasis), 'legalBasis');
      need(!blank(data.penaltyBasis), 'penaltyBasis');
      need(data.notice.deliveredAt !== '', 'notice.deliveredAt');
      break;
    case 'decide': {
      need(!blank(data.decision.content), 'decision.content');
      break;
    }
    case 'deliverDecision':
      need(data.decision.deliveredAt !== '', 'decision.deliveredAt');
      if (data.decision.deliveredAt && wf.decidedAt && data.decision.deliveredAt < wf.decidedAt) {
        m['decision.deliveredAt'] = { key: 'caseRule.deliveredBeforeDecision' };
      }
      break;
    case 'close':
      need(data.execution.executedAt !== '', 'execution.executedAt');
      break;
    case 'transfer':
      need(!blank(data.transferTo), 'transferTo');
      break;
    case 'withdraw':
      break;
  }
  void ctx;
  return m;
}

/**
 * The 告知 must come before the decision, and the decision waits for the 陈述申辩 window to
 * close unless the party waived it.
 */
function statementWindowProblem(
  wf: CaseWorkflow,
  data: CaseData,
  ctx: MachineContext,
): CaseRuleError | null {
  if (!data.notice.deliveredAt)
    return {
      key: 'caseRule.incomplete',
      fieldErrors: { 'notice.deliveredAt': { key: 'v.required' } },
    };
  if (data.notice.waived) return null;
  const end = statementWindowEnd(
    { stage: wf.stage, data, filedAt: wf.filedAt, decidedAt: wf.decidedAt },
    ctx.deadlines?.calendar,
    ctx.deadlines?.ruleSets,
  );
  if (end && ctx.today <= end) return { key: 'caseRule.statementWindowOpen', params: { end } };
  return null;
}

/** The checks shared by a request and its final approval. */
function stepProblem(
  t: CaseTransition,
  wf: CaseWorkflow,
  data: CaseData,
  ctx: MachineContext,
): CaseRuleError | null {
  const missing = transitionProblems(t, wf, data, ctx);
  if (Object.keys(missing).length > 0)
    return { key: 'caseRule.incomplete', params: { transition: t }, fieldErrors: missing };
  if (t === 'decide') return statementWindowProblem(wf, data, ctx);
  return null;
}

function advance(
  wf: CaseWorkflow,
  t: CaseTransition,
  actor: Actor,
  ctx: MachineContext,
): CaseWorkflow {
  const def = TRANSITION_TABLE[t];
  const next: CaseWorkflow = {
    ...wf,
    stage: def.to,
    stageHistory: [
      ...wf.stageHistory,
      { transition: t, from: wf.stage, to: def.to, at: ctx.at, byId: actor.id, byName: actor.name },
    ],
  };
  if (t === 'file') next.filedAt = ctx.today;
  if (t === 'decide') next.decidedAt = ctx.today;
  if (isTerminalStage(def.to)) next.closedAt = ctx.today;
  return next;
}

export interface TransitionRequest {
  transition: CaseTransition;
  /** 承办人意见; required for steps that need approval. */
  opinion: string;
}

/**
 * The owner asks for a step. A step without approval happens at once; one with approval
 * becomes the pending round, signed by the 承办人.
 */
export function requestTransition(
  wf: CaseWorkflow,
  data: CaseData,
  ownerUserId: string,
  actor: Actor,
  req: TransitionRequest,
  ctx: MachineContext,
): MachineResult<CaseWorkflow> {
  const perm = permissionProblem(
    { role: actor.role, userId: actor.id, unitId: null },
    'record.submit',
    {
      ownerUserId,
      inCallersUnit: true,
    },
  );
  if (perm) return fail(perm);
  if (isTerminalStage(wf.stage)) return fail('caseRule.terminal', { stage: wf.stage });
  if (wf.pending) return fail('caseRule.pending', { step: wf.pending.step });
  const def = TRANSITION_TABLE[req.transition];
  if (!def.from.includes(wf.stage))
    return fail('caseRule.illegal', { transition: req.transition, stage: wf.stage });
  const problem = stepProblem(req.transition, wf, data, ctx);
  if (problem) return { ok: false, error: problem };
  if (!isApprovalStep(req.transition))
    return { ok: true, value: advance(wf, req.transition, actor, ctx) };
  if (blank(req.opinion)) return fail('caseRule.opinionRequired');
  const signature: ApprovalSignature = {
    level: 'handler',
    decision: 'request',
    opinion: req.opinion.trim(),
    signerId: actor.id,
    signerName: actor.name,
    date: ctx.today,
    at: ctx.at,
  };
  const round: ApprovalRound = {
    step: req.transition,
    rev: wf.rev,
    signatures: [signature],
    outcome: 'pending',
  };
  return { ok: true, value: { ...wf, pending: round } };
}

/**
 * The level whose signature the pending round waits for. A supervisor's signature covers the
 * content revision it was given on: when the owner changed the case afterwards (`currentRev`
 * is newer), that signature no longer counts and its level must sign again, so an 审批 never
 * rests on an 审核 of text the 审核 signer did not see.
 */
export function nextLevel(round: ApprovalRound, currentRev?: number): ApprovalLevel {
  const valid = round.signatures.filter(
    (s) =>
      s.level === 'handler' ||
      currentRev === undefined ||
      (s.decision === 'approve' && (s.rev ?? round.rev) === currentRev),
  );
  const signed = new Set(valid.map((s) => s.level));
  return APPROVAL_LEVELS.find((l) => !signed.has(l)) ?? 'approve';
}

export interface ApprovalDecision {
  step: ApprovalStep;
  level: ApprovalLevel;
  decision: 'approve' | 'return';
  comment: string;
  /** The content revision the reviewer saw. */
  targetRev: number;
}

/**
 * A supervisor signs the pending round at its next level. Returning ends the round (the owner
 * may edit and ask again); approving at the last level takes the step.
 */
export function decideApproval(
  wf: CaseWorkflow,
  data: CaseData,
  target: { ownerUserId: string; inCallersUnit: boolean },
  actor: Actor,
  d: ApprovalDecision,
  ctx: MachineContext,
): MachineResult<CaseWorkflow> {
  const perm = permissionProblem(
    { role: actor.role, userId: actor.id, unitId: null },
    'review.decide',
    target,
  );
  if (perm) return fail(perm);
  const round = wf.pending;
  if (!round) return fail('caseRule.noPending');
  if (round.step !== d.step) return fail('caseRule.wrongStep', { step: round.step });
  // Content changed after the reviewer looked: the approval would cover text nobody reviewed.
  if (d.targetRev !== wf.rev) return fail('caseRule.stale', { rev: wf.rev });
  const expected = nextLevel(round, wf.rev);
  if (d.level !== expected) return fail('caseRule.wrongLevel', { level: expected });
  if (d.decision === 'return' && blank(d.comment)) return fail('caseRule.commentRequired');
  const signature: ApprovalSignature = {
    level: d.level,
    decision: d.decision,
    opinion: d.comment.trim(),
    signerId: actor.id,
    signerName: actor.name,
    date: ctx.today,
    at: ctx.at,
    rev: wf.rev,
  };
  const signed: ApprovalRound = { ...round, signatures: [...round.signatures, signature] };
  if (d.decision === 'return') {
    return {
      ok: true,
      value: {
        ...wf,
        pending: null,
        approvals: [...wf.approvals, { ...signed, outcome: 'returned' }],
      },
    };
  }
  if (d.level !== APPROVAL_LEVELS[APPROVAL_LEVELS.length - 1]) {
    return { ok: true, value: { ...wf, pending: signed } };
  }
  const problem = stepProblem(d.step, wf, data, ctx);
  if (problem) return { ok: false, error: problem };
  const approved: CaseWorkflow = {
    ...wf,
    pending: null,
    approvals: [...wf.approvals, { ...signed, outcome: 'approved' }],
  };
  return { ok: true, value: advance(approved, d.step, actor, ctx) };
}

/**
 * Whether the owner may change these data paths now. Content stays editable while a request
 * is pending (each change bumps `rev`, so an approval of older content is refused as stale),
 * but what an approved stage settled is locked.
 */
export function editProblem(
  wf: CaseWorkflow,
  ownerUserId: string,
  actor: Actor,
  changedPaths: readonly string[],
): CaseRuleError | null {
  const perm = permissionProblem(
    { role: actor.role, userId: actor.id, unitId: null },
    'record.edit',
    {
      ownerUserId,
      inCallersUnit: true,
    },
  );
  if (perm) return { key: perm };
  if (isTerminalStage(wf.stage)) return { key: 'caseRule.terminal', params: { stage: wf.stage } };
  for (const path of changedPaths) {
    const locked = lockedBy(wf.stage, path);
    if (locked !== null)
      return { key: 'caseRule.locked', params: { field: path, stage: wf.stage } };
  }
  return null;
}

/** Transitions the owner could ask for now (for the UI; each is still checked when asked). */
export function availableTransitions(wf: CaseWorkflow): CaseTransition[] {
  if (isTerminalStage(wf.stage) || wf.pending) return [];
  return (Object.keys(TRANSITION_TABLE) as CaseTransition[]).filter((t) =>
    TRANSITION_TABLE[t].from.includes(wf.stage),
  );
}

export type { ApprovalLevel, ApprovalStep };
