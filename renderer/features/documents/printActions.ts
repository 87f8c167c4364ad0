/**
 * 打印 and 另存为 PDF for one form. Both go through the core first, which logs the print (and
 * marks a reprint of the same content as a copy); the shell then prints or saves exactly the
 * HTML that was logged.
 */
import type { DocumentRef } from '../../../shared/api/documentContract';
import { fail, ok, type MessageRef, type Result } from '../../../shared/api/result';
import { api } from '../../api/client';
import { downloadPdf, electronPrinting, printInFrame } from './shellPrint';

export interface PrintOutcome {
  copy: boolean;
  title: string;
  fileName: string;
}

const errorOf = (err: unknown) =>
  fail('INTERNAL', 'documents.printFailed', {
    detail: err instanceof Error ? err.message : String(err),
  });

export async function printDocument(ref: DocumentRef): Promise<Result<PrintOutcome>> {
  const issued = await api()['documents.issue']({ ...ref, output: 'print' });
  if (!issued.ok) return issued;
  const { html, copy, title, fileName } = issued.value;
  const electron = electronPrinting();
  try {
    if (electron) {
      const r = await electron.printHtml(html);
      if (!r.ok) return r;
    } else {
      await printInFrame(html);
    }
  } catch (err) {
    return errorOf(err);
  }
  return ok({ copy, title, fileName });
}

export async function savePdf(ref: DocumentRef): Promise<Result<PrintOutcome>> {
  const electron = electronPrinting();
  if (electron) {
    const issued = await api()['documents.issue']({ ...ref, output: 'pdf' });
    if (!issued.ok) return issued;
    const r = await electron.htmlToPdf(issued.value.html);
    if (!r.ok) return r;
    if (!r.value.pdfBase64) return errorOf('no PDF');
    downloadPdf(r.value.pdfBase64, issued.value.fileName);
    const { copy, title, fileName } = issued.value;
    return ok({ copy, title, fileName });
  }
  const pdf = await api()['documents.pdf'](ref);
  if (!pdf.ok) return pdf;
  downloadPdf(pdf.value.pdfBase64, pdf.value.fileName);
  return ok({ copy: pdf.value.copy, title: pdf.value.fileName, fileName: pdf.value.fileName });
}

/** The notice after a print or a save. */
export function outcomeMessage(kind: 'print' | 'pdf', o: PrintOutcome): MessageRef {
  if (kind === 'print') {
    return {
      key: o.copy ? 'documents.printedCopy' : 'documents.printed',
      params: { title: o.title },
    };
  }
  return {
    key: o.copy ? 'documents.savedPdfCopy' : 'documents.savedPdf',
    params: { name: o.fileName },
  };
}
