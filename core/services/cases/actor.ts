/**
 * Who acts on this device, for the case and review rules. An enrolled device acts as the
 * signed-in user with the role the server gave them; a device set up without a server has one
 * local inspector (its profile). Every case and review service asks here, so the permission
 * rules (shared/domain/permissions.ts) see the same actor everywhere in the core.
 */
import { fail } from '../../../shared/api/result';
import type { CaseRuleError, MachineContext } from '../../../shared/domain/case/machine';
import type { Actor } from '../../../shared/domain/case/record';
import { chinaDate } from '../../../shared/domain/deadlines/today';
import {
  permissionProblem,
  type Action,
  type PermissionTarget,
} from '../../../shared/domain/permissions';
import type { Profile } from '../../../shared/schemas/profile';
import { isFailure, requireProfile, type Failure, type ServiceContext } from '../context';

export interface CaseActor extends Actor {
  unitId: string | null;
  credentialNumber: string;
  /** The local profile (the audit trail names it; its id and name are the actor's). */
  profile: Profile;
}

export function currentActor(ctx: ServiceContext): CaseActor | Failure {
  const profile = requireProfile(ctx);
  if (isFailure(profile)) return profile;
  const base = {
    id: profile.id,
    name: profile.name,
    credentialNumber: profile.credentialNumber,
    profile,
  };
  const s = ctx.store.syncState;
  if (!s.get('enrollment')) return { ...base, role: 'inspector', unitId: null };
  const userId = s.get('session')?.userId;
  const user = Object.values(s.get('users') ?? {}).find((u) => u.user.id === userId)?.user;
  // Signed in but without a stored account (cannot happen through login): least privilege.
  if (!user) return { ...base, role: 'inspector', unitId: null };
  return { ...base, id: user.id, name: user.name, role: user.role, unitId: user.unitId };
}

/**
 * Records held on this device are the ones the server's scope gave it (or made here), so they
 * count as in the caller's unit; the server checks units again on every mutation.
 */
export function permissionFailure(
  actor: CaseActor,
  action: Action,
  ownerUserId?: string,
): Failure | null {
  const target: PermissionTarget | undefined =
    ownerUserId === undefined ? undefined : { ownerUserId, inCallersUnit: true };
  const problem = permissionProblem(
    { role: actor.role, userId: actor.id, unitId: actor.unitId },
    action,
    target,
  );
  return problem ? fail('FORBIDDEN', problem) : null;
}

/** The state machine's clock: Beijing calendar day, exact time for the records. */
export function machineContext(now: Date): MachineContext {
  return { today: chinaDate(now), at: now.toISOString() };
}

/** A refusal of the state machine: permission problems are FORBIDDEN, the rest RULE. */
export function ruleFailure(e: CaseRuleError): Failure {
  if (e.key.startsWith('perm.')) return fail('FORBIDDEN', e.key, e.params);
  return fail('RULE', e.key, e.params, e.fieldErrors);
}

export const notFound = (): Failure => fail('NOT_FOUND', 'e.notFound');
