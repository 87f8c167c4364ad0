/**
 * Who may do what, defined once and enforced by the core and by the server (the UI only reads
 * it to decide what to offer). Records are written by their owner; supervisors review the
 * records of their unit but never their own; admins manage people and reference data only.
 */
export const ROLES = ['inspector', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'record.create', // a spot check or a case
  'record.edit', // change content, while the stage allows
  'record.submit', // submit a spot check, ask for a case transition
  'review.decide', // approve or return a submitted spot check or a case step
  'record.read',
] as const;
export type Action = (typeof ACTIONS)[number];

export interface PermissionSubject {
  role: Role;
  userId: string;
  unitId: string | null;
}

export interface PermissionTarget {
  ownerUserId: string;
  /** Whether the record belongs to the caller's unit (or a unit under it). */
  inCallersUnit: boolean;
}

/** Why an action is refused: an i18n key under `perm.`; null when allowed. */
export type PermissionProblem =
  'perm.roleCannot' | 'perm.notOwner' | 'perm.ownRecordReview' | 'perm.otherUnit' | null;

const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  inspector: ['record.create', 'record.edit', 'record.submit', 'record.read'],
  supervisor: ['record.create', 'record.edit', 'record.submit', 'review.decide', 'record.read'],
  admin: ['record.read'],
};

export function permissionProblem(
  who: PermissionSubject,
  action: Action,
  target?: PermissionTarget,
): PermissionProblem {
  if (!ROLE_ACTIONS[who.role].includes(action)) return 'perm.roleCannot';
  if (action === 'record.create' || !target) return null;
  const own = target.ownerUserId === who.userId;
  switch (action) {
    case 'record.edit':
    case 'record.submit':
      return own ? null : 'perm.notOwner';
    case 'review.decide':
      if (own) return 'perm.ownRecordReview';
      return target.inCallersUnit ? null : 'perm.otherUnit';
    case 'record.read':
      if (own || target.inCallersUnit)
        return who.role === 'inspector' && !own ? 'perm.notOwner' : null;
      return 'perm.otherUnit';
  }
}

export const can = (who: PermissionSubject, action: Action, target?: PermissionTarget): boolean =>
  permissionProblem(who, action, target) === null;
