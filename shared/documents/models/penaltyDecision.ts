/** 行政处罚决定书: facts, evidence, the defence heard, the grounds and the penalty decided. */
import { zhDate } from '../format';
import { partyViews, penaltyLines } from '../people';
import type { PenaltyDecisionView } from '../view';
import { headerFor, type CaseDocumentInput } from './input';

const KIND = 'penaltyDecision';

export function buildPenaltyDecision(input: CaseDocumentInput): PenaltyDecisionView {
  const { data: d } = input.record;
  return {
    kind: KIND,
    header: headerFor(KIND, input.agencyName, input.numberOf(KIND, '')),
    parties: partyViews(d.parties),
    cause: d.cause,
    filedAt: zhDate(input.record.filedAt ?? ''),
    facts: d.facts,
    evidence: d.evidence.map((e) => e.title.trim()).filter((t) => t !== ''),
    notice: {
      documentNumber: input.numberOf('penaltyNotice', ''),
      deliveredAt: zhDate(d.notice.deliveredAt),
      waived: d.notice.waived,
      statement: d.notice.statement,
      statementReceivedAt: zhDate(d.notice.statementReceivedAt),
    },
    legalBasis: d.legalBasis,
    penaltyBasis: d.penaltyBasis,
    content: d.decision.content,
    penalty: penaltyLines(d.amounts),
    date: zhDate(input.record.decidedAt ?? ''),
  };
}
