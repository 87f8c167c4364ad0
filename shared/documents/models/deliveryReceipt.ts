/** 送达回证: the 行政处罚决定书 served on the party — how, when, and who received it. */
import { documentKindDef } from '../kinds';
import { zhDate } from '../format';
import { officerViews, partyViews } from '../people';
import { signatureSlot } from '../signatures';
import type { DeliveryReceiptView } from '../view';
import { headerFor, type CaseDocumentInput } from './input';

const KIND = 'deliveryReceipt';

export function buildDeliveryReceipt(input: CaseDocumentInput): DeliveryReceiptView {
  const d = input.record.data;
  const named = d.parties.some((p) => p.name.trim() !== '');
  const party = partyViews(d.parties)[0];
  return {
    kind: KIND,
    header: headerFor(KIND, input.agencyName, input.numberOf(KIND, '')),
    cause: d.cause,
    served: {
      title: documentKindDef('penaltyDecision').zh,
      documentNumber: input.numberOf('penaltyDecision', ''),
    },
    recipient: named ? (party?.name ?? '') : '',
    address: named ? (party?.address ?? '') : '',
    method: d.decision.deliveryMethod,
    deliveredAt: zhDate(d.decision.deliveredAt),
    officers: officerViews(d.officers, input.credentialOf),
    signatures: {
      recipient: signatureSlot(d.signatures, KIND, '', 'recipient', '受送达人'),
      officers: signatureSlot(d.signatures, KIND, '', 'officer', '送达人'),
      witness: signatureSlot(d.signatures, KIND, '', 'witness', '见证人'),
    },
  };
}
