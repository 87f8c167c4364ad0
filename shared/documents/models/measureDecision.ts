/** 查封(扣押)决定书 with its 涉案物品清单: one per measure. */
import { zhDate } from '../format';
import { MEASURE_LABELS } from '../labels';
import { goodsRows, goodsTotal, officerViews, partyViews } from '../people';
import { signatureSlot } from '../signatures';
import type { MeasureDecisionView } from '../view';
import { headerFor, type CaseDocumentInput } from './input';

const KIND = 'measureDecision';

export function buildMeasureDecision(
  input: CaseDocumentInput,
  itemId: string,
): MeasureDecisionView | null {
  const d = input.record.data;
  const m = d.measures.find((x) => x.id === itemId);
  if (!m) return null;
  const measure = MEASURE_LABELS[m.kind];
  return {
    kind: KIND,
    header: headerFor(KIND, input.agencyName, input.numberOf(KIND, itemId), `${measure}决定书`),
    itemId,
    measure,
    parties: partyViews(d.parties),
    cause: d.cause,
    facts: d.facts,
    legalBasis: d.legalBasis,
    place: m.place,
    startDate: zhDate(m.startDate),
    endDate: zhDate(m.endDate),
    items: goodsRows(m.items),
    totalValue: goodsTotal(m.items),
    officers: officerViews(d.officers, input.credentialOf),
    signatures: {
      party: signatureSlot(d.signatures, KIND, itemId, 'party', '当事人'),
      officers: signatureSlot(d.signatures, KIND, itemId, 'officer', '执法人员'),
    },
  };
}
