import type { FastifyInstance } from 'fastify';
import {
  EnrollRequestSchema,
  LoginRequestSchema,
  type EnrollResponse,
  type LoginResponse,
  type UnitInfo,
} from '../../shared/sync/protocol';
import { burnPasswordCheck, verifyPassword } from '../auth/password';
import { HttpError } from '../errors';
import { enrollDevice } from '../org/devices';
import { getEpoch } from '../org/epoch';
import { getUnit } from '../org/units';
import { getUserById, getUserByUsername, toProfile } from '../org/users';
import type { Storage } from '../storage/types';
import { parseBody } from '../validate';

/** The two routes that work without a device credential: getting one, and checking a password. */
export function identityRoutes(app: FastifyInstance, storage: Storage): void {
  app.post('/v1/enroll', async (req): Promise<EnrollResponse> => {
    const body = parseBody(EnrollRequestSchema, req.body);
    const enrolled = await enrollDevice(storage, body.code, body.deviceName);
    if (!enrolled) throw new HttpError('ENROLL_CODE_INVALID');
    const user = await getUserById(storage, enrolled.userId);
    const unit = user ? await getUnit(storage, user.unit_id) : null;
    if (!user || !unit) throw new Error('enrolled user or unit vanished');
    req.log.info({ deviceId: enrolled.deviceId, userId: user.id }, 'device enrolled');
    return {
      deviceId: enrolled.deviceId,
      deviceToken: enrolled.token,
      user: toProfile(user),
      unit,
      epoch: await getEpoch(storage),
    };
  });

  /**
   * Checks a password and returns the profile. Nothing secret comes back: for offline login
   * the app keeps its own slow hash of the password it just verified here.
   */
  app.post('/v1/login', async (req): Promise<LoginResponse> => {
    const body = parseBody(LoginRequestSchema, req.body);
    const user = await getUserByUsername(storage, body.username);
    if (!user) {
      await burnPasswordCheck(body.password);
      throw new HttpError('LOGIN_FAILED');
    }
    if (!(await verifyPassword(body.password, user.password_hash)))
      throw new HttpError('LOGIN_FAILED');
    const unit = (await getUnit(storage, user.unit_id)) as UnitInfo;
    return { user: toProfile(user), unit, epoch: await getEpoch(storage) };
  });
}
