/**
 * From a record to the view model of one of its forms, and the list of forms a record has.
 * Pure: the core gathers the record and what the device knows (agency, numbers, credentials);
 * this decides what each form says.
 */
import type { DocumentKind, DocumentOwnerType } from './kinds';
import { documentKindDef, kindsFor } from './kinds';
import { zhDate, zhDateTime } from './format';
import { MEASURE_LABELS } from './labels';
import type { CaseDocumentInput, SpotCheckDocumentInput } from './models/input';
import { buildClosingApproval } from './models/closingApproval';
import { buildDeliveryReceipt } from './models/deliveryReceipt';
import { buildFilingApproval } from './models/filingApproval';
import { buildInquiryRecord } from './models/inquiryRecord';
import { buildMeasureDecision } from './models/measureDecision';
import { buildOnSiteRecord } from './models/onSiteRecord';
import { buildPenaltyDecision } from './models/penaltyDecision';
import { buildPenaltyNotice } from './models/penaltyNotice';
import { buildSamplingSheet } from './models/samplingSheet';
import type { DocumentView } from './view';

export type { CaseDocumentInput, SpotCheckDocumentInput } from './models/input';

export type DocumentSource =
  | { ownerType: 'spotCheck'; input: SpotCheckDocumentInput }
  | { ownerType: 'case'; input: CaseDocumentInput };

/** The record's revision a form is filled from (printed in its QR code). */
export function sourceVersion(source: DocumentSource): number {
  return source.ownerType === 'case' ? source.input.record.rev : source.input.record.revision;
}

/** The view model, or null when the form does not belong to this record or its item is gone. */
export function buildView(
  source: DocumentSource,
  kind: DocumentKind,
  itemId: string,
): DocumentView | null {
  if (documentKindDef(kind).owner !== source.ownerType) return null;
  if ((documentKindDef(kind).perItem === null) !== (itemId === '')) return null;
  if (source.ownerType === 'spotCheck') return buildSamplingSheet(source.input);
  const input = source.input;
  switch (kind) {
    case 'onSiteRecord':
      return buildOnSiteRecord(input);
    case 'inquiryRecord':
      return buildInquiryRecord(input, itemId);
    case 'filingApproval':
      return buildFilingApproval(input);
    case 'measureDecision':
      return buildMeasureDecision(input, itemId);
    case 'penaltyNotice':
      return buildPenaltyNotice(input);
    case 'penaltyDecision':
      return buildPenaltyDecision(input);
    case 'deliveryReceipt':
      return buildDeliveryReceipt(input);
    case 'closingApproval':
      return buildClosingApproval(input);
    default:
      return null;
  }
}

export interface DocumentEntry {
  kind: DocumentKind;
  itemId: string;
  title: string;
  /** Which inquiry or measure, for per-item forms ('' otherwise). */
  itemLabel: string;
}

/** Every form this record can print: the record's own, and one per inquiry and measure. */
export function documentEntries(source: DocumentSource): DocumentEntry[] {
  const out: DocumentEntry[] = [];
  for (const def of kindsFor(source.ownerType)) {
    if (def.perItem === null) {
      out.push({ kind: def.kind, itemId: '', title: def.zh, itemLabel: '' });
      continue;
    }
    if (source.ownerType !== 'case') continue;
    const d = source.input.record.data;
    if (def.perItem === 'inquiry') {
      for (const q of d.inquiries) {
        const label = [q.intervieweeName, zhDateTime(q.startedAt)].filter((s) => s).join(' ');
        out.push({ kind: def.kind, itemId: q.id, title: def.zh, itemLabel: label });
      }
    } else {
      for (const m of d.measures) {
        const label = [m.place, zhDate(m.startDate)].filter((s) => s).join(' ');
        out.push({
          kind: def.kind,
          itemId: m.id,
          title: `${MEASURE_LABELS[m.kind]}决定书`,
          itemLabel: label,
        });
      }
    }
  }
  return out;
}

export type { DocumentKind, DocumentOwnerType };
