/** Printed-form methods of the API contract. */
import type { ApiHandlers } from '../../../shared/api/contract';
import type { DOCUMENT_API } from '../../../shared/api/documentContract';
import { ok } from '../../../shared/api/result';
import { verifyPayload } from '../../documents/verify';
import type { ServiceContext } from '../context';
import { documentContext, type DocumentContext } from './context';
import { documentPdf, issueDocument } from './issue';
import { listDocuments, previewDocument, printLogOf } from './list';

type DocumentHandlers = Pick<ApiHandlers, keyof typeof DOCUMENT_API>;

export function createDocumentHandlers(
  ctx: ServiceContext,
  over: Partial<Pick<DocumentContext, 'chromium' | 'pdfTimeoutMs'>> = {},
): DocumentHandlers {
  const dctx = documentContext(ctx, over);
  return {
    'documents.list': ({ ownerType, ownerId }) => listDocuments(dctx, ownerType, ownerId),
    'documents.preview': (ref) => previewDocument(dctx, ref),
    'documents.issue': ({ output, ...ref }) => issueDocument(dctx, ref, output),
    'documents.pdf': (ref) => documentPdf(dctx, ref),
    'documents.verify': ({ payload }) => ok(verifyPayload(dctx.store, dctx.printLog, payload)),
    'documents.printLog': ({ ownerType, ownerId }) => printLogOf(dctx, ownerType, ownerId),
  };
}
