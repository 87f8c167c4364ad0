/** Each form kind's template: view model → the HTML of its body. */
import type { DocumentView } from '../view';
import { closingApprovalBody } from './closingApproval';
import { deliveryReceiptBody } from './deliveryReceipt';
import { filingApprovalBody } from './filingApproval';
import { inquiryRecordBody, inquiryRunningHeader } from './inquiryRecord';
import { measureDecisionBody } from './measureDecision';
import { onSiteRecordBody } from './onSiteRecord';
import type { TemplateContext } from './parts';
import { penaltyDecisionBody } from './penaltyDecision';
import { penaltyNoticeBody } from './penaltyNotice';
import { samplingSheetBody } from './samplingSheet';

export type { TemplateContext } from './parts';

export function documentBody(v: DocumentView, ctx: TemplateContext): string {
  switch (v.kind) {
    case 'samplingSheet':
      return samplingSheetBody(v, ctx);
    case 'onSiteRecord':
      return onSiteRecordBody(v, ctx);
    case 'inquiryRecord':
      return inquiryRecordBody(v, ctx);
    case 'filingApproval':
      return filingApprovalBody(v);
    case 'measureDecision':
      return measureDecisionBody(v, ctx);
    case 'penaltyNotice':
      return penaltyNoticeBody(v, ctx);
    case 'penaltyDecision':
      return penaltyDecisionBody(v);
    case 'deliveryReceipt':
      return deliveryReceiptBody(v, ctx);
    case 'closingApproval':
      return closingApprovalBody(v);
  }
}

/** The line above the text from the second page on; '' for forms without one. */
export function runningHeader(v: DocumentView): string {
  return v.kind === 'inquiryRecord' ? inquiryRunningHeader(v) : '';
}
