/**
 * Offline login: after a password was accepted by the server, the device keeps a slow scrypt
 * verifier of it (never the password), so the same person can sign in without a network. Slow
 * on purpose (N = 2^15): a stolen laptop's file must not give the password up cheaply.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LEN = 32;
const MAXMEM = 128 * N * R * 2;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LEN, { N: n, r, p, maxmem: MAXMEM * 2 }, (e, k) =>
      e ? reject(e) : resolve(k),
    ),
  );
}

/** `scrypt$N$r$p$<salt b64>$<key b64>` */
export async function makeVerifier(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function checkVerifier(password: string, verifier: string): Promise<boolean> {
  const [kind, n, r, p, salt, key] = verifier.split('$');
  if (kind !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const got = await derive(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
  return got.length === expected.length && timingSafeEqual(got, expected);
}
