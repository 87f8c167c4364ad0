import { v7 as uuidv7 } from 'uuid';
import { openStore, type Store } from '../../db/store';
import type { Enterprise } from '../../shared/schemas/enterprise';
import { SpotCheckListQuerySchema, EnterpriseListQuerySchema } from '../../shared/schemas/lists';
import type { SpotCheckRecord } from '../../shared/schemas/spotCheck';
import { completeData, enterpriseInput, tempDir, validCode } from './core-fixtures';

let store: Store;
beforeEach(() => {
  store = openStore({ dataDir: tempDir() });
});
afterEach(() => store.close());

const at = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();

function enterprise(n: number, over: Partial<Enterprise> = {}): Enterprise {
  return {
    ...(enterpriseInput() as Enterprise),
    id: uuidv7(),
    name: `企业${n}`,
    creditCode: validCode(`9121010000000${String(n).padStart(4, '0')}`),
    revision: 1,
    createdAt: at(n),
    updatedAt: at(n),
    ...over,
  };
}

function record(
  n: number,
  sampleName: string,
  over: Partial<SpotCheckRecord> = {},
): SpotCheckRecord {
  return {
    id: uuidv7(),
    status: 'draft',
    version: 1,
    supersedesId: null,
    supersededById: null,
    revision: 1,
    data: completeData((d) => {
      d.sample.name = sampleName;
      d.basic.recordNumber = `R-${String(n).padStart(3, '0')}`;
    }),
    createdBy: 'tester',
    createdAt: at(n),
    updatedAt: at(n),
    submittedAt: null,
    ...over,
  };
}

const list = (q: object) => store.spotChecks.list(SpotCheckListQuerySchema.parse(q));

describe('enterprise repository', () => {
  it('stores and reads back every field', () => {
    const e = enterprise(1, { listStatus: 'red', creditGrade: 'B' });
    store.enterprises.insert(e);
    expect(store.enterprises.get(e.id)).toEqual(e);
    expect(store.enterprises.findByCreditCode(e.creditCode)).toEqual({ id: e.id, name: e.name });
  });

  // Since migration 2 the schema allows it: a row received from the server may share a code
  // with a refused local one until a person merges them (the service refuses typed duplicates).
  it('can hold two enterprises with one credit code (server row next to a refused local one)', () => {
    const a = enterprise(1);
    store.enterprises.insert(a);
    store.enterprises.insert(enterprise(2, { creditCode: a.creditCode }));
    expect(store.enterprises.findByCreditCode(a.creditCode)?.id).toBe(a.id);
  });

  it('keeps the search index in step with updates', () => {
    const e = enterprise(1, { name: '大连水泥有限公司' });
    store.enterprises.insert(e);
    const q = (text: string) =>
      store.enterprises.list(EnterpriseListQuerySchema.parse({ q: text })).total;
    expect(q('水泥')).toBe(1);
    store.enterprises.update({ ...e, name: '大连钢铁有限公司', revision: 2 });
    expect(q('水泥')).toBe(0);
    expect(q('钢铁')).toBe(1);
  });

  it('filters by region and list status and sorts by name', () => {
    store.enterprises.insert(enterprise(1, { name: '乙', regionCode: '210200' }));
    store.enterprises.insert(
      enterprise(2, { name: '甲', regionCode: '210200', listStatus: 'black' }),
    );
    store.enterprises.insert(enterprise(3, { name: '丙', regionCode: '210100' }));
    const page = store.enterprises.list(
      EnterpriseListQuerySchema.parse({ regionCode: '210200', sort: 'name', dir: 'asc' }),
    );
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.name)).toEqual(['乙', '甲'].sort());
    expect(
      store.enterprises
        .list(EnterpriseListQuerySchema.parse({ listStatus: 'black' }))
        .rows.map((r) => r.name),
    ).toEqual(['甲']);
  });
});

describe('spot-check repository', () => {
  it('round-trips the JSON document and the list columns', () => {
    const r = record(1, '婴幼儿配方奶粉');
    store.spotChecks.insert(r);
    expect(store.spotChecks.get(r.id)).toEqual(r);
    const row = store.db
      .prepare(
        'SELECT sample_name, record_number, category_code, sampling_date FROM spot_checks WHERE id = ?',
      )
      .get(r.id);
    expect(row).toEqual({
      sample_name: '婴幼儿配方奶粉',
      record_number: 'R-001',
      category_code: 'FOOD',
      sampling_date: '2026-04-20',
    });
  });

  it('writes only what changed and re-indexes only changed searchable text', () => {
    const r = record(1, '水泥');
    store.spotChecks.insert(r);
    const next = structuredClone(r);
    next.data.sample.name = '钢筋';
    next.revision = 2;
    store.spotChecks.update(next, r);
    expect(store.spotChecks.get(r.id)).toEqual(next);
    expect(list({ q: '钢筋' }).total).toBe(1);
    expect(list({ q: '水泥' }).total).toBe(0);
  });

  it('finds substrings of two, one and many characters, exactly', () => {
    store.spotChecks.insert(record(1, '婴幼儿配方奶粉'));
    store.spotChecks.insert(record(2, '全脂奶粉'));
    store.spotChecks.insert(record(3, '普通硅酸盐水泥'));
    store.spotChecks.insert(record(4, '粉奶'));
    expect(list({ q: '奶粉' }).total).toBe(2);
    expect(list({ q: '婴幼儿' }).rows.map((r) => r.sampleName)).toEqual(['婴幼儿配方奶粉']);
    expect(list({ q: '粉' }).total).toBe(3);
    expect(list({ q: '泥' }).total).toBe(1);
    expect(list({ q: '奶 粉' }).total).toBe(3);
    expect(list({ q: '方奶粉婴' }).total).toBe(0);
    // Record numbers and standards are searchable too, case-insensitively.
    expect(list({ q: 'r-003' }).rows.map((r) => r.sampleName)).toEqual(['普通硅酸盐水泥']);
    expect(list({ q: 'GB 10765' }).total).toBe(4);
  });

  it('follows the version chain both ways', () => {
    const v1 = record(1, 'A', { status: 'submitted' });
    const v2 = record(2, 'A', { version: 2, supersedesId: v1.id });
    store.spotChecks.insert(v1);
    store.spotChecks.insert(v2);
    store.spotChecks.update({ ...v1, supersededById: v2.id }, v1);
    const expected = [
      { id: v1.id, version: 1, status: 'submitted' },
      { id: v2.id, version: 2, status: 'draft' },
    ];
    expect(store.spotChecks.versions(v1.id)).toEqual(expected);
    expect(store.spotChecks.versions(v2.id)).toEqual(expected);
  });

  it('refuses a second correction of the same record at the schema level', () => {
    const v1 = record(1, 'A', { status: 'submitted' });
    store.spotChecks.insert(v1);
    store.spotChecks.insert(record(2, 'A', { version: 2, supersedesId: v1.id }));
    expect(() =>
      store.spotChecks.insert(record(3, 'A', { version: 2, supersedesId: v1.id })),
    ).toThrow(/UNIQUE/);
  });
});

describe('quarantine repository', () => {
  const refused = (
    seq: number,
    entityId: string,
    op: string,
    reason: string,
    changes: Record<string, unknown> = { data: {} },
    baseServerSeq: number | null = null,
  ) =>
    store.quarantine.add({
      mutationId: uuidv7(),
      seq,
      entity: 'spotCheck',
      entityId,
      op,
      changes,
      reason,
      message: `refused ${seq}`,
      at: at(seq),
      baseServerSeq,
    });
  const resolvedSeqs = () =>
    store.quarantine
      .list()
      .filter((q) => q.resolvedAt)
      .map((q) => q.seq);

  it('a create that reached the server resolves the refused creates and held updates of its record', () => {
    const [a, b] = [uuidv7(), uuidv7()];
    refused(1, a, 'create', 'validation');
    refused(2, a, 'update', 'tooLarge', { 'data.sample.remarks': 'x' });
    refused(3, a, 'create', 'alreadyExists');
    refused(4, a, 'update', 'immutable', { 'data.sample.name': 'y' });
    refused(5, b, 'create', 'tooLarge');
    expect(store.quarantine.count()).toBe(5);
    expect(store.quarantine.lastRefusedCreate('spotCheck', a)).toBe(1);

    const applied = { applied: true };
    expect(
      store.quarantine.resolveSent('spotCheck', a, { op: 'create', changes: {} }, at(9), applied),
    ).toBe(2);
    // Not alreadyExists (the server had its own copy), not the server's state winning
    // (immutable), not another record.
    expect(resolvedSeqs()).toEqual([1, 2]);
    expect(store.quarantine.count()).toBe(3);
    expect(store.quarantine.lastRefusedCreate('spotCheck', a)).toBeNull();
    expect(store.quarantine.lastRefusedCreate('spotCheck', b)).toBe(5);
    // Kept as history, with when it was resolved; resolving again changes nothing.
    expect(store.quarantine.list()[0]?.resolvedAt).toBe(at(9));
    expect(
      store.quarantine.resolveSent('spotCheck', a, { op: 'create', changes: {} }, at(10), applied),
    ).toBe(0);
    expect(store.quarantine.list()[0]?.resolvedAt).toBe(at(9));
  });

  it('holds the fields of updates refused for what they carried until an update sends them all', () => {
    const id = uuidv7();
    refused(
      1,
      id,
      'update',
      'tooLarge',
      { 'data.sample.remarks': 'r', 'data.result.failedItems': 'f' },
      7,
    );
    refused(2, id, 'update', 'unstorableText', { 'data.samplers': [] }, 5);
    refused(3, id, 'update', 'outOfScope', { 'data.sample.name': 'n' }, 4);
    // A refused submit holds nothing (its changes are what validation normalized), and no later
    // update makes it good.
    refused(4, id, 'submit', 'validation', {}, 8);
    // The same field refused again from a later base keeps the first one's.
    refused(5, id, 'update', 'tooLarge', { 'data.samplers': [1] }, 9);
    expect(store.quarantine.held('spotCheck', id)).toEqual({
      paths: ['data.sample.remarks', 'data.result.failedItems', 'data.samplers'],
      baseOf: { 'data.sample.remarks': 7, 'data.result.failedItems': 7, 'data.samplers': 5 },
    });

    const sent = (changes: Record<string, unknown>) =>
      store.quarantine.resolveSent('spotCheck', id, { op: 'update', changes }, at(9), {
        applied: true,
      });
    // One of the two fields sent: nothing resolved yet.
    expect(sent({ 'data.sample.remarks': 'short' })).toBe(0);
    expect(sent({ 'data.sample.remarks': 'short', 'data.result.failedItems': 'f' })).toBe(1);
    // A parent path covers the fields inside it.
    expect(sent({ data: {} })).toBe(2);
    expect(resolvedSeqs()).toEqual([1, 2, 5]);
    expect(store.quarantine.list().map((q) => q.resolution ?? null)).toEqual([
      'taken',
      'taken',
      null,
      null,
      'taken',
    ]);
    expect(store.quarantine.held('spotCheck', id)).toEqual({ paths: [], baseOf: {} });
    expect(store.quarantine.count()).toBe(2);
  });

  it('a submit the server applied resolves refused submits; one in conflict or refused does not take them', () => {
    const id = uuidv7();
    refused(1, id, 'update', 'tooLarge', { 'data.sample.remarks': 'long' }, 3);
    refused(2, id, 'submit', 'tooLarge', { 'data.sample.remarks': 'long' }, 3);
    const submit = { op: 'submit', changes: { 'data.sample.remarks': 'short' } };
    // Refused again as a submit: it stands for the earlier submit, the held update stays held.
    expect(store.quarantine.supersede('spotCheck', id, submit, at(4))).toBe(1);
    refused(3, id, 'submit', 'tooLarge', submit.changes, 3);
    expect(store.quarantine.held('spotCheck', id).paths).toEqual(['data.sample.remarks']);
    // In conflict: the held field reached the server (its other value waits in conflicts), but
    // the record was not signed.
    expect(store.quarantine.resolveSent('spotCheck', id, submit, at(5), { applied: false })).toBe(
      1,
    );
    expect(store.quarantine.list().map((q) => [q.seq, q.resolution ?? null])).toEqual([
      [1, 'taken'],
      [2, 'superseded'],
      [3, null],
    ]);
    expect(store.quarantine.resolveSent('spotCheck', id, submit, at(6), { applied: true })).toBe(1);
    expect(store.quarantine.count()).toBe(0);
  });

  it('held fields the record no longer lets change count as sent', () => {
    const id = uuidv7();
    refused(1, id, 'update', 'unstorableText', { 'data.sourceRef': 'a', 'data.facts': 'b' }, 3);
    const update = { op: 'update', changes: { 'data.facts': 'b' } };
    expect(store.quarantine.resolveSent('spotCheck', id, update, at(4), { applied: true })).toBe(0);
    const gone = (path: string) => path === 'data.sourceRef';
    expect(
      store.quarantine.resolveSent('spotCheck', id, update, at(4), { applied: true, gone }),
    ).toBe(1);
  });

  it('a refusal of the same fields again supersedes the earlier one', () => {
    const id = uuidv7();
    refused(1, id, 'update', 'tooLarge', { 'data.sample.remarks': 'long' }, 3);
    const again = { op: 'update', changes: { 'data.sample.remarks': 'longer', 'data.x': 1 } };
    expect(store.quarantine.supersede('spotCheck', id, again, at(5))).toBe(1);
    refused(2, id, 'update', 'tooLarge', again.changes, 3);
    expect(store.quarantine.list().map((q) => [q.seq, q.resolution ?? null])).toEqual([
      [1, 'superseded'],
      [2, null],
    ]);
    expect(store.quarantine.count()).toBe(1);
    expect(store.quarantine.held('spotCheck', id)).toEqual({
      paths: ['data.sample.remarks', 'data.x'],
      baseOf: { 'data.sample.remarks': 3, 'data.x': 3 },
    });
  });

  it('held updates whose every field is locked now are settled as locked; others stay open', () => {
    const [id, other] = [uuidv7(), uuidv7()];
    refused(1, id, 'update', 'unstorableText', { 'data.sourceRef': 'a' }, 3);
    refused(2, id, 'update', 'tooLarge', { 'data.sourceRef': 'b', 'data.facts': 'c' }, 3);
    refused(3, id, 'update', 'outOfScope', { 'data.sourceRef': 'd' }, 3);
    refused(4, other, 'update', 'tooLarge', { 'data.sourceRef': 'e' }, 3);
    expect(store.quarantine.heldRecords()).toEqual(
      expect.arrayContaining([
        { entity: 'spotCheck', entityId: id },
        { entity: 'spotCheck', entityId: other },
      ]),
    );
    const locked = (path: string) => path === 'data.sourceRef';
    expect(store.quarantine.settleLocked('spotCheck', id, locked, at(6))).toBe(1);
    // Only the held update with nothing open; not one with an open field, not the server's
    // state winning (outOfScope holds nothing), not another record.
    expect(
      store.quarantine
        .list()
        .filter((q) => q.entityId === id || q.entityId === other)
        .map((q) => [q.seq, q.resolution ?? null, q.resolvedAt ?? null]),
    ).toEqual([
      [1, 'locked', at(6)],
      [2, null, null],
      [3, null, null],
      [4, null, null],
    ]);
    expect(store.quarantine.held('spotCheck', id).paths).toEqual(['data.sourceRef', 'data.facts']);
    expect(store.quarantine.settleLocked('spotCheck', id, locked, at(7))).toBe(0);
  });
});
