/**
 * Case fixtures for the state-machine tests: content that satisfies every step's guard, the
 * people who act, and workflows brought to any stage by the machine itself.
 */
import { emptyCaseData, type CaseData } from '../../shared/schemas/case';
import {
  decideApproval,
  requestTransition,
  type MachineContext,
  type MachineResult,
} from '../../shared/domain/case/machine';
import { initialWorkflow, type Actor, type CaseWorkflow } from '../../shared/domain/case/record';
import {
  isApprovalStep,
  type ApprovalStep,
  type CaseStage,
  type CaseTransition,
} from '../../shared/domain/case/stages';

export const OWNER: Actor = { id: 'u-owner', name: '张执法', role: 'inspector' };
export const REVIEWER: Actor = { id: 'u-review', name: '赵审核', role: 'supervisor' };
export const APPROVER: Actor = { id: 'u-head', name: '钱局长', role: 'supervisor' };
export const IN_UNIT = { ownerUserId: OWNER.id, inCallersUnit: true };

/** 告知书 delivered Mon 1 Jun 2026: the 陈述申辩 window (5 working days) ends Mon 8 Jun. */
export const NOTICE_DELIVERED = '2026-06-01';
export const WINDOW_END = '2026-06-08';
/** Well after the window; every step is taken on this day. */
export const CTX: MachineContext = { today: '2026-07-01', at: '2026-07-01T02:00:00.000Z' };

/** Content that satisfies the guard of every step. */
export function completeCaseData(): CaseData {
  const d = emptyCaseData();
  d.source = 'failedSpotCheck';
  d.sourceRef = 'LNJD-2026-000123';
  d.cause = '生产销售不合格产品';
  d.discoveredAt = '2026-05-20';
  d.facts = '经抽样检验，该批次产品不合格。';
  d.parties = [
    {
      kind: 'enterprise',
      enterpriseId: '',
      name: '沈阳飞鹤乳业有限公司',
      creditCode: '',
      idNumber: '',
      legalRepresentative: '李四',
      address: '沈阳市和平区中山路 100 号',
      phone: '',
    },
  ];
  d.officers = [
    { userId: OWNER.id, name: '张执法', credentialNumber: 'LN-2101-0001' },
    { userId: 'u-second', name: '李执法', credentialNumber: 'LN-2101-0002' },
  ];
  d.onSite = { ...d.onSite, findings: '库存同批次产品 200 箱。' };
  d.legalBasis = '《中华人民共和国产品质量法》第十三条';
  d.penaltyBasis = '《中华人民共和国产品质量法》第四十九条';
  d.notice = { ...d.notice, deliveredAt: NOTICE_DELIVERED };
  d.decision = {
    content: '罚款人民币五万元。',
    deliveredAt: CTX.today,
    deliveryMethod: '直接送达',
  };
  d.execution = { executedAt: CTX.today, note: '' };
  d.transferTo = '沈阳市公安局';
  return d;
}

/** The steps that lead from 受理 to each stage. */
export const PATH_TO: Record<CaseStage, readonly CaseTransition[]> = {
  accepted: [],
  investigating: ['file'],
  reviewing: ['file', 'concludeInvestigation'],
  notified: ['file', 'concludeInvestigation', 'notify'],
  decided: ['file', 'concludeInvestigation', 'notify', 'decide'],
  executing: ['file', 'concludeInvestigation', 'notify', 'decide', 'deliverDecision'],
  closed: ['file', 'concludeInvestigation', 'notify', 'decide', 'deliverDecision', 'close'],
  notFiled: ['notFile'],
  withdrawn: ['file', 'withdraw'],
  transferred: ['transfer'],
};

export function unwrap<T>(r: MachineResult<T>): T {
  if (!r.ok) throw new Error(`machine refused: ${JSON.stringify(r.error)}`);
  return r.value;
}

/** Both signatures of a pending round: 审核 then 审批. */
export function approve(
  wf: CaseWorkflow,
  data: CaseData,
  step: ApprovalStep,
  ctx: MachineContext = CTX,
): CaseWorkflow {
  const reviewed = unwrap(
    decideApproval(
      wf,
      data,
      IN_UNIT,
      REVIEWER,
      { step, level: 'review', decision: 'approve', comment: '同意', targetRev: wf.rev },
      ctx,
    ),
  );
  return unwrap(
    decideApproval(
      reviewed,
      data,
      IN_UNIT,
      APPROVER,
      { step, level: 'approve', decision: 'approve', comment: '同意', targetRev: wf.rev },
      ctx,
    ),
  );
}

/** One step taken in full: asked for, and approved where the step needs approval. */
export function take(
  wf: CaseWorkflow,
  data: CaseData,
  t: CaseTransition,
  ctx: MachineContext = CTX,
): CaseWorkflow {
  const asked = unwrap(
    requestTransition(wf, data, OWNER.id, OWNER, { transition: t, opinion: '建议办理' }, ctx),
  );
  return isApprovalStep(t) ? approve(asked, data, t, ctx) : asked;
}

/** A workflow in `stage`, reached through the machine with complete content. */
export function workflowIn(stage: CaseStage, data: CaseData = completeCaseData()): CaseWorkflow {
  return PATH_TO[stage].reduce((wf, t) => take(wf, data, t), initialWorkflow());
}
