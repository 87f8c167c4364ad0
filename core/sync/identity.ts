/**
 * Enrollment (once, online: the device gets its own credential) and sign-in (online, or
 * offline against the verifier kept from an earlier online sign-in). The signed-in user becomes
 * the local profile, so audit entries and printed forms name them.
 */
import type { Store } from '../../db/store';
import { fail, ok, type Result } from '../../shared/api/result';
import type { SyncUser } from '../../shared/schemas/sync';
import type {
  EnrollResponse,
  LoginResponse,
  UnitInfo,
  UserProfile,
} from '../../shared/sync/protocol';
import { requestJson, SyncHttpError, type FetchLike } from './http';
import { tx } from './context';
import { checkVerifier, makeVerifier } from './verifier';

export interface IdentityDeps {
  store: Store;
  now: () => Date;
  fetch?: FetchLike;
}

const TIMEOUT_MS = 15_000;

function syncUser(u: UserProfile, unit: UnitInfo): SyncUser {
  return {
    id: u.id,
    username: u.username,
    name: u.name,
    role: u.role,
    unitId: u.unitId,
    unitName: unit.name,
    credentialNumber: u.credentialNumber,
  };
}

function adoptProfile(deps: IdentityDeps, u: UserProfile, unit: UnitInfo): void {
  const current = deps.store.profile.get();
  deps.store.profile.adopt({
    id: u.id,
    name: u.name,
    credentialNumber: u.credentialNumber,
    unitName: unit.name,
    regionCode: unit.regionCode,
    createdAt: current?.id === u.id ? current.createdAt : deps.now().toISOString(),
  });
}

const networkFailure = (err: unknown) =>
  fail('TRANSPORT', 'e.syncNetwork', { detail: (err as Error).message });

export async function enroll(
  deps: IdentityDeps,
  input: { serverUrl: string; code: string; deviceName: string },
): Promise<Result<null>> {
  const { store } = deps;
  const previous = store.syncState.get('enrollment');
  if (previous && !store.syncState.get('revoked')) return fail('CONFLICT', 'e.syncAlreadyEnrolled');
  const serverUrl = input.serverUrl.replace(/\/+$/, '');
  let res: EnrollResponse;
  try {
    res = await requestJson<EnrollResponse>(
      { baseUrl: serverUrl, timeoutMs: TIMEOUT_MS, ...(deps.fetch ? { fetch: deps.fetch } : {}) },
      'POST',
      '/v1/enroll',
      { code: input.code, deviceName: input.deviceName },
    );
  } catch (err) {
    if (err instanceof SyncHttpError && !err.transient) {
      const message = { key: 'e.syncEnrollCode' };
      return fail('VALIDATION', message.key, undefined, { code: message });
    }
    return networkFailure(err);
  }
  tx(store, () => {
    store.syncState.set('enrollment', {
      serverUrl,
      deviceId: res.deviceId,
      deviceName: input.deviceName,
      token: res.deviceToken,
      enrolledAt: deps.now().toISOString(),
      userId: res.user.id,
    });
    store.syncState.set('hlcNode', res.deviceId);
    store.syncState.set('epoch', res.epoch);
    store.syncState.delete('revoked');
    store.syncState.delete('session');
    // A new device starts at seq 1 on the server: what is still pending is renumbered from 1.
    if (previous) store.outbox.renumber(1);
    adoptProfile(deps, res.user, res.unit);
  });
  return ok(null);
}

export async function login(
  deps: IdentityDeps,
  input: { username: string; password: string },
): Promise<Result<null>> {
  const { store } = deps;
  const enrollment = store.syncState.get('enrollment');
  if (!enrollment) return fail('NOT_SET_UP', 'e.syncNotEnrolled');
  const username = input.username.trim();
  let res: LoginResponse | null = null;
  try {
    res = await requestJson<LoginResponse>(
      {
        baseUrl: enrollment.serverUrl,
        timeoutMs: TIMEOUT_MS,
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
      },
      'POST',
      '/v1/login',
      { username, password: input.password },
    );
  } catch (err) {
    if (err instanceof SyncHttpError && !err.transient) {
      return err.code === 'LOGIN_FAILED'
        ? fail('UNAUTHORIZED', 'e.syncLoginFailed')
        : fail('BAD_REQUEST', 'e.syncServer', { message: err.message });
    }
    // Unreachable: sign in offline if this person signed in online here before.
    const known = (store.syncState.get('users') ?? {})[username];
    if (!known) return fail('TRANSPORT', 'e.syncOfflineFirstLogin');
    if (!(await checkVerifier(input.password, known.verifier)))
      return fail('UNAUTHORIZED', 'e.syncLoginFailed');
    tx(store, () => {
      store.syncState.set('session', { userId: known.user.id, at: deps.now().toISOString() });
      adoptProfile(
        deps,
        { ...known.user },
        {
          id: known.user.unitId,
          name: known.user.unitName,
          parentId: null,
          regionCode: known.unitRegionCode,
        },
      );
    });
    return ok(null);
  }
  // The server attributes every push to the device's user: nobody else may work on it.
  if (res.user.id !== enrollment.userId) return fail('FORBIDDEN', 'e.syncWrongUser');
  const verifier = await makeVerifier(input.password);
  const answer = res;
  tx(store, () => {
    const users = store.syncState.get('users') ?? {};
    users[username] = {
      user: syncUser(answer.user, answer.unit),
      unitRegionCode: answer.unit.regionCode,
      verifier,
    };
    store.syncState.set('users', users);
    store.syncState.set('session', { userId: answer.user.id, at: deps.now().toISOString() });
    adoptProfile(deps, answer.user, answer.unit);
  });
  return ok(null);
}

/** Ends the session; every record and the outbox stay. */
export function logout(deps: IdentityDeps): void {
  deps.store.syncState.delete('session');
}
