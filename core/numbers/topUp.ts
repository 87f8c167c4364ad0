/**
 * Keeps this device stocked with document numbers: for every numbered type that is empty or
 * running low, ask the central endpoint for a block. Runs at the end of each sync round and on
 * numbers.refill.
 *
 * A request is written down (number_requests) before it is sent and removed once answered, so
 * a retry after a lost response or a crash sends the same request id and gets the same block.
 * Blocks the device has used up travel with the next request; the server then stops counting
 * them against the device's outstanding limit. In the last two weeks of December the next
 * year is stocked too, so a laptop offline over New Year can still number documents.
 */
import { v7 as uuidv7 } from 'uuid';
import { NUMBERED_DOC_TYPES, type NumberedDocType } from '../../shared/documents/numbers';
import { chinaDate } from '../../shared/domain/deadlines/today';
import {
  DEFAULT_BLOCK_SIZE,
  MAX_OUTSTANDING_BLOCKS,
  type NumberBlock,
  type NumberBlockRequest,
  type NumberBlockResponse,
} from '../../shared/sync/numberProtocol';
import type { Store } from '../../db/store';
import { SyncHttpError } from '../sync/http';
import { numberYear, typeStatus } from './status';

export interface TopUpDeps {
  store: Store;
  now: () => Date;
  /** The enrolled device id (blocks are the device's). */
  deviceId: string;
  request(body: NumberBlockRequest): Promise<NumberBlockResponse>;
  blockSize?: number;
}

export interface TopUpOutcome {
  docType: NumberedDocType;
  year: number;
  /** Blocks received (new ones, including any adopted after a lost response). */
  received: number;
  /** Why the server said no, when it did (the type is left as it is). */
  refused?: string;
}

/** This year, and next year too from 18 December (Beijing time). */
export function yearsToStock(now: Date): number[] {
  const year = numberYear(now);
  return chinaDate(now).slice(5) >= '12-18' ? [year, year + 1] : [year];
}

const tx = <T>(store: Store, fn: () => T): T => store.db.transaction(fn).immediate();

function adoptAll(deps: TopUpDeps, blocks: readonly NumberBlock[]): number {
  const at = deps.now().toISOString();
  return blocks.filter((b) => deps.store.numbers.adopt(b, deps.deviceId, at)).length;
}

/** The request waiting for this type and year, or a new one written down before sending. */
function pendingRequest(deps: TopUpDeps, docType: NumberedDocType, year: number) {
  return tx(deps.store, () => {
    const had = deps.store.numbers.pendingRequest(docType, year);
    if (had) return had;
    deps.store.numbers.savePendingRequest({
      requestId: uuidv7(),
      docType,
      year,
      size: deps.blockSize ?? DEFAULT_BLOCK_SIZE,
      createdAt: deps.now().toISOString(),
    });
    const saved = deps.store.numbers.pendingRequest(docType, year);
    if (!saved) throw new Error('number request not saved');
    return saved;
  });
}

async function stock(
  deps: TopUpDeps,
  docType: NumberedDocType,
  year: number,
): Promise<TopUpOutcome> {
  const outcome: TopUpOutcome = { docType, year, received: 0 };
  // At most the outstanding limit of requests: each answer changes what "low" means.
  for (let i = 0; i < MAX_OUTSTANDING_BLOCKS; i++) {
    const status = typeStatus(deps.store, docType, year);
    if (!status.empty && !status.low) break;
    const req = pendingRequest(deps, docType, year);
    const exhausted = deps.store.numbers.unreportedExhausted().map((b) => b.id);
    let res: NumberBlockResponse;
    try {
      res = await deps.request({
        requestId: req.requestId,
        docType,
        year,
        size: req.size,
        exhausted,
      });
    } catch (err) {
      // A refusal ends this type for now; a network or server failure ends the whole top-up
      // (the request stays written down and is sent again next time).
      if (!(err instanceof SyncHttpError) || err.transient) throw err;
      const held = (err.details as { outstanding?: NumberBlock[] } | null)?.outstanding ?? [];
      tx(deps.store, () => {
        deps.store.numbers.dropPendingRequest(req.requestId);
        outcome.received += adoptAll(deps, held);
      });
      outcome.refused = err.code;
      break;
    }
    tx(deps.store, () => {
      outcome.received += adoptAll(deps, [res.block, ...res.outstanding]);
      deps.store.numbers.markReported(exhausted);
      deps.store.numbers.dropPendingRequest(req.requestId);
    });
  }
  return outcome;
}

export async function topUpNumbers(deps: TopUpDeps): Promise<TopUpOutcome[]> {
  const out: TopUpOutcome[] = [];
  for (const year of yearsToStock(deps.now())) {
    for (const docType of NUMBERED_DOC_TYPES) out.push(await stock(deps, docType, year));
  }
  return out;
}
