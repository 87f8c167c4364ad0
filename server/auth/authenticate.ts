import { HttpError } from '../errors';
import { UNIT_TREE_COLUMNS, unitTreeCtes } from '../org/units';
import { toProfile, type UserRow } from '../org/users';
import { num, type Queryable } from '../storage/types';
import type { Caller } from '../sync/scope';
import { sha256 } from './secrets';

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,128})$/;

/**
 * Device by token hash, its user, and the user's unit with its ancestors (up) and with its
 * descendants (down), in one round trip: every request runs it, so it is one statement instead
 * of four (the same lookups as org/devices.ts findDeviceByToken, org/users.ts getUserById and
 * org/units.ts unitTree). Nothing is cached: a revocation counts from the next request on.
 */
const CALLER_SQL = `
WITH RECURSIVE
  dev AS (
    SELECT d.id, d.revoked, d.revoked_at, d.revoked_reason, d.last_seq,
           u.id AS user_id, u.username, u.name, u.role, u.unit_id, u.credential_number
    FROM devices d LEFT JOIN users u ON u.id = d.user_id
    WHERE d.token_hash = $1
  ),${unitTreeCtes('SELECT unit_id FROM dev')}
SELECT dev.*, ${UNIT_TREE_COLUMNS}
FROM dev`;

interface CallerRow {
  id: string;
  revoked: boolean;
  revoked_at: Date | string | null;
  revoked_reason: string | null;
  last_seq: unknown;
  user_id: string | null;
  username: string;
  name: string;
  role: UserRow['role'];
  unit_id: string;
  credential_number: string;
  up: string[];
  down: string[];
}

/** Device credential → caller (device, user, unit tree). Revoked devices get a clear 403. */
export async function authenticate(
  q: Queryable,
  authorization: string | undefined,
): Promise<Caller> {
  const token = BEARER.exec(authorization ?? '')?.[1];
  if (!token) throw new HttpError('UNAUTHORIZED');
  const { rows } = await q.query<CallerRow>(CALLER_SQL, [sha256(token)], {
    name: 'fc_authenticate',
  });
  const row = rows[0];
  if (!row) throw new HttpError('UNAUTHORIZED');
  if (row.revoked) {
    throw new HttpError(
      'DEVICE_REVOKED',
      { reason: row.revoked_reason || '未注明' },
      { revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at).toISOString() },
    );
  }
  if (!row.user_id) throw new HttpError('UNAUTHORIZED');
  const user = toProfile({
    id: row.user_id,
    username: row.username,
    name: row.name,
    role: row.role,
    unit_id: row.unit_id,
    credential_number: row.credential_number,
    password_hash: '',
  });
  return { deviceId: row.id, user, up: row.up, down: row.down, lastSeqAtAuth: num(row.last_seq) };
}
