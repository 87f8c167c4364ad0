/**
 * Set-up for the server's case and review tests: a real server on loopback (PGlite by default,
 * PostgreSQL with DATABASE_URL), the test organisation plus a supervisor of team B, raw pushes,
 * and a driver that walks a case to any stage through the server's own state machine.
 */
import { isApprovalStep, TRANSITION_TABLE } from '../../shared/domain/case/stages';
import type { CaseStage, CaseTransition } from '../../shared/domain/case/stages';
import { CASE_TRANSITIONS } from '../../shared/domain/case/stages';
import { chinaDate } from '../../shared/domain/deadlines/today';
import type {
  Mutation,
  MutationOp,
  MutationResult,
  PullResponse,
  PullRow,
  PushResponse,
  UserProfile,
} from '../../shared/sync/protocol';
import { createUser } from '../../server/org/users';
import type { RunningServer } from '../../server/server';
import {
  client,
  completeCaseData,
  createOrg,
  enroll,
  mutation,
  newId,
  openTestStorage,
  reviewChanges,
  startTestServer,
  type TestDevice,
  type TestOrg,
  type TestStorage,
} from '../../server/testing/harness';

export type Rejected = Extract<MutationResult, { status: 'rejected' }>;
export type Doc = Record<string, unknown>;

/** The Beijing day the server's state machine uses. */
export const today = (): string => chinaDate(new Date());

export interface CaseServerEnv {
  db: TestStorage;
  server: RunningServer;
  org: TestOrg;
  /** A supervisor of team B: another unit than team A's records. */
  supervisorB: UserProfile;
  close(): Promise<void>;
}

export async function startCaseServer(): Promise<CaseServerEnv> {
  const db = await openTestStorage();
  const org = await createOrg(db.storage);
  const supervisorB = await createUser(db.storage, {
    username: 'sup-b',
    name: '钱审核',
    role: 'supervisor',
    unitId: org.teamB.id,
    credentialNumber: 'LN-B-0009',
    password: org.password,
  });
  const server = await startTestServer(db.storage);
  return {
    db,
    server,
    org,
    supervisorB,
    async close() {
      await server.close();
      await db.close();
    },
  };
}

export interface Devices {
  /** Inspector of team A: owns the records. */
  a: TestDevice;
  /** Another inspector of team A. */
  a2: TestDevice;
  /** Inspector of team B. */
  b: TestDevice;
  /** The city supervisor (above both teams). */
  sup: TestDevice;
  /** Team B's supervisor. */
  supB: TestDevice;
}

export async function enrollAll(env: CaseServerEnv): Promise<Devices> {
  const { storage } = env.db;
  return {
    a: await enroll(storage, env.org.inspectorA),
    a2: await enroll(storage, env.org.inspectorA2),
    b: await enroll(storage, env.org.inspectorB),
    sup: await enroll(storage, env.org.supervisor),
    supB: await enroll(storage, env.supervisorB),
  };
}

/** Raw pushes and reads of what the server stored. */
export function serverOps(env: CaseServerEnv) {
  const { storage } = env.db;

  async function push(dev: TestDevice, batch: Mutation[]): Promise<MutationResult[]> {
    const res = await client(env.server.url, dev.token).post<PushResponse>('/v1/sync/push', {
      deviceId: dev.deviceId,
      batch,
    });
    expect(res.status).toBe(200);
    return res.body.results;
  }

  async function row(entity: string, id: string): Promise<{ doc: Doc; seq: number }> {
    const { rows } = await storage.query<{ doc: Doc; server_seq: unknown }>(
      'SELECT doc::json AS doc, server_seq FROM entities WHERE entity = $1 AND id = $2',
      [entity, id],
    );
    const r = rows[0];
    if (!r) throw new Error(`no ${entity} ${id} on the server`);
    return { doc: r.doc, seq: Number(r.server_seq) };
  }

  /** Everything a push could have written: every synced row, the counter, the conflicts. */
  async function snapshot() {
    const entities = await storage.query(
      `SELECT entity, id, server_seq::text AS seq, doc::json AS doc, fields FROM entities
       WHERE entity NOT IN ('category', 'person') ORDER BY entity, id`,
    );
    const counter = await storage.query('SELECT last_seq::text AS s FROM sync_state');
    const conflicts = await storage.query('SELECT count(*)::int AS n FROM conflicts');
    return { entities: entities.rows, counter: counter.rows, conflicts: conflicts.rows };
  }

  /** Runs pushes that must all be refused, and checks that the server stored nothing. */
  async function refusedWithoutWrites(run: () => Promise<MutationResult[]>): Promise<Rejected[]> {
    const before = await snapshot();
    const results = await run();
    for (const r of results) expect(r).toMatchObject({ status: 'rejected' });
    expect(await snapshot()).toEqual(before);
    return results as Rejected[];
  }

  /** The single result of a one-mutation push. */
  async function one(dev: TestDevice, m: Mutation): Promise<MutationResult> {
    const [r] = await push(dev, [m]);
    if (!r) throw new Error('no result');
    return r;
  }

  async function applied(dev: TestDevice, m: Mutation): Promise<number> {
    const r = await one(dev, m);
    expect(r).toMatchObject({ status: 'applied' });
    return (r as Extract<MutationResult, { status: 'applied' }>).serverSeq as number;
  }

  async function openCase(owner: TestDevice, data: Doc = completeCaseData(today())) {
    const id = newId();
    await applied(owner, mutation(owner, 'case', 'create', id, { data }));
    return id;
  }

  /** A mutation on a case, based on what the server has now (as after a pull). */
  async function onCase(dev: TestDevice, id: string, op: MutationOp, changes: Doc) {
    const { seq } = await row('case', id);
    return mutation(dev, 'case', op, id, changes, seq);
  }

  const ask = (dev: TestDevice, id: string, t: CaseTransition, opinion = '建议办理') =>
    onCase(dev, id, 'transition', { transition: t, opinion });

  /** Requests for several steps, in order (a batch's seqs must follow its order). */
  async function asks(dev: TestDevice, id: string, ts: readonly CaseTransition[]) {
    const out: Mutation[] = [];
    for (const t of ts) out.push(await ask(dev, id, t));
    return out;
  }

  /** A review decision on the case's pending step at the given level, naming the current rev. */
  async function decide(reviewer: TestDevice, id: string, over: Doc = {}): Promise<Mutation> {
    const { doc } = await row('case', id);
    const pending = doc.pending as { step: string } | null;
    return mutation(
      reviewer,
      'review',
      'create',
      newId(),
      reviewChanges('case', id, doc.rev as number, { step: pending?.step ?? 'file', ...over }),
    );
  }

  /** Takes a step: asked by the owner, then signed 审核 and 审批 when it needs approval. */
  async function step(owner: TestDevice, reviewer: TestDevice, id: string, t: CaseTransition) {
    await applied(owner, await ask(owner, id, t));
    if (!isApprovalStep(t)) return;
    await applied(reviewer, await decide(reviewer, id, { level: 'review', comment: '同意' }));
    await applied(reviewer, await decide(reviewer, id, { level: 'approve', comment: '同意' }));
  }

  /** Opens a case and walks it to `stage` along the shortest way the transition table allows. */
  async function caseAt(stage: CaseStage, owner: TestDevice, reviewer: TestDevice, data?: Doc) {
    const id = await openCase(owner, data);
    for (const t of ROUTES.get(stage) ?? []) await step(owner, reviewer, id, t);
    expect((await row('case', id)).doc.stage).toBe(stage);
    return id;
  }

  async function pullAll(dev: TestDevice): Promise<Map<string, PullRow>> {
    const out = new Map<string, PullRow>();
    let cursor = 0;
    for (;;) {
      const res = await client(env.server.url, dev.token).post<PullResponse>('/v1/sync/pull', {
        cursor,
        limit: 1000,
      });
      expect(res.status).toBe(200);
      for (const r of res.body.rows) out.set(`${r.entity}:${r.entityId}`, r);
      cursor = res.body.nextCursor;
      if (!res.body.hasMore) return out;
    }
  }

  return {
    push,
    row,
    snapshot,
    refusedWithoutWrites,
    one,
    applied,
    openCase,
    onCase,
    ask,
    asks,
    decide,
    step,
    caseAt,
    pullAll,
  };
}

/** The shortest sequence of transitions from 受理 to each stage, from the transition table. */
export const ROUTES: ReadonlyMap<CaseStage, CaseTransition[]> = (() => {
  const routes = new Map<CaseStage, CaseTransition[]>([['accepted', []]]);
  const queue: CaseStage[] = ['accepted'];
  while (queue.length > 0) {
    const from = queue.shift() as CaseStage;
    for (const t of CASE_TRANSITIONS) {
      const def = TRANSITION_TABLE[t];
      if (!def.from.includes(from) || routes.has(def.to)) continue;
      routes.set(def.to, [...(routes.get(from) ?? []), t]);
      queue.push(def.to);
    }
  }
  return routes;
})();

export function expectRule(
  r: MutationResult | undefined,
  reason: string,
  ruleKey: string,
): Rejected {
  expect(r).toMatchObject({ status: 'rejected', reason, details: { ruleKey } });
  const rej = r as Rejected;
  // The message is the rule's Chinese text, whatever code it refuses with.
  expect(rej.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(rej.message).not.toContain('{{');
  return rej;
}
