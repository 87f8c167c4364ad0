import { v7 as uuidv7 } from 'uuid';
import { newDeviceToken, newEnrollCode, normalizeEnrollCode, sha256 } from '../auth/secrets';
import type { Queryable, Storage } from '../storage/types';
import { num } from '../storage/types';

export interface DeviceInfo {
  id: string;
  userId: string;
  username: string;
  name: string;
  lastSeq: number;
  createdAt: string;
  lastSeenAt: string | null;
  revoked: boolean;
  revokedAt: string | null;
  revokedReason: string | null;
}

interface DeviceRow {
  id: string;
  user_id: string;
  username: string;
  name: string;
  last_seq: unknown;
  created_at: Date | string;
  last_seen_at: Date | string | null;
  revoked: boolean;
  revoked_at: Date | string | null;
  revoked_reason: string | null;
}

const iso = (v: Date | string | null): string | null =>
  v === null ? null : new Date(v).toISOString();

const toDevice = (r: DeviceRow): DeviceInfo => ({
  id: r.id,
  userId: r.user_id,
  username: r.username,
  name: r.name,
  lastSeq: num(r.last_seq),
  createdAt: iso(r.created_at) as string,
  lastSeenAt: iso(r.last_seen_at),
  revoked: r.revoked,
  revokedAt: iso(r.revoked_at),
  revokedReason: r.revoked_reason,
});

const SELECT_DEVICE = 'SELECT d.*, u.username FROM devices d JOIN users u ON u.id = d.user_id';

export async function createEnrollCode(
  q: Queryable,
  userId: string,
  ttlMinutes = 24 * 60,
): Promise<{ code: string; expiresAt: string }> {
  const code = newEnrollCode();
  const { rows } = await q.query<{ expires_at: Date | string }>(
    `INSERT INTO enroll_codes (code_hash, user_id, expires_at)
     VALUES ($1, $2, now() + make_interval(mins => $3::int)) RETURNING expires_at`,
    [sha256(normalizeEnrollCode(code)), userId, ttlMinutes],
  );
  return { code, expiresAt: iso((rows[0] as { expires_at: Date | string }).expires_at) as string };
}

/**
 * Trades a code for a device credential. The UPDATE ... WHERE used_at IS NULL is the single-use
 * guard: of two concurrent attempts only one gets the row back.
 */
export async function enrollDevice(
  storage: Storage,
  code: string,
  deviceName: string,
): Promise<{ deviceId: string; token: string; userId: string } | null> {
  return storage.transaction(async (tx) => {
    const { rows } = await tx.query<{ user_id: string }>(
      `UPDATE enroll_codes SET used_at = now()
       WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id`,
      [sha256(normalizeEnrollCode(code))],
    );
    const userId = rows[0]?.user_id;
    if (!userId) return null;
    const deviceId = uuidv7();
    const token = newDeviceToken();
    await tx.query('INSERT INTO devices (id, user_id, name, token_hash) VALUES ($1, $2, $3, $4)', [
      deviceId,
      userId,
      deviceName,
      sha256(token),
    ]);
    await tx.query('UPDATE enroll_codes SET device_id = $1 WHERE code_hash = $2', [
      deviceId,
      sha256(normalizeEnrollCode(code)),
    ]);
    return { deviceId, token, userId };
  });
}

export async function findDeviceByToken(q: Queryable, token: string): Promise<DeviceInfo | null> {
  const { rows } = await q.query<DeviceRow>(`${SELECT_DEVICE} WHERE d.token_hash = $1`, [
    sha256(token),
  ]);
  return rows[0] ? toDevice(rows[0]) : null;
}

export async function revokeDevice(
  q: Queryable,
  deviceId: string,
  reason: string,
): Promise<DeviceInfo | null> {
  await q.query(
    `UPDATE devices SET revoked = true, revoked_at = COALESCE(revoked_at, now()), revoked_reason = $2 WHERE id = $1`,
    [deviceId, reason],
  );
  const { rows } = await q.query<DeviceRow>(`${SELECT_DEVICE} WHERE d.id = $1`, [deviceId]);
  return rows[0] ? toDevice(rows[0]) : null;
}

export async function listDevices(q: Queryable, userId?: string): Promise<DeviceInfo[]> {
  const { rows } = userId
    ? await q.query<DeviceRow>(`${SELECT_DEVICE} WHERE d.user_id = $1 ORDER BY d.created_at`, [
        userId,
      ])
    : await q.query<DeviceRow>(`${SELECT_DEVICE} ORDER BY d.created_at`);
  return rows.map(toDevice);
}

/** Best effort and outside the batch transaction: "last seen" is for the admin's device list. */
export async function touchDevice(q: Queryable, deviceId: string): Promise<void> {
  await q.query('UPDATE devices SET last_seen_at = now() WHERE id = $1', [deviceId]);
}
