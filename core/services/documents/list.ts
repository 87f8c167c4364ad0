/** documents.list / preview / printLog: what a record can print, and how it looks now. */
import type {
  DocumentListItem,
  DocumentRef,
  PrintLogEntry,
  RenderedDocument,
} from '../../../shared/api/documentContract';
import { fail, ok, type Result } from '../../../shared/api/result';
import { documentEntries } from '../../../shared/documents/build';
import type { DocumentOwnerType } from '../../../shared/documents/kinds';
import { prepareDocument, prepareFrom, renderPrepared } from '../../documents/prepare';
import { loadSource } from '../../documents/source';
import { blankNumberReason as reasonOf } from '../../numbers/issue';
import { isNumberedDocType } from '../../../shared/documents/numbers';
import type { DocumentContext } from './context';

/** Whether this content of this form was printed before: printing it again makes a copy. */
export function printedBefore(ctx: DocumentContext, ref: DocumentRef, hash: string): boolean {
  return ctx.printLog
    .withContent(hash)
    .some(
      (e) =>
        e.ownerType === ref.ownerType &&
        e.ownerId === ref.ownerId &&
        e.kind === ref.kind &&
        e.itemId === ref.itemId,
    );
}

export function listDocuments(
  ctx: DocumentContext,
  ownerType: DocumentOwnerType,
  ownerId: string,
): Result<DocumentListItem[]> {
  const source = loadSource(ctx.store, ownerType, ownerId);
  if (!source) return fail('NOT_FOUND', 'e.notFound');
  const log = ctx.printLog.listFor(ownerType, ownerId);
  return ok(
    documentEntries(source).map((e) => {
      const prints = log.filter((p) => p.kind === e.kind && p.itemId === e.itemId);
      const ref = { ownerType, ownerId, kind: e.kind, itemId: e.itemId };
      const current = prepareFrom(source, ref);
      const record = ownerType === 'case' ? ctx.store.cases.get(ownerId) : null;
      const blankNumberReason =
        record && isNumberedDocType(e.kind)
          ? reasonOf(ctx, record, { docType: e.kind, ownerType, ownerId, itemId: e.itemId })
          : null;
      return {
        ...e,
        blankNumberReason,
        printCount: prints.length,
        lastPrintedAt: prints[prints.length - 1]?.printedAt ?? null,
        currentPrinted: current ? prints.some((p) => p.contentHash === current.contentHash) : false,
      };
    }),
  );
}

export async function previewDocument(
  ctx: DocumentContext,
  ref: DocumentRef,
): Promise<Result<RenderedDocument>> {
  const prepared = prepareDocument(ctx.store, ref);
  if (!prepared.ok) return prepared;
  const p = prepared.value;
  const copy = printedBefore(ctx, ref, p.contentHash);
  return ok({
    html: await renderPrepared(p, ctx.files, copy),
    title: p.title,
    contentHash: p.contentHash,
    payload: p.payload,
    fileName: p.fileName,
    copy,
  });
}

export function printLogOf(
  ctx: DocumentContext,
  ownerType: DocumentOwnerType,
  ownerId: string,
): Result<PrintLogEntry[]> {
  return ok(ctx.printLog.listFor(ownerType, ownerId));
}
