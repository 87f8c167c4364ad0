/**
 * Test harness: real servers on loopback over the same storage code as production. Lives in
 * server/ (not test/) so the client's sync tests can start a server the same way later.
 *
 * Storage: PGlite in memory by default; with DATABASE_URL, a fresh PostgreSQL schema per
 * harness, dropped on close.
 */
import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { creditCodeCheckChar } from '../../shared/domain/creditCode';
import type { CaseDataInput } from '../../shared/schemas/case';
import { EMPTY_ENTERPRISE } from '../../shared/schemas/enterprise';
import { emptySpotCheckData } from '../../shared/schemas/spotCheck';
import type {
  Mutation,
  MutationEntity,
  MutationOp,
  UnitInfo,
  UserProfile,
} from '../../shared/sync/protocol';
import { HybridClock } from '../../shared/sync/hlc';
import { loadConfig, type ServerConfig } from '../config';
import { createEnrollCode, enrollDevice } from '../org/devices';
import { createUnit } from '../org/units';
import { createUser } from '../org/users';
import { startServer, type RunningServer } from '../server';
import { openStorage } from '../storage/open';
import { openPg } from '../storage/pg';
import { pgliteTemplate } from './pgliteTemplate';
import type { Storage } from '../storage/types';

export interface TestStorage {
  storage: Storage;
  /** The PostgreSQL schema of this storage (with DATABASE_URL), so another process can open it. */
  pgSchema?: string;
  /** Clears everything but the schema, the catalog and (by default) the organisation. */
  reset(opts?: { keepOrg?: boolean }): Promise<void>;
  close(): Promise<void>;
}

export async function openTestStorage(opts: { dataDir?: string } = {}): Promise<TestStorage> {
  const url = process.env.DATABASE_URL;
  const schema = url ? `fc_test_${process.pid}_${randomBytes(4).toString('hex')}` : undefined;
  const storage = await openStorage({
    ...(url ? { databaseUrl: url, pgSchema: schema } : { pgliteTemplate: pgliteTemplate() }),
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
  });
  return {
    storage,
    ...(schema ? { pgSchema: schema } : {}),
    async reset({ keepOrg = true } = {}) {
      await storage.transaction(async (tx) => {
        await tx.query('DELETE FROM audit_breaks');
        await tx.query('DELETE FROM audit_entries');
        await tx.query('DELETE FROM audit_heads');
        await tx.query('DELETE FROM number_blocks');
        await tx.query('DELETE FROM number_counters');
        await tx.query('DELETE FROM conflicts');
        await tx.query('DELETE FROM mutations');
        await tx.query(
          `DELETE FROM entities WHERE entity NOT IN ('category'${keepOrg ? ", 'person'" : ''})`,
        );
        if (keepOrg) {
          await tx.query(
            'UPDATE devices SET last_seq = 0, revoked = false, revoked_at = NULL, revoked_reason = NULL',
          );
        } else {
          await tx.query('DELETE FROM number_prefixes');
          await tx.query('DELETE FROM enroll_codes');
          await tx.query('DELETE FROM devices');
          await tx.query('DELETE FROM users');
          await tx.query('DELETE FROM units');
        }
      });
    },
    async close() {
      await storage.close();
      if (url && schema) {
        const admin = await openPg({ connectionString: url, max: 1 });
        try {
          await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        } finally {
          await admin.close();
        }
      }
    },
  };
}

export function testConfig(over: Partial<ServerConfig> = {}): ServerConfig {
  const base = loadConfig({});
  return {
    ...base,
    host: '127.0.0.1',
    port: 0,
    deviceRate: { burst: 10_000, perMinute: 600_000 },
    publicRate: { burst: 10_000, perMinute: 600_000 },
    ...over,
  };
}

export function startTestServer(
  storage: Storage,
  over: Partial<ServerConfig> = {},
): Promise<RunningServer> {
  return startServer(testConfig(over), { storage, logger: false });
}

export interface HttpResult<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** Minimal client: JSON in, JSON out, never throws on a status. */
export function client(baseUrl: string, token?: string) {
  const call = async <T>(
    method: string,
    path: string,
    body?: unknown,
    raw?: { body: string; type?: string },
  ): Promise<HttpResult<T>> => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    let payload: string | undefined;
    if (raw) {
      payload = raw.body;
      headers['content-type'] = raw.type ?? 'application/json';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(payload !== undefined ? { body: payload } : {}),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text for the assertion message
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  };
  return {
    post: <T = Record<string, unknown>>(path: string, body?: unknown) =>
      call<T>('POST', path, body),
    get: <T = Record<string, unknown>>(path: string) => call<T>('GET', path),
    raw: <T = Record<string, unknown>>(path: string, body: string, type?: string) =>
      call<T>('POST', path, undefined, { body, ...(type ? { type } : {}) }),
  };
}

export interface TestDevice {
  deviceId: string;
  token: string;
  user: UserProfile;
  clock: HybridClock;
  nextSeq: number;
}

export interface TestOrg {
  province: UnitInfo;
  city: UnitInfo;
  teamA: UnitInfo;
  teamB: UnitInfo;
  inspectorA: UserProfile;
  inspectorA2: UserProfile;
  inspectorB: UserProfile;
  supervisor: UserProfile;
  password: string;
}

/** Province → city bureau → two teams; inspectors in both teams and a city supervisor. */
export async function createOrg(storage: Storage): Promise<TestOrg> {
  const password = 'correct horse 1';
  const province = await createUnit(storage, {
    name: '辽宁省质量技术监督局',
    regionCode: '210000',
  });
  const city = await createUnit(storage, {
    name: '沈阳市质监局',
    parentId: province.id,
    regionCode: '210100',
  });
  const teamA = await createUnit(storage, {
    name: '稽查一队',
    parentId: city.id,
    regionCode: '210100',
  });
  const teamB = await createUnit(storage, {
    name: '稽查二队',
    parentId: city.id,
    regionCode: '210100',
  });
  const user = (
    username: string,
    name: string,
    role: UserProfile['role'],
    unitId: string,
    credentialNumber: string,
  ) => createUser(storage, { username, name, role, unitId, credentialNumber, password });
  const [inspectorA, inspectorA2, inspectorB, supervisor] = await Promise.all([
    user('insp-a', '张执法', 'inspector', teamA.id, 'LN-A-0001'),
    user('insp-a2', '李执法', 'inspector', teamA.id, 'LN-A-0002'),
    user('insp-b', '王执法', 'inspector', teamB.id, 'LN-B-0001'),
    user('sup-city', '赵审核', 'supervisor', city.id, 'LN-C-0001'),
  ]);
  return {
    province,
    city,
    teamA,
    teamB,
    inspectorA,
    inspectorA2,
    inspectorB,
    supervisor,
    password,
  };
}

export async function enroll(
  storage: Storage,
  user: UserProfile,
  name = 'laptop',
): Promise<TestDevice> {
  const { code } = await createEnrollCode(storage, user.id, 60);
  const d = await enrollDevice(storage, code, name);
  if (!d) throw new Error('enroll failed');
  return {
    deviceId: d.deviceId,
    token: d.token,
    user,
    clock: new HybridClock(d.deviceId),
    nextSeq: 1,
  };
}

/** A valid unified social credit code, distinct per n. */
export function creditCodeFor(n: number): string {
  const first17 = `91210100${String(n).padStart(9, '0')}`;
  return first17 + (creditCodeCheckChar(first17) as string);
}

export function enterpriseDoc(
  n: number,
  over: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    ...EMPTY_ENTERPRISE,
    name: `沈阳第${n}化工有限公司`,
    creditCode: creditCodeFor(n),
    address: `沈阳市和平区南京街${n}号`,
    ...over,
  };
}

/** Builds the next mutation of a device (seq and HLC advance). */
export function mutation(
  dev: TestDevice,
  entity: MutationEntity,
  op: MutationOp,
  entityId: string,
  changes: Record<string, unknown>,
  baseServerSeq: number | null = null,
): Mutation {
  return {
    seq: dev.nextSeq++,
    mutationId: uuidv7(),
    entity,
    entityId,
    op,
    baseServerSeq,
    changes,
    hlc: dev.clock.send(),
  };
}

export const newId = (): string => uuidv7();

/** A spot-check record's data that passes the submit rules. */
export function submittableSpotCheckData(): Record<string, unknown> {
  const d = emptySpotCheckData() as unknown as Record<string, Record<string, unknown>>;
  Object.assign(d.basic as object, {
    recordNumber: 'SY-2026-0001',
    taskSource: '省局监督抽查计划',
    taskNumber: 'LN-2026-01',
    organizingDepartment: '辽宁省质量技术监督局',
    testingInstitution: '辽宁省产品质量监督检验院',
    samplingType: 'supervision',
    link: 'production',
    categoryCode: 'CHILD-TOY',
    samplingPlace: '成品库',
  });
  Object.assign(d.sampledUnit as object, {
    name: '沈阳第1化工有限公司',
    creditCode: creditCodeFor(1),
    regionCode: '210100',
    address: '沈阳市和平区南京街1号',
    legalRepresentative: '刘某',
    contactPerson: '陈某',
    contactPhone: '13812345678',
  });
  Object.assign(d.sample as object, {
    name: '塑胶玩具',
    specification: 'A-1',
    batchNumber: '20260401',
    samplingDate: '2026-05-01',
    samplingMethod: '随机抽样',
    samplingBase: '100',
    sampleQuantity: '4',
    backupQuantity: '2',
    quantityUnit: '件',
    executedStandard: 'GB 6675.1-2014',
  });
  Object.assign(d.seals as object, {
    testSampleSealNumber: 'F-001',
    backupSampleSealNumber: 'F-002',
  });
  Object.assign(d.signatory as object, { name: '陈某' });
  (d as Record<string, unknown>).samplers = [
    { name: '张执法', credentialNumber: 'LN-A-0001' },
    { name: '李执法', credentialNumber: 'LN-A-0002' },
  ];
  return d;
}

/**
 * A case's content with what every step of the procedure asks for already filled in (the state
 * machine's guards pass), so a test can walk a case through its stages. `today` is the Beijing
 * day the server will use: the 告知书 and the 决定书 are delivered on it, and the party waived
 * the 陈述申辩 window so the decision need not wait.
 */
export function completeCaseData(today: string, over: Partial<CaseDataInput> = {}): CaseDataInput {
  return {
    source: 'complaint',
    sourceRef: 'JB-2026-017',
    cause: '涉嫌生产不合格塑胶玩具',
    discoveredAt: today,
    parties: [
      {
        kind: 'enterprise',
        name: '沈阳第1化工有限公司',
        creditCode: creditCodeFor(1),
        legalRepresentative: '刘某',
        address: '沈阳市和平区南京街1号',
      },
    ],
    facts: '经抽样检验，该批次塑胶玩具小零件项目不合格。',
    legalBasis: '《中华人民共和国产品质量法》第十三条',
    penaltyBasis: '《中华人民共和国产品质量法》第四十九条',
    officers: [
      { name: '张执法', credentialNumber: 'LN-A-0001' },
      { name: '李执法', credentialNumber: 'LN-A-0002' },
    ],
    onSite: { place: '成品库', findings: '库存同批次玩具 200 件。' },
    notice: { deliveredAt: today, waived: true },
    decision: { content: '没收不合格产品，并处罚款。', deliveredAt: today },
    execution: { executedAt: today, note: '罚款已缴纳。' },
    transferTo: '沈阳市公安局',
    ...over,
  };
}

/** A review decision's changes (ReviewDecisionInputSchema). */
export function reviewChanges(
  targetType: 'case' | 'spotCheck',
  targetId: string,
  targetRev: number,
  over: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    targetType,
    targetId,
    step: targetType === 'case' ? 'file' : 'submit',
    level: targetType === 'case' ? 'review' : 'approve',
    decision: 'approve',
    comment: '',
    targetRev,
    ...over,
  };
}
