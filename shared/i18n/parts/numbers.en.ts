import type { numbersZh } from './numbers.zh-CN';
import type { Widen } from '../widen';

export const numbersEn: Widen<typeof numbersZh> = {
  numbers: {
    title: 'Document numbers',
    remaining: '{{docType}}: {{remaining}} numbers left on this device',
    low: '{{docType}} numbers are running low ({{remaining}} left); the next sync fetches a new block.',
    emptyNow: 'No {{docType}} numbers left.',
    whenEmpty:
      'When {{docType}} numbers run out, documents can still be previewed with the number shown as "to be numbered"; they can be numbered and printed only after the next sync brings a new block.',
    empty:
      'No "{{docType}}" numbers left on this device. Preview the document (its number shows as "to be numbered") and number and print it after the next sync brings a new block.',
    notYet:
      'The {{docType}} gets its document number once the case reaches “{{stage}}”; until then a print is a draft with the number left blank to fill in by hand, and uses up no number.',
    notYetEnded:
      'The case has ended: the {{docType}} takes no new document number; a print leaves the number blank.',
    notEditor:
      'The {{docType}} has no document number yet; only an officer who may edit this case can number and print it.',
    pending: 'to be numbered',
    wrongOwner: 'This document does not belong to this kind of record and cannot be numbered.',
    notEnrolled:
      'This device is not enrolled with the unit server and cannot fetch numbers. Enrol it under Settings → Sync.',
    offline: 'The unit server cannot be reached; connect and try again to fetch numbers.',
    refilling: 'Fetching…',
    refill: 'Fetch numbers now',
  },
};
