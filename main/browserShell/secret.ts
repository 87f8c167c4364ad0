/**
 * The per-launch secret of the browser shell. It reaches the page only through the URL
 * fragment (never sent to the server by a browser), and every API call must carry it.
 */
import crypto from 'node:crypto';

export function generateSecret(): string {
  return crypto.randomBytes(32).toString('hex');
}

/** Constant-time comparison; a missing or differently sized value simply does not match. */
export function secretMatches(expected: string, presented: string | string[] | undefined): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(presented, 'utf8');
  // timingSafeEqual needs equal lengths; compare against ourselves to keep the timing flat.
  if (a.length !== b.length) {
    crypto.timingSafeEqual(a, a);
    return false;
  }
  return crypto.timingSafeEqual(a, b);
}
