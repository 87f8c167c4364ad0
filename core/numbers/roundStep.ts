/** The sync round's step for document numbers: top up every type running low. */
import type { NumberBlockRequest, NumberBlockResponse } from '../../shared/sync/numberProtocol';
import { post, type RoundContext } from '../sync/context';
import { topUpNumbers } from './topUp';

export async function topUpNumbersInRound(rc: RoundContext): Promise<void> {
  await topUpNumbers({
    store: rc.store,
    now: rc.now,
    deviceId: rc.deviceId,
    request: (body: NumberBlockRequest) =>
      post<NumberBlockResponse>(rc, '/v1/numbers/blocks', body),
  });
}
