/**
 * Attachments on cases (signatures, evidence photos), end to end: added on the inspector's
 * device, pushed after the case, uploaded, and seen with their bytes by the owner's supervisor
 * and by nobody outside the unit. Refused on a case in a final stage, on both sides. Real
 * cores and a real server on loopback (PGlite, or PostgreSQL with DATABASE_URL).
 */
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { enroll, mutation } from '../../server/testing/harness';
import type { PushResponse } from '../../shared/sync/protocol';
import { PROFILE, startCore } from './core-fixtures';
import {
  enrollAndLogin,
  openClient,
  serverDocs,
  startSyncEnv,
  type SyncEnv,
} from './sync-fixtures';

jest.setTimeout(120_000);

/** A 1×1 PNG (a real one: the app checks the signature bytes). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let env: SyncEnv;
beforeEach(async () => {
  env = await startSyncEnv();
});
afterEach(async () => {
  await env.close();
});

describe('attachments on a case', () => {
  it('reach the server after the case and are seen by the owner’s supervisor only', async () => {
    const a = openClient();
    const sup = openClient();
    const other = openClient();
    try {
      await enrollAndLogin(env, a, env.org.inspectorA);
      const c = await a.ok('case.create', {});
      const meta = await a.ok('attachments.add', {
        ownerType: 'case',
        ownerId: c.id,
        fileName: '当事人签名.png',
        mimeType: 'image/png',
        dataBase64: PNG.toString('base64'),
      });
      expect(meta).toMatchObject({ ownerType: 'case', ownerId: c.id, sha256: sha(PNG) });
      expect(await a.ok('attachments.list', { ownerType: 'case', ownerId: c.id })).toEqual([meta]);
      const audit = await a.ok('audit.list', { entityType: 'case', entityId: c.id });
      expect(audit.some((e) => e.changes.some((x) => x.path === `attachments.${meta.id}`))).toBe(
        true,
      );

      await a.round();
      await a.round();
      const row = (await serverDocs(env.storage, 'attachment')).get(meta.id);
      expect(row).toMatchObject({ ownerType: 'case', ownerId: c.id, sha256: sha(PNG) });
      const { rows } = await env.storage.query<{ unit_id: string; owner_user_id: string }>(
        "SELECT unit_id, owner_user_id FROM entities WHERE entity = 'attachment' AND id = $1",
        [meta.id],
      );
      expect(rows[0]).toEqual({ unit_id: env.org.teamA.id, owner_user_id: env.org.inspectorA.id });
      expect(
        (await a.ok('attachments.list', { ownerType: 'case', ownerId: c.id }))[0]?.uploaded,
      ).toBe(true);

      await enrollAndLogin(env, sup, env.org.supervisor, 'office');
      await sup.round();
      const seen = await sup.ok('attachments.list', { ownerType: 'case', ownerId: c.id });
      expect(seen.map((x) => x.id)).toEqual([meta.id]);
      const bytes = await sup.ok('attachments.read', { sha256: meta.sha256 });
      expect(Buffer.from(bytes.dataBase64, 'base64').equals(PNG)).toBe(true);

      await enrollAndLogin(env, other, env.org.inspectorB, 'team B');
      await other.round();
      expect(await other.ok('attachments.list', { ownerType: 'case', ownerId: c.id })).toEqual([]);
      const probe = await enroll(env.storage, env.org.inspectorB, 'probe');
      const fetched = await fetch(`${env.url}/v1/files/${meta.sha256}`, {
        headers: { authorization: `Bearer ${probe.token}` },
      });
      expect(fetched.status).toBe(403);
      expect(await fetched.json()).toMatchObject({ code: 'FILE_NOT_REFERENCED' });
    } finally {
      await a.core.shutdown();
      await sup.core.shutdown();
      await other.core.shutdown();
    }
  });

  it('is refused on a case in a final stage, and on a case that does not exist', async () => {
    const t = startCore();
    try {
      await t.ok('profile.setup', PROFILE);
      const c = await t.ok('case.create', {});
      t.db
        .prepare(
          "UPDATE cases SET stage = 'closed', workflow = json_set(workflow, '$.stage', 'closed') WHERE id = ?",
        )
        .run(c.id);
      const input = {
        ownerType: 'case' as const,
        ownerId: c.id,
        fileName: 'x.png',
        mimeType: 'image/png' as const,
        dataBase64: PNG.toString('base64'),
      };
      const closed = await t.call('attachments.add', input);
      expect(closed).toMatchObject({
        ok: false,
        error: { code: 'RULE', message: { key: 'caseRule.terminal' } },
      });
      const missing = await t.call('attachments.add', { ...input, ownerId: uuidv7() });
      expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(t.count('attachments')).toBe(0);
      expect(t.count('outbox')).toBe(1); // the case's create only
    } finally {
      await t.core.shutdown();
    }
  });

  it('the server refuses an attachment on someone else’s case or a closed one', async () => {
    const owner = await enroll(env.storage, env.org.inspectorA);
    const stranger = await enroll(env.storage, env.org.inspectorA2);
    const caseId = uuidv7();
    const push = async (dev: typeof owner, batch: unknown[]) => {
      const res = await fetch(`${env.url}/v1/sync/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${dev.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ deviceId: dev.deviceId, batch }),
      });
      expect(res.status).toBe(200);
      return (await res.json()) as PushResponse;
    };
    const created = await push(owner, [mutation(owner, 'case', 'create', caseId, { data: {} })]);
    expect(created.results[0]?.status).toBe('applied');
    const changes = (name: string) => ({
      ownerType: 'case',
      ownerId: caseId,
      sha256: sha(PNG),
      fileName: name,
      mimeType: 'image/png',
      size: PNG.length,
      createdAt: new Date().toISOString(),
    });
    const foreign = await push(stranger, [
      mutation(stranger, 'attachment', 'create', uuidv7(), changes('a.png')),
    ]);
    expect(foreign.results[0]).toMatchObject({ status: 'rejected', reason: 'outOfScope' });

    await env.storage.query(
      `UPDATE entities SET doc = jsonb_set(doc::jsonb, '{stage}', '"closed"')::json WHERE entity = 'case' AND id = $1`,
      [caseId],
    );
    const late = await push(owner, [
      mutation(owner, 'attachment', 'create', uuidv7(), changes('b.png')),
    ]);
    expect(late.results[0]).toMatchObject({ status: 'rejected', reason: 'caseRule' });
    expect((await serverDocs(env.storage, 'attachment')).size).toBe(0);
  });
});
