/** 行政处罚告知书: the proposed penalty and the party's right to state a defence (and a hearing). */
import { ruleSetFor } from '../../domain/deadlines/rules';
import { zhCount, zhDayOfInstant } from '../format';
import { officerViews, partyViews, penaltyLines } from '../people';
import { signatureSlot } from '../signatures';
import type { PenaltyNoticeView } from '../view';
import { headerFor, type CaseDocumentInput } from './input';

const KIND = 'penaltyNotice';

/** The 陈述申辩 window of the rule set the case runs under, as the notice states it. */
export function statementPeriod(discoveredAt: string): string {
  const rule = ruleSetFor(discoveredAt).rules.find((r) => r.key === 'statement');
  if (!rule) return '';
  return `${zhCount(rule.amount)}${rule.unit === 'workingDays' ? '个工作日' : '日'}`;
}

/** The notice is dated the day the case moved to 告知 (when it was sent out). */
export function noticeDate(input: CaseDocumentInput): string {
  const notified = input.record.stageHistory.filter((c) => c.transition === 'notify');
  const last = notified[notified.length - 1];
  return last ? zhDayOfInstant(last.at) : '';
}

export function buildPenaltyNotice(input: CaseDocumentInput): PenaltyNoticeView {
  const d = input.record.data;
  return {
    kind: KIND,
    header: headerFor(KIND, input.agencyName, input.numberOf(KIND, '')),
    parties: partyViews(d.parties),
    cause: d.cause,
    facts: d.facts,
    legalBasis: d.legalBasis,
    penaltyBasis: d.penaltyBasis,
    penalty: penaltyLines(d.amounts),
    statementPeriod: statementPeriod(d.discoveredAt),
    hearingOffered: d.notice.hearingOffered,
    officers: officerViews(d.officers, input.credentialOf),
    date: noticeDate(input),
    signatures: { party: signatureSlot(d.signatures, KIND, '', 'party', '当事人') },
  };
}
