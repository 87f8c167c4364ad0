/**
 * Property: however batches from 2–3 devices interleave, overlap and replay (and however
 * many gaps get refused), the final state equals applying each unique (device, seq) exactly
 * once, in the order the server first took it — and every record exists exactly once.
 * Runs the server's real push path (one transaction per batch) on the test storage.
 */
import fc from 'fast-check';
import type { Mutation, MutationResult } from '../../shared/sync/protocol';
import { authenticate } from '../../server/auth/authenticate';
import { HttpError } from '../../server/errors';
import { pushBatch } from '../../server/sync/push';
import type { Caller } from '../../server/sync/scope';
import {
  createOrg,
  enroll,
  enterpriseDoc,
  mutation,
  newId,
  openTestStorage,
  type TestDevice,
  type TestStorage,
} from '../../server/testing/harness';

let db: TestStorage;
let devices: TestDevice[];
let callers: Caller[];

beforeAll(async () => {
  db = await openTestStorage();
  const org = await createOrg(db.storage);
  devices = await Promise.all(
    [org.inspectorA, org.inspectorA2, org.supervisor].map((u) => enroll(db.storage, u)),
  );
  callers = await Promise.all(devices.map((d) => authenticate(db.storage, `Bearer ${d.token}`)));
}, 60_000);

afterAll(() => db?.close());

const FIELDS = ['contactPerson', 'address', 'licenceNumber', 'creditGrade'] as const;
const VALUES: Record<(typeof FIELDS)[number], string[]> = {
  contactPerson: ['甲', '乙', '丙'],
  address: ['一号路', '二号路'],
  licenceNumber: ['XK-1', 'XK-2', ''],
  creditGrade: ['A', 'B', ''],
};

const opArb = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('create' as const) }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('update' as const),
      target: fc.nat(),
      field: fc.constantFrom(...FIELDS),
      value: fc.nat(),
      base: fc.integer({ min: 0, max: 40 }),
    }),
  },
);
const stepArb = fc.record({
  device: fc.nat(),
  back: fc.integer({ min: 0, max: 3 }),
  len: fc.integer({ min: 1, max: 4 }),
  gap: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
});
const scenarioArb = fc.record({
  nDevices: fc.integer({ min: 2, max: 3 }),
  ops: fc.array(fc.array(opArb, { minLength: 1, maxLength: 8 }), { minLength: 3, maxLength: 3 }),
  steps: fc.array(stepArb, { minLength: 1, maxLength: 25 }),
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

/** Turns generated ops into concrete mutations per device (ids, credit codes, seqs). */
function buildMutations(s: Scenario, start: number): Mutation[][] {
  const created: string[] = [];
  let code = 1;
  const out: Mutation[][] = [];
  for (let d = 0; d < s.nDevices; d++) {
    const dev = { ...(devices[d] as TestDevice), nextSeq: 1 };
    out.push(
      (s.ops[d] ?? []).map((op) => {
        if (op.kind === 'create' || created.length === 0) {
          const id = newId();
          created.push(id);
          return mutation(dev, 'enterprise', 'create', id, enterpriseDoc(code++));
        }
        const values = VALUES[op.field];
        const change = { [op.field]: values[op.value % values.length] };
        return mutation(
          dev,
          'enterprise',
          'update',
          created[op.target % created.length] as string,
          change,
          start + op.base,
        );
      }),
    );
  }
  return out;
}

interface Snapshot {
  entities: unknown[];
  conflicts: unknown[];
  mutations: unknown[];
  devices: unknown[];
}

const counter = async () =>
  Number(
    (await db.storage.query<{ n: unknown }>('SELECT last_seq AS n FROM sync_state')).rows[0]?.n,
  );

/** The state after a phase, with server seqs counted from the phase's start so phases compare. */
async function snapshot(start: number): Promise<Snapshot> {
  const rel = (v: unknown) => (v === null || v === undefined ? v : Number(v) - start);
  const q = async <T = Record<string, unknown>>(sql: string) =>
    (await db.storage.query<T>(sql)).rows;
  const result = (r: MutationResult) => {
    if (r.status === 'rejected') return r;
    const base = { ...r, serverSeq: rel(r.serverSeq) };
    return r.status === 'conflict'
      ? {
          ...base,
          conflicts: r.conflicts.map((c) => ({
            ...c,
            conflictId: '',
            serverSeq: rel(c.serverSeq),
          })),
        }
      : base;
  };
  const ents = await q<{
    id: string;
    doc: unknown;
    fields: Record<string, { s: number; d: string }>;
    seq: unknown;
  }>(
    `SELECT id, doc::json AS doc, fields, server_seq AS seq FROM entities WHERE entity = 'enterprise' ORDER BY id`,
  );
  return {
    entities: ents.map((e) => ({
      ...e,
      seq: rel(e.seq),
      fields: Object.fromEntries(
        Object.entries(e.fields).map(([k, v]) => [k, { ...v, s: rel(v.s) }]),
      ),
    })),
    conflicts: (
      await q<{ seq: unknown }>(
        `SELECT entity_id, field, server_value, client_value, server_seq AS seq, device_id, mutation_id FROM conflicts ORDER BY mutation_id, field`,
      )
    ).map((c) => ({ ...c, seq: rel(c.seq) })),
    mutations: (
      await q<{ result: MutationResult }>(
        `SELECT device_id, seq::text AS seq, status, result FROM mutations ORDER BY device_id, seq`,
      )
    ).map((r) => ({
      ...r,
      result: result(r.result),
    })),
    devices: await q(`SELECT id, last_seq::text AS last_seq FROM devices ORDER BY id`),
  };
}

it('interleaved, replayed and gapped batches converge to applying each (device, seq) once', async () => {
  await fc.assert(
    fc.asyncProperty(scenarioArb, async (s) => {
      await db.reset();
      const start1 = await counter();
      const muts = buildMutations(s, start1);
      const last = muts.map(() => 0);
      const serverOrder: [number, Mutation][] = [];
      const push = async (d: number, from: number, to: number) => {
        const batch = (muts[d] as Mutation[]).slice(from - 1, to);
        try {
          const res = await pushBatch(db.storage, callers[d] as Caller, {
            deviceId: (devices[d] as TestDevice).deviceId,
            batch,
          });
          for (const m of batch) if (m.seq > (last[d] as number)) serverOrder.push([d, m]);
          last[d] = res.lastSeq;
          return 'ok';
        } catch (err) {
          if (err instanceof HttpError && err.code === 'GAP') return 'gap';
          throw err;
        }
      };

      for (const step of s.steps) {
        const d = step.device % s.nDevices;
        const n = (muts[d] as Mutation[]).length;
        const l = last[d] as number;
        if (step.gap && l + 2 <= n) {
          expect(await push(d, l + 2, Math.min(n, l + 2 + step.len))).toBe('gap');
          continue;
        }
        const from = Math.max(1, Math.min(l + 1, n) - step.back);
        expect(await push(d, from, Math.min(n, from + step.len - 1))).toBe('ok');
      }
      for (let d = 0; d < s.nDevices; d++) {
        const n = (muts[d] as Mutation[]).length;
        if ((last[d] as number) < n) await push(d, Math.max(1, (last[d] as number) - 1), n);
      }
      const interleaved = await snapshot(start1);

      // every mutation taken exactly once; every created record exists exactly once
      const total = muts.reduce((a, m) => a + m.length, 0);
      expect(serverOrder).toHaveLength(total);
      expect(interleaved.mutations).toHaveLength(total);
      const creates = muts
        .flat()
        .filter((m) => m.op === 'create')
        .map((m) => m.entityId);
      const ents = (interleaved.entities as { id: string }[]).map((e) => e.id);
      expect(ents.sort()).toEqual([...creates].sort());

      // reference: the same mutations, each once, one per batch, in server order
      await db.reset();
      const start2 = await counter();
      for (const [d, m] of serverOrder) {
        const shifted = {
          ...m,
          baseServerSeq: m.baseServerSeq === null ? null : m.baseServerSeq - start1 + start2,
        };
        await pushBatch(db.storage, callers[d] as Caller, {
          deviceId: (devices[d] as TestDevice).deviceId,
          batch: [shifted],
        });
      }
      const reference = await snapshot(start2);
      expect(interleaved).toEqual(reference);
    }),
    { numRuns: Number(process.env.FC_RUNS ?? 25) },
  );
}, 120_000);
