/**
 * documents.issue / documents.pdf: a form leaves the app — sent to a printer, or saved as a
 * PDF. Each is logged (who, when, which form and content, original or copy) with an audit
 * entry on the record, in one transaction. A form whose content was printed before is a copy
 * and says 副本 on every page.
 *
 * A form that carries a 文书字号 is numbered when it is first printed from its stage on
 * (core/numbers/); earlier prints leave the number blank.
 *
 * A PDF is logged only once Chromium made it: a failed run leaves no entry, and the error says
 * in Chinese what is missing (FIELDCHECK_CHROMIUM names the browser when it is not where we
 * look).
 */
import { v7 as uuidv7 } from 'uuid';
import type {
  DocumentPdf,
  DocumentRef,
  IssuedDocument,
  PrintLogEntry,
  PrintOutput,
} from '../../../shared/api/documentContract';
import { fail, ok, type Result } from '../../../shared/api/result';
import { isNumberedDocType } from '../../../shared/documents/numbers';
import { CHROMIUM_ENV, ChromiumError, htmlToPdf } from '../../documents/chromium';
import { findIssued, issueNumber, notNumberableNow } from '../../numbers/issue';
import { prepareDocument, renderPrepared, type PreparedDocument } from '../../documents/prepare';
import { appendAudit, inTransaction, isFailure, requireProfile } from '../context';
import type { DocumentContext } from './context';
import { printedBefore } from './list';

/** Writes the print log entry and the record's audit entry together. */
function logPrint(
  ctx: DocumentContext,
  p: PreparedDocument,
  output: PrintOutput,
  copy: boolean,
): Result<PrintLogEntry> {
  return inTransaction(ctx, () => {
    const actor = requireProfile(ctx);
    if (isFailure(actor)) return actor;
    const entry: PrintLogEntry = {
      id: uuidv7(),
      ...p.ref,
      documentNumber: p.view.header.documentNumber,
      recordVersion: p.version,
      contentHash: p.contentHash,
      copy,
      output,
      printedById: actor.id,
      printedByName: actor.name,
      printedAt: ctx.now().toISOString(),
    };
    ctx.printLog.insert(entry);
    const summary = {
      kind: entry.kind,
      itemId: entry.itemId,
      title: p.title,
      output,
      copy,
      contentHash: entry.contentHash,
      recordVersion: entry.recordVersion,
    };
    appendAudit(
      ctx,
      actor,
      p.ref.ownerType,
      p.ref.ownerId,
      'update',
      [{ path: `prints.${entry.id}`, old: null, new: summary }],
      entry.printedAt,
    );
    return ok(entry);
  });
}

/**
 * Refusals before anything is made: no profile, no record, no such form. A form that carries a
 * 文书字号 keeps the number the case holds for it; without one it gets the next of this
 * device's block now — once the case has reached the form's stage, and only for a user who
 * may edit the case (core/numbers/issue.ts). Before that stage the print is a draft with the
 * number left blank and no number is used up. When the device has no numbers left the form is
 * not printed (numbers.empty) until a sync brings a block.
 */
function prepareToIssue(ctx: DocumentContext, ref: DocumentRef): Result<PreparedDocument> {
  const actor = requireProfile(ctx);
  if (isFailure(actor)) return actor;
  const checked = prepareDocument(ctx.store, ref);
  if (!checked.ok || !isNumberedDocType(ref.kind) || ref.ownerType !== 'case') return checked;
  const input = {
    docType: ref.kind,
    ownerType: ref.ownerType,
    ownerId: ref.ownerId,
    itemId: ref.itemId,
  };
  const record = ctx.store.cases.get(ref.ownerId);
  if (!record || findIssued(ctx.store, input) || notNumberableNow(record, input)) return checked;
  const numbered = issueNumber(ctx, input);
  if (!numbered.ok) return numbered;
  return prepareDocument(ctx.store, ref);
}

export async function issueDocument(
  ctx: DocumentContext,
  ref: DocumentRef,
  output: PrintOutput,
): Promise<Result<IssuedDocument>> {
  const prepared = prepareToIssue(ctx, ref);
  if (!prepared.ok) return prepared;
  const p = prepared.value;
  const copy = printedBefore(ctx, ref, p.contentHash);
  const html = await renderPrepared(p, ctx.files, copy);
  const logged = logPrint(ctx, p, output, copy);
  if (!logged.ok) return logged;
  return ok({
    html,
    title: p.title,
    contentHash: p.contentHash,
    payload: p.payload,
    fileName: p.fileName,
    copy,
    printId: logged.value.id,
  });
}

export async function documentPdf(
  ctx: DocumentContext,
  ref: DocumentRef,
): Promise<Result<DocumentPdf>> {
  const prepared = prepareToIssue(ctx, ref);
  if (!prepared.ok) return prepared;
  const executable = ctx.chromium();
  if (!executable) {
    return fail('INTERNAL', 'documents.chromiumMissing', { env: CHROMIUM_ENV });
  }
  const p = prepared.value;
  const copy = printedBefore(ctx, ref, p.contentHash);
  const html = await renderPrepared(p, ctx.files, copy);
  let pdf: Buffer;
  try {
    pdf = await htmlToPdf(html, {
      executable,
      ...(ctx.pdfTimeoutMs ? { timeoutMs: ctx.pdfTimeoutMs } : {}),
    });
  } catch (err) {
    if (!(err instanceof ChromiumError)) throw err;
    if (err.reason === 'missing') {
      return fail('INTERNAL', 'documents.chromiumMissing', { env: CHROMIUM_ENV });
    }
    const key = err.reason === 'timeout' ? 'documents.pdfTimeout' : 'documents.pdfFailed';
    return fail('INTERNAL', key, { detail: err.message });
  }
  const logged = logPrint(ctx, p, 'pdf', copy);
  if (!logged.ok) return logged;
  return ok({
    pdfBase64: pdf.toString('base64'),
    fileName: p.fileName,
    copy,
    contentHash: p.contentHash,
    printId: logged.value.id,
  });
}
