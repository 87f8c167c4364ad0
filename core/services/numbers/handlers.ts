/** Document-number methods of the API contract (core/numbers/ does the work). */
import type { ApiHandlers } from '../../../shared/api/contract';
import { fail, ok, type Result } from '../../../shared/api/result';
import type { NUMBER_API, NumberStatus } from '../../../shared/api/numberContract';
import type { NumberBlockResponse } from '../../../shared/sync/numberProtocol';
import { findIssued, issueNumber, listIssued } from '../../numbers/issue';
import { canRefill, numberStatus } from '../../numbers/status';
import { topUpNumbers } from '../../numbers/topUp';
import { requestJson, SyncHttpError, SyncNetworkError } from '../../sync/http';
import { isFailure, requireProfile } from '../context';
import type { SyncServiceContext } from '../sync';

type NumberHandlers = Pick<ApiHandlers, keyof typeof NUMBER_API>;

/** numbers.refill: the same top-up as a sync round, now, over the device's credential. */
async function refill(ctx: SyncServiceContext): Promise<Result<NumberStatus>> {
  const actor = requireProfile(ctx);
  if (isFailure(actor)) return actor;
  const enrollment = ctx.store.syncState.get('enrollment');
  if (!enrollment || !canRefill(ctx.store)) return fail('NOT_SET_UP', 'numbers.notEnrolled');
  const fetch = ctx.sync.fetch;
  try {
    await topUpNumbers({
      store: ctx.store,
      now: ctx.now,
      deviceId: enrollment.deviceId,
      request: (body) =>
        requestJson<NumberBlockResponse>(
          {
            baseUrl: enrollment.serverUrl,
            token: enrollment.token,
            timeoutMs: ctx.sync.limits.requestTimeoutMs,
            ...(fetch ? { fetch } : {}),
          },
          'POST',
          '/v1/numbers/blocks',
          body,
        ),
    });
  } catch (err) {
    if (err instanceof SyncNetworkError || (err instanceof SyncHttpError && err.transient)) {
      return fail('TRANSPORT', 'numbers.offline');
    }
    throw err;
  }
  return ok(numberStatus(ctx.store, ctx.now()));
}

export function createNumberHandlers(ctx: SyncServiceContext): NumberHandlers {
  return {
    'numbers.issue': (input) => issueNumber(ctx, input),
    'numbers.get': (input) => ok(findIssued(ctx.store, input)),
    'numbers.list': ({ ownerType, ownerId }) => ok(listIssued(ctx.store, ownerType, ownerId)),
    'numbers.status': () => ok(numberStatus(ctx.store, ctx.now())),
    'numbers.refill': () => refill(ctx),
  };
}
