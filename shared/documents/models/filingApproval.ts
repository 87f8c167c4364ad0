/** 立案审批表: the lead, the parties, and the 承办人 / 审核 / 审批 opinions of the 立案 round. */
import { zhDate } from '../format';
import { SOURCE_LABELS } from '../labels';
import { approvalsView, officerViews, partyViews, productLine } from '../people';
import type { FilingApprovalView } from '../view';
import { headerFor, type CaseDocumentInput } from './input';

const KIND = 'filingApproval';

export function buildFilingApproval(input: CaseDocumentInput): FilingApprovalView {
  const { data: d } = input.record;
  return {
    kind: KIND,
    header: headerFor(KIND, input.agencyName, input.numberOf(KIND, '')),
    source: d.source ? SOURCE_LABELS[d.source] : '',
    sourceRef: d.sourceRef,
    discoveredAt: zhDate(d.discoveredAt),
    cause: d.cause,
    parties: partyViews(d.parties),
    product: productLine(d.product),
    facts: d.facts,
    legalBasis: d.legalBasis,
    officers: officerViews(d.officers, input.credentialOf),
    approvals: approvalsView(input.record, 'file'),
  };
}
