/**
 * A case as stored and synced: the inspector's content (`data`) plus the workflow state the
 * state machine keeps (stage, approvals, dates). Devices write `data` and ask for transitions;
 * only the machine changes the workflow part.
 */
import type { CaseData } from '../../schemas/case';
import type { Role } from '../permissions';
import type { ApprovalLevel, ApprovalStep, CaseStage, CaseTransition } from './stages';

export interface ApprovalSignature {
  /** 承办人 (the request), 审核, 审批. */
  level: 'handler' | ApprovalLevel;
  decision: 'request' | 'approve' | 'return';
  opinion: string;
  signerId: string;
  signerName: string;
  /** Day of signing as printed on the 审批表, YYYY-MM-DD. */
  date: string;
  /** Exact time (ISO 8601), for the timeline. */
  at: string;
  /** The content revision signed (supervisor levels; a later edit voids the signature). */
  rev?: number;
}

export interface ApprovalRound {
  step: ApprovalStep;
  /** The content revision the request (and every signature in it) covers. */
  rev: number;
  signatures: ApprovalSignature[];
  outcome: 'pending' | 'approved' | 'returned';
}

export interface StageChange {
  transition: CaseTransition;
  from: CaseStage;
  to: CaseStage;
  at: string;
  byId: string;
  byName: string;
}

export interface CaseWorkflow {
  stage: CaseStage;
  /** Bumped on every change of `data`; an approval names the revision it saw. */
  rev: number;
  /** The approval being asked for, if any. */
  pending: ApprovalRound | null;
  /** Finished rounds, approved or returned, oldest first. */
  approvals: ApprovalRound[];
  stageHistory: StageChange[];
  /** Days (YYYY-MM-DD) set by approvals: 立案, 处理决定, 结案 (or the terminal branch). */
  filedAt: string | null;
  decidedAt: string | null;
  closedAt: string | null;
}

export interface CaseRecord extends CaseWorkflow {
  id: string;
  ownerUserId: string;
  ownerName: string;
  unitId: string | null;
  createdAt: string;
  updatedAt: string;
  data: CaseData;
}

export interface Actor {
  id: string;
  name: string;
  role: Role;
}

export function initialWorkflow(): CaseWorkflow {
  return {
    stage: 'accepted',
    rev: 1,
    pending: null,
    approvals: [],
    stageHistory: [],
    filedAt: null,
    decidedAt: null,
    closedAt: null,
  };
}
