/**
 * The audit trail is append-only and hash-chained per device: every entry holds the hash of
 * the one before it, so removing, reordering or altering an entry breaks the chain. The server
 * verifies each device's chain as it receives it.
 *
 * hash = SHA-256 hex of `${prevHash}\n${canonicalJson(body)}`, where body is the entry without
 * its hash fields. The first entry of a device links to GENESIS_HASH.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so both sides hash the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

export interface ChainedFields {
  /** Position in the device's chain, from 1. */
  chainSeq: number;
  prevHash: string;
  hash: string;
}

export function entryHash(prevHash: string, body: Record<string, unknown>): string {
  return sha256Hex(`${prevHash}\n${canonicalJson(body)}`);
}

export type ChainBreak =
  | { kind: 'missing'; expectedSeq: number; gotSeq: number }
  | { kind: 'link'; chainSeq: number }
  | { kind: 'hash'; chainSeq: number };

/**
 * Checks entries (ordered by chainSeq) that continue a chain whose last known entry is
 * (`headSeq`, `headHash`). Returns the first break, or null when every link holds.
 */
export function verifyChain(
  headSeq: number,
  headHash: string,
  entries: readonly (ChainedFields & { body: Record<string, unknown> })[],
): ChainBreak | null {
  let seq = headSeq;
  let prev = headHash;
  for (const e of entries) {
    if (e.chainSeq !== seq + 1)
      return { kind: 'missing', expectedSeq: seq + 1, gotSeq: e.chainSeq };
    if (e.prevHash !== prev) return { kind: 'link', chainSeq: e.chainSeq };
    if (entryHash(e.prevHash, e.body) !== e.hash) return { kind: 'hash', chainSeq: e.chainSeq };
    seq = e.chainSeq;
    prev = e.hash;
  }
  return null;
}
