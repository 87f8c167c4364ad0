/**
 * Device tokens and enrollment codes are random secrets made here and stored only as SHA-256
 * hashes. A fast hash is right for them (unlike passwords): they carry 256 and ~60 bits of
 * randomness, so there is nothing to brute-force offline, and lookups stay one index probe.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';

export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Unambiguous upper-case letters and digits: read out over the phone, typed on a laptop. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 12;

/** `XXXX-XXXX-XXXX`, ~59 bits; single use, expiring, and rate-limited at the endpoint. */
export function newEnrollCode(): string {
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET.charAt(randomInt(CODE_ALPHABET.length));
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

export function normalizeEnrollCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
