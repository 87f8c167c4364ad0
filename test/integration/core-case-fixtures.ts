/**
 * Set-up for the case and review tests: case content that satisfies a step, a device signed in
 * as a given user and role (the state enrollment and login leave behind), and rows as the
 * server sends them, applied through the same code a pull uses.
 */
import { openStore, type Store } from '../../db/store';
import { applyRow } from '../../core/sync/applyRow';
import type { CaseRecord } from '../../shared/domain/case/record';
import type { Role } from '../../shared/domain/permissions';
import { emptyCaseData, type CaseData } from '../../shared/schemas/case';
import type { SpotCheckData } from '../../shared/schemas/spotCheck';
import type { PullEntity } from '../../shared/sync/protocol';
import { startCore, tempDir, type TestCore } from './core-fixtures';

export const UNIT = '01900000-0000-7000-8000-0000000000a1';

export interface Person {
  id: string;
  name: string;
  role: Role;
  credentialNumber: string;
}

export const INSPECTOR: Person = {
  id: '01900000-0000-7000-8000-000000000001',
  name: '张三',
  role: 'inspector',
  credentialNumber: 'LN-2101-0001',
};
export const INSPECTOR_2: Person = {
  id: '01900000-0000-7000-8000-000000000002',
  name: '赵六',
  role: 'inspector',
  credentialNumber: 'LN-2101-0002',
};
export const SUPERVISOR: Person = {
  id: '01900000-0000-7000-8000-000000000009',
  name: '钱科长',
  role: 'supervisor',
  credentialNumber: 'LN-2101-0009',
};
export const ADMIN: Person = {
  id: '01900000-0000-7000-8000-00000000000a',
  name: '管理员',
  role: 'admin',
  credentialNumber: '',
};

export interface Device extends TestCore {
  /** A second connection to the same database (the core does not expose its store). */
  store: Store;
  /** Applies rows as a pull does (in one transaction), with the core's clock. */
  pull(...rows: { entity: PullEntity; id: string; doc: Record<string, unknown> }[]): void;
  close(): void;
}

let serverSeq = 1000;

/** A device signed in as `who`: enrollment, session and account as login stores them. */
export function deviceAs(who: Person): Device {
  const dir = tempDir();
  const t = startCore({ dataDir: dir, sync: { intervalMs: 0 } });
  const store = openStore({ dataDir: dir });
  store.db
    .transaction(() => {
      store.syncState.set('enrollment', {
        serverUrl: 'http://127.0.0.1:9',
        deviceId: '01900000-0000-7000-8000-0000000000d1',
        deviceName: 'test',
        token: 'x',
        enrolledAt: '2026-05-01T00:00:00.000Z',
        userId: who.id,
      });
      store.syncState.set('session', { userId: who.id, at: '2026-05-01T00:00:00.000Z' });
      store.syncState.set('users', {
        [who.name]: {
          user: {
            id: who.id,
            username: who.name,
            name: who.name,
            role: who.role,
            unitId: UNIT,
            unitName: '沈阳市市场监督管理局',
            credentialNumber: who.credentialNumber,
          },
          unitRegionCode: '210100',
          verifier: '',
        },
      });
      store.profile.adopt({
        id: who.id,
        name: who.name,
        credentialNumber: who.credentialNumber || 'LN-0000-0000',
        unitName: '沈阳市市场监督管理局',
        regionCode: '210100',
        createdAt: '2026-05-01T00:00:00.000Z',
      });
    })
    .immediate();
  let tick = 0;
  const now = () => new Date(Date.UTC(2026, 4, 1, 12) + tick++ * 1000);
  return {
    ...t,
    store,
    pull: (...rows) =>
      store.db
        .transaction(() => {
          for (const r of rows) {
            applyRow(
              { store, now },
              { serverSeq: serverSeq++, entity: r.entity, entityId: r.id, doc: r.doc },
            );
            store.entitySync.record(r.entity, r.id, serverSeq);
          }
        })
        .immediate(),
    close: () => {
      store.close();
      t.core.close();
    },
  };
}

/** Content that lets a case be filed (立案): source, cause, facts, a party, two officers. */
export function fileableData(over: (d: CaseData) => void = () => {}): CaseData {
  const d = emptyCaseData();
  d.source = 'complaint';
  d.sourceRef = '举报 2026-017';
  d.cause = '涉嫌生产销售不合格婴幼儿配方奶粉';
  d.discoveredAt = '2026-04-20';
  d.facts = '经查，当事人于2026年3月生产的批号20260401A奶粉蛋白质含量不符合标准。';
  d.parties = [
    {
      kind: 'enterprise',
      enterpriseId: '',
      name: '沈阳飞鹤乳业有限公司',
      creditCode: '',
      idNumber: '',
      legalRepresentative: '李四',
      address: '沈阳市和平区中山路 100 号',
      phone: '',
    },
  ];
  d.product = {
    name: '婴幼儿配方奶粉',
    brand: '飞鹤',
    model: '900g/罐',
    batchNumber: '20260401A',
    quantity: '',
    unit: '',
  };
  d.officers = [
    { userId: INSPECTOR.id, name: INSPECTOR.name, credentialNumber: INSPECTOR.credentialNumber },
    {
      userId: INSPECTOR_2.id,
      name: INSPECTOR_2.name,
      credentialNumber: INSPECTOR_2.credentialNumber,
    },
  ];
  over(d);
  return d;
}

/** A case as the server's document (the record without its id). */
export function caseDoc(r: CaseRecord, over: Partial<CaseRecord> = {}): Record<string, unknown> {
  const { id: _id, ...doc } = { ...r, ...over };
  return JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
}

/** A spot check as the server's document. */
export function spotCheckDoc(
  data: SpotCheckData,
  over: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    status: 'submitted',
    version: 1,
    rev: 3,
    supersedesId: null,
    supersededById: null,
    createdBy: INSPECTOR.id,
    submittedAt: '2026-04-30T08:00:00.000Z',
    submittedBy: INSPECTOR.id,
    review: null,
    data,
    ...over,
  };
}

export type OutboxRow = {
  seq: number;
  entity: string;
  entity_id: string;
  op: string;
  changes: string;
  state: string;
};

export const outboxRows = (t: TestCore, entity: string): OutboxRow[] =>
  t.db
    .prepare(
      'SELECT seq, entity, entity_id, op, changes, state FROM outbox WHERE entity = ? ORDER BY seq',
    )
    .all(entity) as OutboxRow[];

export const changesOf = (r: OutboxRow | undefined): Record<string, unknown> =>
  JSON.parse(r?.changes ?? 'null') as Record<string, unknown>;
