/** Printed-form methods of the API contract. */
import type { ApiHandlers } from '../../../shared/api/contract';
import type { DOCUMENT_API } from '../../../shared/api/documentContract';
import type { SyncServiceContext } from '../sync';

type DocumentHandlers = Pick<ApiHandlers, keyof typeof DOCUMENT_API>;

export function createDocumentHandlers(ctx: SyncServiceContext): DocumentHandlers {
  void ctx;
  return {};
}
