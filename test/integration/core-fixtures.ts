/** Shared set-up for the core and db integration tests: temp data dirs and typed calls. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openCore, type Core, type CoreOptions } from '../../core';
import type { ApiInput, ApiMethod, ApiOutput } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import { creditCodeCheckChar } from '../../shared/domain/creditCode';
import type { EnterpriseFormValues } from '../../shared/schemas/enterprise';
import { emptySpotCheckData, type SpotCheckData } from '../../shared/schemas/spotCheck';

/** Narrows away undefined/null, failing loudly (the lint forbids non-null assertions). */
export function def<T>(v: T | null | undefined): T {
  if (v === undefined || v === null) throw new Error('expected a value');
  return v;
}

const made: string[] = [];

export function tempDir(prefix = 'fieldcheck-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

// Each test file that uses temp dirs removes them when it is done.
if (typeof afterAll === 'function') {
  afterAll(() => {
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
}

export function validCode(seventeen: string): string {
  const check = creditCodeCheckChar(seventeen);
  if (!check) throw new Error(`bad code body ${seventeen}`);
  return seventeen + check;
}

export interface TestCore {
  core: Core;
  dir: string;
  db: Database.Database;
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<Result<ApiOutput<M>>>;
  /** Calls and unwraps, failing the test with the error if the call failed. */
  ok<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>;
  count(table: string): number;
}

export function startCore(opts: Partial<CoreOptions> = {}): TestCore {
  const dir = opts.dataDir ?? tempDir();
  let db: Database.Database | undefined;
  let tick = 0;
  const core = openCore({
    dataDir: dir,
    shell: 'browser',
    // A clock that always moves forward, so updated_at orders saves deterministically.
    now: () => new Date(Date.UTC(2026, 4, 1) + tick++ * 1000),
    ...opts,
    onOpen: (d) => {
      db = d;
      opts.onOpen?.(d);
    },
  });
  const call = <M extends ApiMethod>(method: M, input: ApiInput<M>) =>
    core.dispatch(method, input) as Promise<Result<ApiOutput<M>>>;
  return {
    core,
    dir,
    db: db as unknown as Database.Database,
    call,
    ok: async (method, input) => {
      const r = await call(method, input);
      if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
      return r.value;
    },
    count: (table) =>
      (def(db).prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
  };
}

export const PROFILE = {
  name: '张三',
  credentialNumber: 'LN-2101-0001',
  unitName: '沈阳市市场监督管理局',
  regionCode: '210100',
} as const;

export function enterpriseInput(over: Partial<EnterpriseFormValues> = {}): EnterpriseFormValues {
  return {
    name: '沈阳飞鹤乳业有限公司',
    creditCode: validCode('91210100MA0P4X2K1'),
    address: '沈阳市和平区中山路 100 号',
    regionCode: '210100',
    legalRepresentative: '李四',
    contactPerson: '王五',
    contactPhone: '13912345678',
    licenceType: '食品生产许可证',
    licenceNumber: 'SC10621010000001',
    creditGrade: 'A',
    listStatus: 'none',
    ...over,
  };
}

/** A record that passes SpotCheckSubmitDataSchema. */
export function completeData(over: (d: SpotCheckData) => void = () => {}): SpotCheckData {
  const d = emptySpotCheckData();
  d.basic = {
    ...d.basic,
    recordNumber: 'LNJD-2026-000123',
    taskSource: '辽宁省市场监督管理局',
    taskNumber: 'LN2026-FOOD-01',
    organizingDepartment: '辽宁省质量技术监督局',
    testingInstitution: '辽宁省产品质量监督检验院',
    samplingType: 'supervision',
    link: 'production',
    categoryCode: 'FOOD',
    samplingPlace: '成品库',
  };
  d.sampledUnit = {
    ...d.sampledUnit,
    name: '沈阳飞鹤乳业有限公司',
    creditCode: validCode('91210100MA0P4X2K1'),
    regionCode: '210100',
    address: '沈阳市和平区中山路 100 号',
    legalRepresentative: '李四',
    contactPerson: '王五',
    contactPhone: '13912345678',
  };
  d.sample = {
    ...d.sample,
    name: '婴幼儿配方奶粉',
    trademark: '飞鹤',
    specification: '900g/罐',
    batchNumber: '20260401A',
    productionDate: '2026-04-01',
    samplingDate: '2026-04-20',
    samplingMethod: '随机抽样',
    samplingBase: '500',
    sampleQuantity: '6',
    backupQuantity: '3',
    quantityUnit: '罐',
    executedStandard: 'GB 10765-2021',
  };
  d.seals = { ...d.seals, testSampleSealNumber: 'F0001A', backupSampleSealNumber: 'F0001B' };
  d.signatory = { ...d.signatory, name: '李四' };
  d.samplers = [
    { name: '张三', credentialNumber: 'LN-2101-0001' },
    { name: '赵六', credentialNumber: 'LN-2101-0002' },
  ];
  over(d);
  return d;
}

/** The draft-schema view of full data (the API accepts partial drafts of the same shape). */
export const asDraft = (d: SpotCheckData) =>
  d as unknown as ApiInput<'spotCheck.saveDraft'>['data'];
