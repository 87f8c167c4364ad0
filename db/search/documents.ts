/** What each entity contributes to search, normalized the same way queries are. */
import type { CaseData } from '../../shared/schemas/case';
import type { EnterpriseInput } from '../../shared/schemas/enterprise';
import type { SpotCheckData } from '../../shared/schemas/spotCheck';
import { normalizeSearchText } from './bigrams';

// Fields are joined by a newline, which is never part of a query run, so a match cannot
// straddle two fields.
const join = (parts: string[]) => normalizeSearchText(parts.filter((p) => p !== '').join('\n'));

export function spotCheckSearchText(d: SpotCheckData): string {
  return join([
    d.basic.recordNumber,
    d.sample.name,
    d.sample.trademark,
    d.sampledUnit.name,
    d.sampledUnit.creditCode,
    d.producer.name,
    d.sample.batchNumber,
    d.sample.executedStandard,
    d.basic.samplingPlace,
  ]);
}

export function enterpriseSearchText(e: EnterpriseInput): string {
  return join([e.name, e.creditCode, e.address, e.legalRepresentative, e.licenceNumber]);
}

/** Cases are found by 案由, 当事人 and 产品 (and the lead's reference). */
export function caseSearchText(d: CaseData): string {
  return join([
    d.cause,
    ...d.parties.flatMap((p) => [p.name, p.creditCode]),
    d.product.name,
    d.product.brand,
    d.product.batchNumber,
    d.sourceRef,
  ]);
}
