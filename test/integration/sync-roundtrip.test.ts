/**
 * Client sync end to end: a device records offline, enrolls and syncs; a supervisor's device
 * pulls it; edits on two devices merge by field; the same field on both becomes a conflict that
 * both sides see and a person resolves.
 */
import { completeData, def, enterpriseInput, PROFILE, validCode } from './core-fixtures';
import {
  enrollAndLogin,
  openClient,
  serverDocs,
  startSyncEnv,
  type SyncEnv,
} from './sync-fixtures';

jest.setTimeout(60_000);

let env: SyncEnv;
beforeEach(async () => {
  env = await startSyncEnv();
});
afterEach(async () => {
  await env.close();
});

describe('sync round trip', () => {
  it('records made offline before enrollment reach a supervisor', async () => {
    const a = openClient();
    const sup = openClient();
    try {
      await a.ok('profile.setup', PROFILE);
      const e = await a.ok('enterprise.create', enterpriseInput());
      const r = await a.ok('spotCheck.create', { enterpriseId: e.id, data: completeData() });
      const status0 = await a.ok('sync.status', {});
      expect(status0).toMatchObject({ enrolled: false, pendingMutations: 2 });

      await enrollAndLogin(env, a, env.org.inspectorA);
      // The person who enrolls owns the device's earlier work.
      const profile = def(await a.ok('profile.get', {}));
      expect(profile).toMatchObject({ id: env.org.inspectorA.id, name: '张执法' });
      expect((await a.ok('spotCheck.get', { id: r.id })).record.createdBy).toBe(profile.id);

      await a.round();
      const s = await a.ok('sync.status', {});
      expect(s).toMatchObject({
        enrolled: true,
        reachable: true,
        pendingMutations: 0,
        quarantined: 0,
        lastError: null,
      });
      expect(s.user).toMatchObject({ username: 'insp-a', role: 'inspector' });
      expect((await serverDocs(env.storage, 'spotCheck')).get(r.id)).toMatchObject({
        status: 'draft',
        createdBy: env.org.inspectorA.id,
      });

      const submitted = await a.ok('spotCheck.submit', { id: r.id, expectedRevision: 1 });
      expect(submitted.status).toBe('submitted');
      await a.round();
      expect((await serverDocs(env.storage, 'spotCheck')).get(r.id)).toMatchObject({
        status: 'submitted',
      });

      await enrollAndLogin(env, sup, env.org.supervisor, 'office');
      await sup.round();
      const seen = await sup.ok('spotCheck.get', { id: r.id });
      expect(seen.record).toMatchObject({ status: 'submitted', createdBy: env.org.inspectorA.id });
      expect(seen.record.data.sample.name).toBe('婴幼儿配方奶粉');
      const list = await sup.ok('spotCheck.list', { q: '奶粉' });
      expect(list.rows.map((x) => x.id)).toContain(r.id);
      expect((await sup.ok('enterprise.get', { id: e.id })).name).toBe(e.name);
      // History says the record arrived by sync, not that the supervisor typed it.
      const audit = await sup.ok('audit.list', { entityType: 'spotCheck', entityId: r.id });
      expect(audit.every((x) => x.actorId === 'server')).toBe(true);
      // Pulled rows never go back up.
      expect((await sup.ok('sync.status', {})).pendingMutations).toBe(0);
    } finally {
      await a.core.shutdown();
      await sup.core.shutdown();
    }
  });

  it('merges edits to different fields and keeps both values of the same field', async () => {
    const a = openClient();
    const b = openClient();
    try {
      await enrollAndLogin(env, a, env.org.inspectorA);
      await enrollAndLogin(env, b, env.org.inspectorA2);
      const e = await a.ok('enterprise.create', enterpriseInput());
      await a.round();
      await b.round();
      const eb = await b.ok('enterprise.get', { id: e.id });
      const { id: _i, revision: _r, createdAt: _c, updatedAt: _u, ...values } = eb;

      // Different fields: both survive.
      await a.ok('enterprise.update', {
        id: e.id,
        expectedRevision: e.revision,
        values: { ...values, contactPerson: '甲' },
      });
      await b.ok('enterprise.update', {
        id: e.id,
        expectedRevision: eb.revision,
        values: { ...values, contactPhone: '13800000000' },
      });
      await a.round();
      await b.round();
      await a.round();
      for (const c of [a, b]) {
        expect(await c.ok('enterprise.get', { id: e.id })).toMatchObject({
          contactPerson: '甲',
          contactPhone: '13800000000',
        });
      }

      // Same field: a conflict, visible on both devices, nothing overwritten silently.
      const ea = await a.ok('enterprise.get', { id: e.id });
      const eb2 = await b.ok('enterprise.get', { id: e.id });
      const strip = (x: typeof ea) => {
        const { id: _1, revision: _2, createdAt: _3, updatedAt: _4, ...v } = x;
        return v;
      };
      await a.ok('enterprise.update', {
        id: e.id,
        expectedRevision: ea.revision,
        values: { ...strip(ea), address: '甲地址' },
      });
      await b.ok('enterprise.update', {
        id: e.id,
        expectedRevision: eb2.revision,
        values: { ...strip(eb2), address: '乙地址' },
      });
      await a.round();
      await b.round();
      await a.round();
      const onB = await b.ok('conflicts.list', {});
      const onA = await a.ok('conflicts.list', {});
      expect(onB).toHaveLength(1);
      expect(onB[0]).toMatchObject({
        entityId: e.id,
        field: 'address',
        serverValue: '甲地址',
        clientValue: '乙地址',
        label: e.name,
      });
      expect(onA.map((c) => c.conflictId)).toEqual(onB.map((c) => c.conflictId));
      // Both devices show the server's value until someone chooses.
      expect((await b.ok('enterprise.get', { id: e.id })).address).toBe('甲地址');

      // B chooses its own value: it goes up as a new change and closes the conflict everywhere.
      const left = await b.ok('conflicts.resolve', {
        conflictId: def(onB[0]).conflictId,
        choice: 'client',
      });
      expect(left).toEqual([]);
      await b.round();
      await a.round();
      expect((await serverDocs(env.storage, 'enterprise')).get(e.id)).toMatchObject({
        address: '乙地址',
      });
      expect((await a.ok('enterprise.get', { id: e.id })).address).toBe('乙地址');
      expect(await a.ok('conflicts.list', {})).toEqual([]);
      const open = await env.storage.query("SELECT id FROM conflicts WHERE status = 'open'");
      expect(open.rows).toHaveLength(0);
      expect((await a.ok('sync.status', {})).openConflicts).toBe(0);
    } finally {
      await a.core.shutdown();
      await b.core.shutdown();
    }
  });

  it('quarantines a refused change and goes on with the next ones', async () => {
    const a = openClient();
    const b = openClient();
    try {
      await enrollAndLogin(env, a, env.org.inspectorA);
      await enrollAndLogin(env, b, env.org.inspectorA2);
      const code = validCode('91210100MA0P4X2K9');
      const first = await a.ok('enterprise.create', enterpriseInput({ creditCode: code }));
      await a.round();
      // B registers the same enterprise offline under another id: refused, kept, shown.
      const dup = await b.ok(
        'enterprise.create',
        enterpriseInput({ creditCode: code, name: '重复登记' }),
      );
      const next = await b.ok(
        'enterprise.create',
        enterpriseInput({ creditCode: validCode('91210100MA0P4X2K8'), name: '下一家' }),
      );
      await b.round();
      const q = await b.ok('sync.quarantine', {});
      expect(q).toHaveLength(1);
      expect(q[0]).toMatchObject({
        entityId: dup.id,
        reason: 'duplicateCreditCode',
        label: '重复登记',
      });
      const s = await b.ok('sync.status', {});
      expect(s).toMatchObject({ pendingMutations: 0, quarantined: 1 });
      expect((await serverDocs(env.storage, 'enterprise')).has(next.id)).toBe(true);
      // Both rows are held locally: the server's and the refused local one.
      expect((await b.ok('enterprise.get', { id: first.id })).creditCode).toBe(code);
      expect((await b.ok('enterprise.get', { id: dup.id })).name).toBe('重复登记');
    } finally {
      await a.core.shutdown();
      await b.core.shutdown();
    }
  });
});
