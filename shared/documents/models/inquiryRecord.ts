/** 询问笔录: one per inquiry, its questions and answers in order. */
import { zhDateTime } from '../format';
import { GENDER_LABELS } from '../labels';
import { officerViews } from '../people';
import { signatureSlot } from '../signatures';
import type { InquiryRecordView } from '../view';
import { headerFor, type CaseDocumentInput } from './input';
import { endOf } from './onSiteRecord';

const KIND = 'inquiryRecord';

/** Null when the case has no inquiry with that id (deleted since, or a wrong id). */
export function buildInquiryRecord(
  input: CaseDocumentInput,
  itemId: string,
): InquiryRecordView | null {
  const d = input.record.data;
  const inq = d.inquiries.find((i) => i.id === itemId);
  if (!inq) return null;
  return {
    kind: KIND,
    header: headerFor(KIND, input.agencyName, input.numberOf(KIND, itemId)),
    itemId,
    cause: d.cause,
    startedAt: zhDateTime(inq.startedAt),
    endedAt: endOf(inq.startedAt, inq.endedAt),
    place: inq.place,
    officers: officerViews(d.officers, input.credentialOf),
    recorder: inq.recorder,
    interviewee: {
      name: inq.intervieweeName,
      gender: GENDER_LABELS[inq.intervieweeGender],
      idNumber: inq.intervieweeIdNumber,
      employer: inq.intervieweeEmployer,
      position: inq.intervieweePosition,
      phone: inq.intervieweePhone,
      address: inq.intervieweeAddress,
    },
    qa: inq.qa
      .filter((p) => p.q.trim() !== '' || p.a.trim() !== '')
      .map((p) => ({ q: p.q, a: p.a })),
    signatures: {
      interviewee: signatureSlot(d.signatures, KIND, itemId, 'interviewee', '被询问人'),
      officers: signatureSlot(d.signatures, KIND, itemId, 'officer', '询问人'),
    },
  };
}
