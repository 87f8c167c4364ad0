import type { documentsZh } from './documents.zh-CN';
import type { Widen } from '../widen';

export const documentsEn: Widen<typeof documentsZh> = {
  documents: {
    panelTitle: 'Print forms',
    panelHint:
      'Forms are filled from the record; what the record lacks is left as a line to fill in by hand.',
    loading: 'Loading forms…',
    empty: 'This record has no forms to print.',
    notPrinted: 'Not printed',
    printedTimes: 'Printed {{count}} times, last {{at}}',
    currentPrinted: 'This content was printed; printing again makes a copy',
    preview: 'Preview',
    closePreview: 'Close preview',
    previewTitle: 'Preview: {{title}}',
    print: 'Print',
    savePdf: 'Save as PDF',
    printing: 'Preparing to print…',
    savingPdf: 'Making the PDF…',
    copyNote: 'This content was printed before; printing or saving again marks it “副本” (copy).',
    printed: 'Sent to the printer: {{title}}',
    printedCopy: 'Sent to the printer (copy): {{title}}',
    savedPdf: 'PDF saved: {{name}}',
    savedPdfCopy: 'PDF saved (copy): {{name}}',
    chromiumMissing:
      'Chromium or Chrome was not found, so no PDF can be made. Install Chromium or set {{env}} to the browser program; or use Print and choose “Save as PDF” in the print dialog.',
    pdfTimeout: 'Making the PDF took too long; please try again. ({{detail}})',
    pdfFailed: 'The PDF could not be made: {{detail}}',
    printFailed: 'Printing failed: {{detail}}',
    printCancelled: 'Printing was cancelled.',
    noSuchForm:
      'This form does not belong to the record, or its inquiry or sealing/seizure was removed.',
    verify: {
      title: 'Check a printed form',
      intro:
        'Scan the QR code at the top right of a printed form (a scanner types it in), or paste its text below, to check the paper against the record on this device.',
      payload: 'QR code text',
      placeholder: 'FC1;case;…',
      check: 'Check',
      checking: 'Checking…',
      verdicts: {
        match: 'Matches: the paper says what the record says now.',
        changed:
          'Does not match: the record changed after this form was printed (or the QR text was altered).',
        unknownRecord: 'This device does not have that record (it may not have synced here yet).',
        malformed: 'Not recognised: this is not the QR code of a form printed by this app.',
      },
      document: 'Form: {{title}}',
      versions: 'Record revision when printed {{paper}}, now {{current}}',
      printedHere: 'Printed here: {{at}} by {{by}}{{copy}}',
      copySuffix: ' (copy)',
      notPrintedHere: 'This device has no print of this form.',
      openRecord: 'Open the record',
    },
  },
};
