/**
 * Blocks of document numbers (文书字号) handed to devices, so a laptop can number documents
 * offline without two devices ever writing the same number. POST /v1/numbers/blocks.
 *
 * The server counts each prefix's yearly sequence; a block is a run [start, end] of it given
 * to one device for one document type and one year. A request names itself (`requestId`), so a
 * retry after a lost response gets the same block instead of a second one, and reports the
 * device's blocks it has used up, which then stop counting towards the outstanding limit.
 */
import { z } from 'zod';
import { NUMBERED_DOC_TYPES, type NumberedDocType } from '../documents/numbers';
import { uuid } from '../schemas/fields';

/** Largest block one request may take. */
export const MAX_BLOCK_SIZE = 500;
/** What the app asks for when it does not say otherwise. */
export const DEFAULT_BLOCK_SIZE = 20;
/** Blocks not yet used up one device may hold per document type and year (in use + spare). */
export const MAX_OUTSTANDING_BLOCKS = 2;

export const NumberBlockRequestSchema = z.strictObject({
  requestId: uuid,
  docType: z.enum(NUMBERED_DOC_TYPES, { error: 'v.enum' }),
  year: z
    .number({ error: 'v.type' })
    .int({ error: 'v.type' })
    .min(2000, { error: 'v.invalid' })
    .max(2999, { error: 'v.invalid' }),
  size: z
    .number({ error: 'v.type' })
    .int({ error: 'v.type' })
    .min(1, { error: 'v.required' })
    .max(MAX_BLOCK_SIZE, { error: 'v.invalid' }),
  /** This device's blocks (of any type) whose every number has been issued. */
  exhausted: z.array(uuid).max(100, { error: 'v.tooMany' }).default([]),
});
export type NumberBlockRequest = z.input<typeof NumberBlockRequestSchema>;

export interface NumberBlock {
  id: string;
  docType: NumberedDocType;
  year: number;
  /** The agency prefix the numbers are written with, e.g. 辽质监罚. */
  prefix: string;
  /** First and last sequence number of the block, inclusive. */
  start: number;
  end: number;
  allocatedAt: string;
}

export interface NumberBlockResponse {
  block: NumberBlock;
  /**
   * The device's blocks for this type and year not reported used up, the new one included: a
   * device adopts any it does not know (one whose response was lost).
   */
  outstanding: NumberBlock[];
}
