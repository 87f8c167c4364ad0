/**
 * Document numbers (文书字号): the part of the API contract they add. The device issues numbers
 * from blocks the central endpoint handed it (shared/sync/numberProtocol.ts), so it numbers
 * documents offline without colliding with any other device.
 *
 * When a type's numbers run out on this device, a document of that type is not numbered until
 * the next sync brings a new block: it can be previewed with the number shown as 待编号
 * (formatPendingDocumentNumber), and `numbers.issue` refuses with `numbers.empty`.
 */
import { z } from 'zod';
import { DOCUMENT_OWNER_TYPES, type DocumentOwnerType } from '../documents/kinds';
import { NUMBERED_DOC_TYPES, type NumberedDocType } from '../documents/numbers';
import { uuid } from '../schemas/fields';
import type { MessageRef } from './result';
import { method, noInput } from './method';

/** One document: its type, the record it belongs to, and for per-item forms the item. */
export const NumberIssueSchema = z.strictObject({
  docType: z.enum(NUMBERED_DOC_TYPES, { error: 'v.enum' }),
  ownerType: z.enum(DOCUMENT_OWNER_TYPES, { error: 'v.enum' }),
  ownerId: uuid,
  itemId: z.union([z.literal(''), uuid], { error: 'v.id' }).default(''),
});
export type NumberIssueInput = z.input<typeof NumberIssueSchema>;

export interface IssuedNumber {
  docType: NumberedDocType;
  year: number;
  prefix: string;
  /** The sequence number within the prefix's year. */
  number: number;
  /** As printed: 辽质监罚〔2026〕第12号. */
  text: string;
  ownerType: DocumentOwnerType;
  ownerId: string;
  itemId: string;
  issuedAt: string;
}

export interface NumberTypeStatus {
  docType: NumberedDocType;
  year: number;
  /** The prefix of this device's newest block of the year; null before the first block. */
  prefix: string | null;
  /** Numbers left to issue this year on this device. */
  remaining: number;
  /** Size of the newest block (what "low" is measured against). */
  blockSize: number;
  /** At most 20 % of the block or at most 5 left: the next sync fetches another block. */
  low: boolean;
  empty: boolean;
  /** What happens when the numbers run out (always given, so it can be said beforehand). */
  whenEmpty: MessageRef;
}

export interface NumberStatus {
  /** The year numbers are issued for now (Beijing time). */
  year: number;
  /** Whether this device can fetch blocks at all (enrolled, not revoked). */
  canRefill: boolean;
  types: NumberTypeStatus[];
}

export const NUMBER_API = {
  /** The document's number: the one it already has, or the next free one (one transaction). */
  'numbers.issue': method<IssuedNumber>()(NumberIssueSchema),
  /** The document's number if it has one; never issues. */
  'numbers.get': method<IssuedNumber | null>()(NumberIssueSchema),
  /** Every number issued to one record's documents. */
  'numbers.list': method<IssuedNumber[]>()(
    z.strictObject({ ownerType: z.enum(DOCUMENT_OWNER_TYPES, { error: 'v.enum' }), ownerId: uuid }),
  ),
  'numbers.status': method<NumberStatus>()(noInput),
  /** Fetches blocks for every type running low, now (needs the central endpoint). */
  'numbers.refill': method<NumberStatus>()(noInput),
} as const;
