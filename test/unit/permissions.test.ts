/**
 * The permission matrix, every role × action × relation to the record, generated from the
 * lists and checked against the expected table below (written once, as data).
 */
import {
  ACTIONS,
  can,
  permissionProblem,
  ROLES,
  type Action,
  type PermissionProblem,
  type Role,
} from '../../shared/domain/permissions';

const RELATIONS = ['own', 'sameUnit', 'otherUnit'] as const;
type Relation = (typeof RELATIONS)[number];

const ok = null;
const roleCannot = 'perm.roleCannot';
const notOwner = 'perm.notOwner';
const ownRecordReview = 'perm.ownRecordReview';
const otherUnit = 'perm.otherUnit';

/** [own, same unit, other unit] per role and action. */
const EXPECTED: Record<
  Role,
  Record<Action, readonly [PermissionProblem, PermissionProblem, PermissionProblem]>
> = {
  inspector: {
    'record.create': [ok, ok, ok],
    'record.edit': [ok, notOwner, notOwner],
    'record.submit': [ok, notOwner, notOwner],
    'review.decide': [roleCannot, roleCannot, roleCannot],
    // An inspector sees their own records only, even a colleague's in the same team.
    'record.read': [ok, notOwner, otherUnit],
  },
  supervisor: {
    'record.create': [ok, ok, ok],
    'record.edit': [ok, notOwner, notOwner],
    'record.submit': [ok, notOwner, notOwner],
    'review.decide': [ownRecordReview, ok, otherUnit],
    'record.read': [ok, ok, otherUnit],
  },
  admin: {
    'record.create': [roleCannot, roleCannot, roleCannot],
    'record.edit': [roleCannot, roleCannot, roleCannot],
    'record.submit': [roleCannot, roleCannot, roleCannot],
    'review.decide': [roleCannot, roleCannot, roleCannot],
    'record.read': [ok, ok, otherUnit],
  },
};

const ME = 'user-me';
const target = (r: Relation) => ({
  ownerUserId: r === 'own' ? ME : 'user-colleague',
  inCallersUnit: r !== 'otherUnit',
});

const cases = ROLES.flatMap((role) =>
  ACTIONS.flatMap((action) =>
    RELATIONS.map((relation, i) => ({
      role,
      action,
      relation,
      expected: EXPECTED[role][action][i] as PermissionProblem,
    })),
  ),
);

describe('permission matrix', () => {
  it('covers every role, action and relation', () => {
    expect(cases).toHaveLength(ROLES.length * ACTIONS.length * RELATIONS.length);
    expect(Object.keys(EXPECTED).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES)
      expect(Object.keys(EXPECTED[role]).sort()).toEqual([...ACTIONS].sort());
  });

  it.each(cases)(
    '$role $action on a record ($relation) → $expected',
    ({ role, action, relation, expected }) => {
      const who = { role, userId: ME, unitId: 'unit-1' };
      expect(permissionProblem(who, action, target(relation))).toBe(expected);
      expect(can(who, action, target(relation))).toBe(expected === null);
    },
  );

  it.each(ROLES)('%s without a target record: only the role decides', (role) => {
    for (const action of ACTIONS) {
      const who = { role, userId: ME, unitId: null };
      const roleMay = EXPECTED[role][action].some((p) => p !== roleCannot);
      expect(permissionProblem(who, action)).toBe(roleMay ? null : roleCannot);
    }
  });
});
