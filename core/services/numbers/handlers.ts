/** Document-number and signature methods of the API contract. */
import type { ApiHandlers } from '../../../shared/api/contract';
import type { NUMBER_API } from '../../../shared/api/numberContract';
import type { SyncServiceContext } from '../sync';

type NumberHandlers = Pick<ApiHandlers, keyof typeof NUMBER_API>;

export function createNumberHandlers(ctx: SyncServiceContext): NumberHandlers {
  void ctx;
  return {};
}
