/** 结案审批表: what was decided and how it was carried out, with the 结案 round's opinions. */
import { zhDate } from '../format';
import { approvalsView, officerViews, partyViews, penaltyLines } from '../people';
import type { ClosingApprovalView } from '../view';
import { headerFor, type CaseDocumentInput } from './input';

const KIND = 'closingApproval';

export function buildClosingApproval(input: CaseDocumentInput): ClosingApprovalView {
  const { record } = input;
  const d = record.data;
  return {
    kind: KIND,
    header: headerFor(KIND, input.agencyName, input.numberOf(KIND, '')),
    cause: d.cause,
    parties: partyViews(d.parties),
    filedAt: zhDate(record.filedAt ?? ''),
    decidedAt: zhDate(record.decidedAt ?? ''),
    decisionNumber: input.numberOf('penaltyDecision', ''),
    result: d.decision.content,
    penalty: penaltyLines(d.amounts),
    executedAt: zhDate(d.execution.executedAt),
    execution: d.execution.note,
    officers: officerViews(d.officers, input.credentialOf),
    approvals: approvalsView(record, 'close'),
  };
}
