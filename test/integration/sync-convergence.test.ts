/**
 * Convergence, as a property: random interleavings of edits, sync rounds, lost responses and
 * restarts on three devices of one unit (two inspectors of team A and the city supervisor)
 * always end, once every device has synced to quiescence, with
 *   - every record created anywhere on the server exactly once, and every mutation applied
 *     exactly once (one server row per outbox entry, however often it was replayed);
 *   - every device's local copy of its scope equal to the server's documents;
 *   - each owner's last saved spot-check content and status on the server;
 *   - no duplicates, locally or on the server.
 *
 * Same-field edits of an enterprise on two devices are generated on purpose (the `contend`
 * command brings two devices to a common base, then both change one field before either
 * syncs; about one conflict per run on average): they must end as open conflicts that every device in scope lists with both
 * values, while all devices show the server's value. Nothing is resolved here (that path is
 * covered in sync-roundtrip); nothing may be lost silently.
 *
 * Bounded: FC_RUNS (default 15) runs of up to 24 commands; FC_SEED replays a failure.
 * Runs against PGlite by default and PostgreSQL when DATABASE_URL is set.
 */
import fc from 'fast-check';
import type { Enterprise } from '../../shared/schemas/enterprise';
import type { SpotCheckData, SpotCheckRecord } from '../../shared/schemas/spotCheck';
import type { UserProfile } from '../../shared/sync/protocol';
import { asDraft, completeData, enterpriseInput, validCode } from './core-fixtures';
import { openFaultyClient, type FaultyClient } from './fixtures/faultyClient';
import { startSyncEnv, type SyncEnv } from './sync-fixtures';

const RUNS = Number(process.env.FC_RUNS ?? 15);
const MAX_COMMANDS = Number(process.env.FC_COMMANDS ?? 24);
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;

jest.setTimeout(Math.max(120_000, RUNS * 30_000));

// Small batches and pages: a handful of edits already spans several requests, so a lost
// response can land between two batches or two pull pages.
const LIMITS = { maxBatchMutations: 3, pullLimit: 4 };

const ENTERPRISE_FIELDS = ['address', 'contactPerson', 'legalRepresentative'] as const;
type EnterpriseField = (typeof ENTERPRISE_FIELDS)[number];
const SPOT_FIELDS = [
  ['sample', 'name'],
  ['sample', 'batchNumber'],
  ['basic', 'samplingPlace'],
  ['seals', 'testSampleSealNumber'],
] as const;
const DROP_PATHS = ['/v1/sync/push', '/v1/sync/pull', '/v1/sync/fetch', '/v1/conflicts'] as const;

type Cmd =
  | { t: 'createEnterprise'; c: number }
  | { t: 'editEnterprise'; c: number; pick: number; field: EnterpriseField }
  | { t: 'createSpotCheck'; c: number; complete: boolean; withEnterprise: number | null }
  | { t: 'saveDraft'; c: number; pick: number; field: number }
  | { t: 'submit'; c: number; pick: number }
  | {
      t: 'round';
      c: number;
      drop: { path: (typeof DROP_PATHS)[number]; nth: number } | null;
      restartAfter: boolean;
    }
  | { t: 'restart'; c: number }
  /** Two devices change the same field of a record both hold before either syncs. */
  | { t: 'contend'; c: number; other: number; pick: number; field: EnterpriseField };

const client = fc.nat({ max: 2 });
const pick = fc.nat({ max: 7 });
const cmdArb: fc.Arbitrary<Cmd> = fc.oneof(
  { arbitrary: fc.record({ t: fc.constant('createEnterprise' as const), c: client }), weight: 3 },
  {
    arbitrary: fc.record({
      t: fc.constant('editEnterprise' as const),
      c: client,
      pick,
      field: fc.constantFrom(...ENTERPRISE_FIELDS),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      t: fc.constant('createSpotCheck' as const),
      c: client,
      complete: fc.boolean(),
      withEnterprise: fc.option(pick, { nil: null }),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      t: fc.constant('saveDraft' as const),
      c: client,
      pick,
      field: fc.nat({ max: SPOT_FIELDS.length - 1 }),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ t: fc.constant('submit' as const), c: client, pick }), weight: 1 },
  {
    arbitrary: fc.record({
      t: fc.constant('round' as const),
      c: client,
      drop: fc.option(
        fc.record({ path: fc.constantFrom(...DROP_PATHS), nth: fc.integer({ min: 1, max: 3 }) }),
        { nil: null, freq: 2 },
      ),
      restartAfter: fc.oneof(
        { arbitrary: fc.constant(false), weight: 4 },
        { arbitrary: fc.constant(true), weight: 1 },
      ),
    }),
    weight: 5,
  },
  { arbitrary: fc.record({ t: fc.constant('restart' as const), c: client }), weight: 1 },
  {
    arbitrary: fc.record({
      t: fc.constant('contend' as const),
      c: client,
      other: fc.nat({ max: 1 }),
      pick,
      field: fc.constantFrom(...ENTERPRISE_FIELDS),
    }),
    weight: 3,
  },
);

/** What the devices did, to check the end state against. */
interface Model {
  /** Outbox entries each client wrote (one per successful change). */
  changes: number[];
  enterprises: Map<string, { creditCode: string; by: number }>;
  /** Each spot check's content and status as its owner last saw it. */
  spotChecks: Map<string, { by: number; status: string; data: SpotCheckData }>;
}

/** How much each run exercised (printed with FC_STATS=1, to see the generator is not idle). */
const stats = { runs: 0, changes: 0, dropped: 0, restarts: 0, conflicts: 0, submitted: 0 };

let counter = 0;
const unique = () => ++counter;

const strip = (e: Enterprise) => {
  const { id: _i, revision: _r, createdAt: _c, updatedAt: _u, ...values } = e;
  return values;
};

function localIds(c: FaultyClient, table: 'enterprises' | 'spot_checks'): string[] {
  return (c.t.db.prepare(`SELECT id FROM ${table} ORDER BY id`).all() as { id: string }[]).map(
    (r) => r.id,
  );
}

function ownDrafts(c: FaultyClient): string[] {
  return (
    c.t.db
      .prepare(`SELECT id FROM spot_checks WHERE created_by = ? AND status = 'draft' ORDER BY id`)
      .all(c.user.id) as { id: string }[]
  ).map((r) => r.id);
}

const nth = <T>(xs: readonly T[], i: number): T | undefined =>
  xs.length === 0 ? undefined : xs[i % xs.length];

async function run(cmd: Cmd, clients: FaultyClient[], model: Model): Promise<void> {
  const c = clients[cmd.c] as FaultyClient;
  const changed = () => {
    model.changes[cmd.c] = (model.changes[cmd.c] ?? 0) + 1;
  };
  const noteSpot = (r: SpotCheckRecord) =>
    model.spotChecks.set(r.id, { by: cmd.c, status: r.status, data: r.data });
  switch (cmd.t) {
    case 'createEnterprise': {
      const n = unique();
      const creditCode = validCode(`91210100${String(n).padStart(9, '0')}`);
      const e = await c.t.ok(
        'enterprise.create',
        enterpriseInput({ creditCode, name: `沈阳第${n}检验企业` }),
      );
      model.enterprises.set(e.id, { creditCode, by: cmd.c });
      changed();
      return;
    }
    case 'editEnterprise': {
      const id = nth(localIds(c, 'enterprises'), cmd.pick);
      if (!id) return;
      const e = await c.t.ok('enterprise.get', { id });
      await c.t.ok('enterprise.update', {
        id,
        expectedRevision: e.revision,
        values: { ...strip(e), [cmd.field]: `${c.name}-${cmd.field}-${unique()}` },
      });
      changed();
      return;
    }
    case 'contend': {
      const otherIndex = (cmd.c + 1 + cmd.other) % clients.length;
      const other = clients[otherIndex] as FaultyClient;
      const sharedIds = () => {
        const theirs = new Set(localIds(other, 'enterprises'));
        return localIds(c, 'enterprises').filter((x) => theirs.has(x));
      };
      if (sharedIds().length === 0) {
        // Bring both to a common base first, so the contention below is a real same-field race.
        await c.round();
        await other.round();
      }
      const id = nth(sharedIds(), cmd.pick);
      if (!id) return;
      for (const [index, device] of [
        [cmd.c, c],
        [otherIndex, other],
      ] as const) {
        const e = await device.t.ok('enterprise.get', { id });
        await device.t.ok('enterprise.update', {
          id,
          expectedRevision: e.revision,
          values: { ...strip(e), [cmd.field]: `${device.name}-${cmd.field}-${unique()}` },
        });
        model.changes[index] = (model.changes[index] ?? 0) + 1;
      }
      return;
    }
    case 'createSpotCheck': {
      const n = unique();
      const ent =
        cmd.withEnterprise === null
          ? undefined
          : nth(localIds(c, 'enterprises'), cmd.withEnterprise);
      const data = cmd.complete
        ? completeData((d) => {
            d.basic.recordNumber = `LNJD-2026-${String(n).padStart(6, '0')}`;
          })
        : undefined;
      const r = await c.t.ok('spotCheck.create', {
        ...(data ? { data: asDraft(data) } : {}),
        ...(ent ? { enterpriseId: ent } : {}),
      });
      noteSpot(r);
      changed();
      return;
    }
    case 'saveDraft': {
      const id = nth(ownDrafts(c), cmd.pick);
      if (!id) return;
      const { record } = await c.t.ok('spotCheck.get', { id });
      const [group, field] = SPOT_FIELDS[cmd.field] as (typeof SPOT_FIELDS)[number];
      const data = structuredClone(record.data);
      (data[group] as unknown as Record<string, string>)[field] = `${c.name}-${field}-${unique()}`;
      const r = await c.t.ok('spotCheck.saveDraft', {
        id,
        expectedRevision: record.revision,
        data: asDraft(data),
      });
      noteSpot(r);
      changed();
      return;
    }
    case 'submit': {
      const id = nth(ownDrafts(c), cmd.pick);
      if (!id) return;
      const { record } = await c.t.ok('spotCheck.get', { id });
      const res = await c.t.call('spotCheck.submit', { id, expectedRevision: record.revision });
      // An incomplete draft is refused locally and nothing is queued: that is not a change.
      if (!res.ok) {
        expect(res.error.code).toBe('VALIDATION');
        return;
      }
      noteSpot(res.value);
      changed();
      return;
    }
    case 'round': {
      if (cmd.drop) c.net.dropNth(cmd.drop.path, cmd.drop.nth);
      await c.round();
      c.net.clear();
      if (cmd.restartAfter) {
        stats.restarts++;
        await c.restart();
      }
      return;
    }
    case 'restart':
      stats.restarts++;
      await c.restart();
      return;
  }
}

/** Rounds on every device until none has anything to send and no round fails. */
async function quiesce(clients: FaultyClient[]): Promise<void> {
  for (let pass = 0; pass < 3; pass++) {
    let busy = false;
    for (const c of clients) {
      for (let i = 0; ; i++) {
        await c.round();
        const s = await c.t.ok('sync.status', {});
        if (s.pendingMutations === 0 && s.lastError === null) break;
        if (i >= 5) throw new Error(`${c.name} does not quiesce: ${JSON.stringify(s)}`);
        busy = true;
      }
    }
    // One clean pass after the last push, so every device pulled everyone's final rows.
    if (!busy && pass > 0) return;
  }
}

interface ServerRow {
  entity: string;
  id: string;
  doc: Record<string, unknown>;
  owner_user_id: string | null;
}

async function checkEndState(env: SyncEnv, clients: FaultyClient[], model: Model): Promise<void> {
  const q = env.storage.query.bind(env.storage);

  // Quarantined changes: allowed only with the server's reason, recorded as refused there.
  const rejectedCreates = new Set<string>();
  for (const c of clients) {
    for (const item of await c.t.ok('sync.quarantine', {})) {
      expect(item.reason).toMatch(/\w/);
      expect(item.message).toMatch(/\S/);
      const { rows } = await q<{ status: string }>(
        'SELECT status FROM mutations WHERE mutation_id = $1',
        [item.mutationId],
      );
      expect(rows.map((r) => r.status)).toEqual(['rejected']);
      if (item.op === 'create') rejectedCreates.add(item.entityId);
    }
  }

  // Every mutation a device wrote was applied (or refused) exactly once, however often sent.
  const devices = await Promise.all(
    clients.map(async (c) => (await c.t.ok('sync.status', {})).device?.id as string),
  );
  const { rows: perDevice } = await q<{ device_id: string; n: unknown; distinct_ids: unknown }>(
    'SELECT device_id, count(*) AS n, count(DISTINCT mutation_id) AS distinct_ids FROM mutations GROUP BY device_id',
  );
  for (const [i, dev] of devices.entries()) {
    const row = perDevice.find((r) => r.device_id === dev);
    expect({ client: clients[i]?.name, n: Number(row?.n ?? 0) }).toEqual({
      client: clients[i]?.name,
      n: model.changes[i] ?? 0,
    });
    expect(Number(row?.distinct_ids ?? 0)).toBe(Number(row?.n ?? 0));
  }

  const { rows } = await q<ServerRow>(
    `SELECT entity, id, doc::json AS doc, owner_user_id FROM entities WHERE entity IN ('enterprise', 'spotCheck')`,
  );
  const serverIds = rows.map((r) => `${r.entity}:${r.id}`);
  expect(new Set(serverIds).size).toBe(serverIds.length);
  const ents = new Map(rows.filter((r) => r.entity === 'enterprise').map((r) => [r.id, r]));
  const spots = new Map(rows.filter((r) => r.entity === 'spotCheck').map((r) => [r.id, r]));

  // Every record created anywhere is there exactly once (unless refused, and then absent).
  for (const [id, m] of model.enterprises) {
    expect(ents.has(id)).toBe(!rejectedCreates.has(id));
    if (ents.has(id)) expect(ents.get(id)?.doc.creditCode).toBe(m.creditCode);
  }
  expect(ents.size).toBe(model.enterprises.size - rejectedCreates.size);
  const codes = [...ents.values()].map((r) => r.doc.creditCode);
  expect(new Set(codes).size).toBe(codes.length);
  expect(spots.size).toBe(model.spotChecks.size);
  // A spot check has one writer (its owner): the server holds exactly what the owner saved.
  for (const [id, m] of model.spotChecks) {
    const row = spots.get(id);
    expect({ id, status: row?.doc.status, data: row?.doc.data }).toEqual({
      id,
      status: m.status,
      data: m.data,
    });
  }

  const { rows: openConflicts } = await q<{
    id: string;
    entity_id: string;
    field: string;
    server_value: unknown;
    client_value: unknown;
  }>(
    `SELECT id, entity_id, field, server_value, client_value FROM conflicts WHERE status = 'open'`,
  );

  for (const c of clients) {
    const inScope = (r: ServerRow) => c.user.role === 'supervisor' || r.owner_user_id === c.user.id;
    // Enterprises: all three devices see all of them (team A's and the city's register).
    const localEnts = localIds(c, 'enterprises').filter((id) => !rejectedCreates.has(id));
    expect({ client: c.name, ids: localEnts }).toEqual({
      client: c.name,
      ids: [...ents.keys()].sort(),
    });
    for (const [id, r] of ents) {
      const local = strip(await c.t.ok('enterprise.get', { id }));
      expect({ client: c.name, id, doc: local }).toEqual({ client: c.name, id, doc: r.doc });
    }
    const localCodes = c.t.db.prepare('SELECT credit_code FROM enterprises').all() as unknown[];
    expect(new Set(localCodes.map((x) => JSON.stringify(x))).size).toBe(localCodes.length);

    const scoped = [...spots.values()].filter(inScope);
    expect({ client: c.name, ids: localIds(c, 'spot_checks') }).toEqual({
      client: c.name,
      ids: scoped.map((r) => r.id).sort(),
    });
    for (const r of scoped) {
      const { record } = await c.t.ok('spotCheck.get', { id: r.id });
      expect({ client: c.name, id: r.id, status: record.status, data: record.data }).toEqual({
        client: c.name,
        id: r.id,
        status: r.doc.status,
        data: r.doc.data,
      });
    }

    // Same-field edits: both values kept, listed on every device in scope, none settled.
    const listed = await c.t.ok('conflicts.list', {});
    const norm = (x: { id: string; entityId: string; field: string; s: unknown; c: unknown }) =>
      JSON.stringify([x.id, x.entityId, x.field, x.s, x.c]);
    expect({
      client: c.name,
      conflicts: listed
        .map((x) => norm({ ...x, id: x.conflictId, s: x.serverValue, c: x.clientValue }))
        .sort(),
    }).toEqual({
      client: c.name,
      conflicts: openConflicts
        .map((x) =>
          norm({
            id: x.id,
            entityId: x.entity_id,
            field: x.field,
            s: x.server_value,
            c: x.client_value,
          }),
        )
        .sort(),
    });
    expect((await c.t.ok('sync.status', {})).openConflicts).toBe(openConflicts.length);
  }
  stats.runs++;
  stats.changes += model.changes.reduce((a, b) => a + b, 0);
  stats.dropped += clients.reduce((a, c) => a + c.net.dropped, 0);
  stats.conflicts += openConflicts.length;
  stats.submitted += [...model.spotChecks.values()].filter((m) => m.status === 'submitted').length;
  for (const x of openConflicts) {
    expect(x.server_value).not.toEqual(x.client_value);
    expect(typeof x.server_value === 'string' && typeof x.client_value === 'string').toBe(true);
  }
}

let env: SyncEnv;
beforeAll(async () => {
  env = await startSyncEnv();
});
afterAll(async () => {
  await env?.close();
});

describe('sync convergence (property)', () => {
  it('devices that edit, sync, lose responses and restart in any order end equal to the server', async () => {
    const users: [UserProfile, string][] = [
      [env.org.inspectorA, 'a'],
      [env.org.inspectorA2, 'a2'],
      [env.org.supervisor, 'sup'],
    ];
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(cmdArb, { minLength: 1, maxLength: MAX_COMMANDS, size: 'max' }),
        async (cmds) => {
          runs++;
          await env.ts.reset();
          const clients: FaultyClient[] = [];
          try {
            for (const [user, name] of users)
              clients.push(await openFaultyClient(env, user, name, { limits: LIMITS }));
            const model: Model = { changes: [], enterprises: new Map(), spotChecks: new Map() };
            for (const cmd of cmds) await run(cmd, clients, model);
            await quiesce(clients);
            await checkEndState(env, clients, model);
          } finally {
            for (const c of clients) await c.shutdown();
          }
        },
      ),
      { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
    expect(runs).toBeGreaterThanOrEqual(RUNS);
    if (process.env.FC_STATS) console.log(JSON.stringify(stats));
  });
});
