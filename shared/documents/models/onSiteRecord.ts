/** 现场检查笔录: time, place, who was there, and what was found. */
import { zhDateTime, zhTime } from '../format';
import { officerViews, partyViews } from '../people';
import { signatureSlot } from '../signatures';
import type { OnSiteRecordView } from '../view';
import { headerFor, type CaseDocumentInput } from './input';

const KIND = 'onSiteRecord';

/** The end on the same day as the start is written as a time only (至10时30分). */
export function endOf(start: string, end: string): string {
  if (!end) return '';
  return start.slice(0, 10) === end.slice(0, 10) ? zhTime(end) : zhDateTime(end);
}

export function buildOnSiteRecord(input: CaseDocumentInput): OnSiteRecordView {
  const d = input.record.data;
  const s = d.onSite;
  return {
    kind: KIND,
    header: headerFor(KIND, input.agencyName, input.numberOf(KIND, '')),
    cause: d.cause,
    startedAt: zhDateTime(s.startedAt),
    endedAt: endOf(s.startedAt, s.endedAt),
    place: s.place,
    parties: partyViews(d.parties),
    officers: officerViews(d.officers, input.credentialOf),
    present: s.present,
    findings: s.findings,
    signatures: {
      party: signatureSlot(d.signatures, KIND, '', 'party', '当事人'),
      officers: signatureSlot(d.signatures, KIND, '', 'officer', '执法人员'),
      witness: signatureSlot(d.signatures, KIND, '', 'witness', '见证人'),
    },
  };
}
