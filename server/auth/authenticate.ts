import { HttpError } from '../errors';
import { findDeviceByToken } from '../org/devices';
import { unitTree } from '../org/units';
import { getUserById, toProfile } from '../org/users';
import type { Queryable } from '../storage/types';
import type { Caller } from '../sync/scope';

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,128})$/;

/** Device credential → caller (device, user, unit tree). Revoked devices get a clear 403. */
export async function authenticate(
  q: Queryable,
  authorization: string | undefined,
): Promise<Caller> {
  const token = BEARER.exec(authorization ?? '')?.[1];
  if (!token) throw new HttpError('UNAUTHORIZED');
  const device = await findDeviceByToken(q, token);
  if (!device) throw new HttpError('UNAUTHORIZED');
  if (device.revoked) {
    throw new HttpError(
      'DEVICE_REVOKED',
      { reason: device.revokedReason || '未注明' },
      { revokedAt: device.revokedAt },
    );
  }
  const user = await getUserById(q, device.userId);
  if (!user) throw new HttpError('UNAUTHORIZED');
  const { up, down } = await unitTree(q, user.unit_id);
  return { deviceId: device.id, user: toProfile(user), up, down };
}
