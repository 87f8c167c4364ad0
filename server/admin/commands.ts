/**
 * Admin commands over the server's storage. The CLI (server/admin.ts) parses arguments and
 * prints JSON; tests call these directly.
 */
import { uuid } from '../../shared/schemas/fields';
import { AUDIT_UPLOAD_LIMITS } from '../../shared/sync/auditProtocol';
import { NUMBERED_DOC_TYPES, PREFIX_PATTERN } from '../../shared/documents/numbers';
import { ROLES, type Role } from '../../shared/sync/protocol';
import { listBreaks } from '../audit/breaks';
import { createEnrollCode, listDevices, revokeDevice } from '../org/devices';
import { startSequenceAt } from '../numbers/allocate';
import { listPrefixes, PrefixError, setPrefix } from '../numbers/prefix';
import { rotateEpoch } from '../org/epoch';
import { createUnit, listUnits, unitTree } from '../org/units';
import { createUser, getUserByUsername, listUsers } from '../org/users';
import type { Storage } from '../storage/types';

export type Args = Record<string, string | undefined>;

export class UsageError extends Error {}

const need = (args: Args, key: string): string => {
  const v = args[key]?.trim();
  if (!v) throw new UsageError(`missing --${key}`);
  return v;
};

async function userId(storage: Storage, username: string): Promise<string> {
  const u = await getUserByUsername(storage, username);
  if (!u) throw new UsageError(`no user "${username}"`);
  return u.id;
}

/** A wrong unit, type or prefix is the admin's input: said as a usage error. */
async function prefixCommand<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof PrefixError) throw new UsageError(err.message);
    throw err;
  }
}

export const COMMANDS: Record<
  string,
  { usage: string; run: (s: Storage, a: Args) => Promise<unknown> }
> = {
  'unit:create': {
    usage: '--name <name> [--parent <unitId>] [--region <GB/T 2260 code>]',
    run: (s, a) =>
      createUnit(s, {
        name: need(a, 'name'),
        parentId: a.parent ?? null,
        ...(a.region ? { regionCode: a.region } : {}),
      }),
  },
  'unit:list': { usage: '', run: (s) => listUnits(s) },
  'user:create': {
    usage:
      '--username <u> --name <姓名> --role inspector|supervisor|admin --unit <unitId> [--credential <执法证号>] (password from FIELDCHECK_PASSWORD or --password)',
    run: async (s, a) => {
      const role = need(a, 'role');
      if (!(ROLES as readonly string[]).includes(role))
        throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
      const password = a.password ?? process.env.FIELDCHECK_PASSWORD;
      if (!password)
        throw new UsageError('give the password in FIELDCHECK_PASSWORD (or --password)');
      return createUser(s, {
        username: need(a, 'username'),
        name: need(a, 'name'),
        role: role as Role,
        unitId: need(a, 'unit'),
        credentialNumber: a.credential ?? '',
        password,
      });
    },
  },
  'user:list': { usage: '', run: (s) => listUsers(s) },
  'enroll-code:create': {
    usage: '--user <username> [--ttl-minutes <minutes, default 1440>]',
    run: async (s, a) => {
      const ttl = a['ttl-minutes'] ? Number(a['ttl-minutes']) : 24 * 60;
      if (!Number.isInteger(ttl) || ttl < 1 || ttl > 30 * 24 * 60)
        throw new UsageError('--ttl-minutes: 1..43200');
      return createEnrollCode(s, await userId(s, need(a, 'user')), ttl);
    },
  },
  'device:revoke': {
    usage: '--device <deviceId> --reason <text>',
    run: async (s, a) => {
      const d = await revokeDevice(s, need(a, 'device'), need(a, 'reason'));
      if (!d) throw new UsageError(`no device ${a.device}`);
      return d;
    },
  },
  'device:list': {
    usage: '[--user <username>]',
    run: async (s, a) => listDevices(s, a.user ? await userId(s, a.user) : undefined),
  },
  'audit-breaks': {
    usage:
      '[--unit <unitId> (that unit and the units under it)] [--device <deviceId>] [--limit <n, default 100>]',
    run: async (s, a) => {
      const limit = a.limit ? Number(a.limit) : AUDIT_UPLOAD_LIMITS.defaultBreakList;
      if (!Number.isInteger(limit) || limit < 1 || limit > AUDIT_UPLOAD_LIMITS.maxBreakList)
        throw new UsageError(`--limit: 1..${AUDIT_UPLOAD_LIMITS.maxBreakList}`);
      for (const key of ['unit', 'device'] as const) {
        if (a[key] !== undefined && !uuid.safeParse(a[key]).success)
          throw new UsageError(`--${key} must be an id (UUID)`);
      }
      const unitIds = a.unit ? (await unitTree(s, a.unit)).down : null;
      return listBreaks(s, { unitIds, limit, ...(a.device ? { deviceId: a.device } : {}) });
    },
  },
  'number-prefix:list': {
    usage: '--unit <unitId> (each numbered document type: prefix and whether set or derived)',
    run: (s, a) => prefixCommand(() => listPrefixes(s, need(a, 'unit'))),
  },
  'number-prefix:set': {
    usage: `--unit <unitId> --doc-type <${NUMBERED_DOC_TYPES.join('|')}> --prefix <e.g. 辽质监罚> (empty --prefix= clears it)`,
    run: (s, a) =>
      prefixCommand(() => setPrefix(s, need(a, 'unit'), need(a, 'doc-type'), a.prefix ?? '')),
  },
  'number-sequence:start': {
    usage:
      '--prefix <辽质监罚> --year <2026> --next <first number the app may hand out> (only moves forward)',
    run: async (s, a) => {
      const prefix = need(a, 'prefix');
      const year = Number(need(a, 'year'));
      const next = Number(need(a, 'next'));
      if (!PREFIX_PATTERN.test(prefix)) throw new UsageError('--prefix: 1–16 Chinese characters');
      if (!Number.isInteger(year) || year < 2000 || year > 2999)
        throw new UsageError('--year: 2000..2999');
      if (!Number.isInteger(next) || next < 1) throw new UsageError('--next: a positive integer');
      return startSequenceAt(s, prefix, year, next);
    },
  },
  'epoch:rotate': {
    usage: '(after restoring a backup: clients re-pull from 0, keeping their outbox)',
    run: async (s) => ({ epoch: await rotateEpoch(s) }),
  },
};

export function parseArgs(argv: readonly string[]): { command: string | undefined; args: Args } {
  const [command, ...rest] = argv;
  const args: Args = {};
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i] as string;
    if (!flag.startsWith('--')) throw new UsageError(`unexpected argument "${flag}"`);
    const eq = flag.indexOf('=');
    if (eq > 0) args[flag.slice(2, eq)] = flag.slice(eq + 1);
    else {
      const value = rest[i + 1];
      if (value === undefined || value.startsWith('--'))
        throw new UsageError(`${flag} needs a value`);
      args[flag.slice(2)] = value;
      i++;
    }
  }
  return { command, args };
}
