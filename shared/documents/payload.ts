/**
 * What a printed form's QR code says: which record and form it is, the record's revision it was
 * filled from, and the SHA-256 of its content (hash.ts). One line of plain text, so a scanner
 * that types what it reads, or a person, can enter it on the 核验文书 screen:
 *
 *   FC1;case;<record id>;penaltyDecision;-;12;<64 hex>
 *
 * `-` stands for "no item" (forms made once per record).
 */
import { DOCUMENT_OWNER_TYPES, isDocumentKind, documentKindDef } from './kinds';
import type { DocumentKind, DocumentOwnerType } from './kinds';

export const PAYLOAD_PREFIX = 'FC1';

export interface DocumentPayload {
  ownerType: DocumentOwnerType;
  ownerId: string;
  kind: DocumentKind;
  itemId: string;
  version: number;
  contentHash: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HASH = /^[0-9a-f]{64}$/;

export function encodePayload(p: DocumentPayload): string {
  return [
    PAYLOAD_PREFIX,
    p.ownerType,
    p.ownerId,
    p.kind,
    p.itemId || '-',
    String(p.version),
    p.contentHash,
  ].join(';');
}

/** The payload, or null when the text is not one (wrong prefix, field count, or field form). */
export function decodePayload(text: string): DocumentPayload | null {
  const parts = text.trim().split(';');
  if (parts.length !== 7) return null;
  const [prefix, ownerType, ownerId, kind, item, version, hash] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (prefix !== PAYLOAD_PREFIX) return null;
  if (!(DOCUMENT_OWNER_TYPES as readonly string[]).includes(ownerType)) return null;
  const id = ownerId.toLowerCase();
  if (!UUID.test(id) || !isDocumentKind(kind)) return null;
  if (documentKindDef(kind).owner !== ownerType) return null;
  const itemId = item === '-' ? '' : item.toLowerCase();
  if (itemId !== '' && !UUID.test(itemId)) return null;
  if ((documentKindDef(kind).perItem === null) !== (itemId === '')) return null;
  if (!/^[1-9]\d{0,9}$/.test(version)) return null;
  const contentHash = hash.toLowerCase();
  if (!HASH.test(contentHash)) return null;
  return {
    ownerType: ownerType as DocumentOwnerType,
    ownerId: id,
    kind,
    itemId,
    version: Number(version),
    contentHash,
  };
}
