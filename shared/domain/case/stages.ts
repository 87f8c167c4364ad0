/**
 * The procedure of an enforcement case (一般程序) as data: its stages and the transitions
 * between them. One table, read by the core, the server and the UI; nothing else lists them.
 *
 * 受理 → 立案 (approval) or 不予立案 (approval) → 调查取证 → 调查终结 → 审查 → 告知 (陈述申辩
 * window) → 处理决定 (approval) → 送达 → 执行 → 结案 (approval). Branches: 撤案 and 移送
 * (approval), from the stages the law allows them.
 */

export const CASE_STAGES = [
  'accepted', // 受理
  'investigating', // 已立案，调查取证
  'reviewing', // 调查终结，审查/审理
  'notified', // 已告知，陈述申辩期
  'decided', // 已作出处理决定
  'executing', // 已送达，执行
  'closed', // 结案
  'notFiled', // 不予立案
  'withdrawn', // 撤案
  'transferred', // 移送
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const TERMINAL_STAGES: readonly CaseStage[] = [
  'closed',
  'notFiled',
  'withdrawn',
  'transferred',
];

export const isTerminalStage = (s: CaseStage): boolean => TERMINAL_STAGES.includes(s);

export const CASE_TRANSITIONS = [
  'file', // 立案
  'notFile', // 不予立案
  'concludeInvestigation', // 调查终结
  'notify', // 行政处罚告知
  'decide', // 处理决定
  'deliverDecision', // 送达决定书
  'close', // 结案
  'withdraw', // 撤案
  'transfer', // 移送
] as const;
export type CaseTransition = (typeof CASE_TRANSITIONS)[number];

/** The transitions that need a supervisor's approval, each an 审批表 in the file. */
export const APPROVAL_STEPS = [
  'file',
  'notFile',
  'decide',
  'close',
  'withdraw',
  'transfer',
] as const;
export type ApprovalStep = (typeof APPROVAL_STEPS)[number];

export const isApprovalStep = (t: CaseTransition): t is ApprovalStep =>
  (APPROVAL_STEPS as readonly string[]).includes(t);

/** The signing levels after the 承办人's request: 审核 then 审批. */
export const APPROVAL_LEVELS = ['review', 'approve'] as const;
export type ApprovalLevel = (typeof APPROVAL_LEVELS)[number];

export interface TransitionDef {
  name: CaseTransition;
  from: readonly CaseStage[];
  to: CaseStage;
  approval: boolean;
}

export const TRANSITION_TABLE: Record<CaseTransition, TransitionDef> = {
  file: { name: 'file', from: ['accepted'], to: 'investigating', approval: true },
  notFile: { name: 'notFile', from: ['accepted'], to: 'notFiled', approval: true },
  concludeInvestigation: {
    name: 'concludeInvestigation',
    from: ['investigating'],
    to: 'reviewing',
    approval: false,
  },
  notify: { name: 'notify', from: ['reviewing'], to: 'notified', approval: false },
  decide: { name: 'decide', from: ['notified'], to: 'decided', approval: true },
  deliverDecision: { name: 'deliverDecision', from: ['decided'], to: 'executing', approval: false },
  close: { name: 'close', from: ['executing'], to: 'closed', approval: true },
  withdraw: {
    name: 'withdraw',
    from: ['investigating', 'reviewing', 'notified'],
    to: 'withdrawn',
    approval: true,
  },
  transfer: {
    name: 'transfer',
    from: ['accepted', 'investigating', 'reviewing'],
    to: 'transferred',
    approval: true,
  },
};

/**
 * Content paths that are settled once a stage is reached: the approved 立案 facts cannot be
 * rewritten during the investigation, nor the decided penalty after the decision. Prefixes of
 * dotted paths into the case data. A terminal stage locks everything.
 */
const LOCKS: { from: CaseStage; paths: readonly string[] }[] = [
  { from: 'investigating', paths: ['source', 'sourceRef', 'discoveredAt'] },
  {
    from: 'decided',
    paths: ['cause', 'parties', 'facts', 'legalBasis', 'penaltyBasis', 'amounts', 'notice'],
  },
  { from: 'executing', paths: ['decision'] },
];

const STAGE_ORDER: readonly CaseStage[] = [
  'accepted',
  'investigating',
  'reviewing',
  'notified',
  'decided',
  'executing',
];

/**
 * Whether a case in `stage` has come as far as `from` along the main procedure. 结案 is past
 * every stage; the other ends (不予立案, 撤案, 移送) leave the procedure, so they reach none
 * but 受理.
 */
export function stageReached(stage: CaseStage, from: CaseStage): boolean {
  if (stage === 'closed') return true;
  const at = STAGE_ORDER.indexOf(stage);
  if (at < 0) return from === 'accepted';
  const needed = STAGE_ORDER.indexOf(from);
  return needed >= 0 && at >= needed;
}

/** The data path prefixes locked in a stage ('' = everything). */
export function lockedPaths(stage: CaseStage): string[] {
  if (isTerminalStage(stage)) return [''];
  const at = STAGE_ORDER.indexOf(stage);
  return LOCKS.filter((l) => STAGE_ORDER.indexOf(l.from) <= at).flatMap((l) => [...l.paths]);
}

/** The first locked prefix a changed path falls under, or null when it may change. */
export function lockedBy(stage: CaseStage, path: string): string | null {
  for (const p of lockedPaths(stage)) {
    if (p === '' || path === p || path.startsWith(`${p}.`) || p.startsWith(`${path}.`)) return p;
  }
  return null;
}
