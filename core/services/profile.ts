import { fail, ok, type Result } from '../../shared/api/result';
import type { Profile, ProfileInput } from '../../shared/schemas/profile';
import { diff } from '../audit/diff';
import { appendAudit, inTransaction, newId, type ServiceContext } from './context';

export function getProfile(ctx: ServiceContext): Result<Profile | null> {
  return ok(ctx.store.profile.get());
}

/** One inspector per device; setting up twice would orphan the first one's audit identity. */
export function setupProfile(ctx: ServiceContext, input: ProfileInput): Result<Profile> {
  return inTransaction(ctx, () => {
    if (ctx.store.profile.get()) return fail('CONFLICT', 'e.alreadySetUp');
    const at = ctx.now().toISOString();
    const profile: Profile = { id: newId(), ...input, createdAt: at };
    ctx.store.profile.insert(profile);
    appendAudit(ctx, profile, 'profile', profile.id, 'create', diff({}, input), at);
    return ok(profile);
  });
}
