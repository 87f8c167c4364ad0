/**
 * Cuts a block of document numbers for a device (POST /v1/numbers/blocks), in one transaction:
 *
 * 1. the device's row is locked, so two requests of one device run one after the other (the
 *    outstanding count and the replay check see each other's result);
 * 2. blocks the device reports used up stop counting as outstanding (also on a retry);
 * 3. a request seen before (same device, same requestId) returns the block it got then;
 *    otherwise too many blocks left → refused;
 * 4. the counter row of (prefix, year) is advanced by one INSERT … ON CONFLICT DO UPDATE …
 *    RETURNING: its row lock serializes concurrent requests of every device, so each gets a
 *    run no other request can get, on PostgreSQL and on PGlite alike.
 */
import { v7 as uuidv7 } from 'uuid';
import type { NumberedDocType } from '../../shared/documents/numbers';
import { chinaDate } from '../../shared/domain/deadlines/today';
import {
  MAX_OUTSTANDING_BLOCKS,
  type NumberBlock,
  type NumberBlockRequestSchema,
  type NumberBlockResponse,
} from '../../shared/sync/numberProtocol';
import type { z } from 'zod';
import { HttpError } from '../errors';
import { num, type Queryable, type Storage } from '../storage/types';
import type { Caller } from '../sync/scope';
import { resolvePrefix } from './prefix';

type BlockRequest = z.output<typeof NumberBlockRequestSchema>;

interface BlockRow {
  id: string;
  request_id: string;
  doc_type: string;
  year: unknown;
  prefix: string;
  seq_start: unknown;
  seq_end: unknown;
  allocated_at: Date | string;
}

const toBlock = (r: BlockRow): NumberBlock => ({
  id: r.id,
  docType: r.doc_type as NumberedDocType,
  year: num(r.year),
  prefix: r.prefix,
  start: num(r.seq_start),
  end: num(r.seq_end),
  allocatedAt: new Date(r.allocated_at).toISOString(),
});

/** The calendar year in Beijing: document numbers count years as the agency does. */
const chinaYear = (now: Date): number => Number(chinaDate(now).slice(0, 4));

async function outstanding(
  tx: Queryable,
  deviceId: string,
  docType: string,
  year: number,
): Promise<NumberBlock[]> {
  const { rows } = await tx.query<BlockRow>(
    `SELECT * FROM number_blocks
     WHERE device_id = $1 AND doc_type = $2 AND year = $3 AND exhausted_at IS NULL
     ORDER BY seq_start`,
    [deviceId, docType, year],
  );
  return rows.map(toBlock);
}

export async function allocateBlock(
  storage: Storage,
  caller: Caller,
  req: BlockRequest,
  now: Date,
): Promise<NumberBlockResponse> {
  // A device may ask for this year's numbers, next year's ahead of New Year, or last year's
  // for a document dated before it; anything further off is a wrong clock, not a need.
  const thisYear = chinaYear(now);
  if (Math.abs(req.year - thisYear) > 1) {
    throw new HttpError('VALIDATION', {}, { fieldErrors: { year: { key: 'v.invalid' } } });
  }
  return storage.transaction(async (tx) => {
    await tx.query('SELECT id FROM devices WHERE id = $1 FOR UPDATE', [caller.deviceId]);

    // Before the replay check: a retried request carries the same used-up blocks, and they
    // must be released even when its first answer was lost (idempotent).
    if (req.exhausted.length > 0) {
      await tx.query(
        `UPDATE number_blocks SET exhausted_at = now()
         WHERE device_id = $1 AND id = ANY($2::uuid[]) AND exhausted_at IS NULL`,
        [caller.deviceId, req.exhausted],
      );
    }

    const { rows: seen } = await tx.query<BlockRow>(
      'SELECT * FROM number_blocks WHERE device_id = $1 AND request_id = $2',
      [caller.deviceId, req.requestId],
    );
    const replay = seen[0];
    if (replay) {
      if (replay.doc_type !== req.docType || num(replay.year) !== req.year) {
        throw new HttpError('BAD_REQUEST', { detail: 'requestId was used for another request' });
      }
      return {
        block: toBlock(replay),
        outstanding: await outstanding(tx, caller.deviceId, req.docType, req.year),
      };
    }

    const held = await outstanding(tx, caller.deviceId, req.docType, req.year);
    if (held.length >= MAX_OUTSTANDING_BLOCKS) {
      throw new HttpError(
        'NUMBER_BLOCK_LIMIT',
        { max: MAX_OUTSTANDING_BLOCKS },
        { outstanding: held },
      );
    }

    const { prefix } = await resolvePrefix(tx, caller.user.unitId, req.docType);
    const { rows: cut } = await tx.query<{ start: unknown }>(
      `INSERT INTO number_counters (prefix, year, next_seq) VALUES ($1, $2, $3::bigint + 1)
       ON CONFLICT (prefix, year) DO UPDATE SET next_seq = number_counters.next_seq + $3::bigint
       RETURNING next_seq - $3::bigint AS start`,
      [prefix, req.year, req.size],
    );
    const start = num(cut[0]?.start);
    const { rows: made } = await tx.query<BlockRow>(
      `INSERT INTO number_blocks
         (id, request_id, unit_id, doc_type, year, prefix, seq_start, seq_end, device_id, user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       RETURNING *`,
      [
        uuidv7(),
        req.requestId,
        caller.user.unitId,
        req.docType,
        req.year,
        prefix,
        start,
        start + req.size - 1,
        caller.deviceId,
        caller.user.id,
      ],
    );
    return {
      block: toBlock(made[0] as BlockRow),
      outstanding: [...held, toBlock(made[0] as BlockRow)],
    };
  });
}

/**
 * Admin: start a prefix's sequence for a year at `next` (numbers issued by hand before the
 * app took over). It only ever moves forward, so no number already handed out comes again.
 */
export async function startSequenceAt(
  q: Queryable,
  prefix: string,
  year: number,
  next: number,
): Promise<{ prefix: string; year: number; nextSeq: number }> {
  const { rows } = await q.query<{ next_seq: unknown }>(
    `INSERT INTO number_counters (prefix, year, next_seq) VALUES ($1, $2, $3)
     ON CONFLICT (prefix, year) DO UPDATE SET next_seq = GREATEST(number_counters.next_seq, EXCLUDED.next_seq)
     RETURNING next_seq`,
    [prefix, year, next],
  );
  return { prefix, year, nextSeq: num(rows[0]?.next_seq) };
}
