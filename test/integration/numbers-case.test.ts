/**
 * One form, one 文书字号, on every device: the number lives in the case data and syncs. Real
 * cores and a real server on loopback (PGlite by default, PostgreSQL with DATABASE_URL).
 */
import type { SyncClient, SyncEnv } from './sync-fixtures';
import { enrollAndLogin, openClient, startSyncEnv } from './sync-fixtures';

jest.setTimeout(120_000);

let env: SyncEnv;
const clients: SyncClient[] = [];
beforeEach(async () => {
  env = await startSyncEnv();
});
afterEach(async () => {
  for (const c of clients.splice(0)) await c.core.shutdown();
  await env.close();
});

/** Puts the case in `stage` on the server and on the device (the approvals are not the point). */
async function atStage(c: SyncClient, id: string, stage: string): Promise<void> {
  await env.storage.query(
    `UPDATE entities SET doc = jsonb_set(doc::jsonb, '{stage}', to_jsonb($2::text))::json WHERE entity = 'case' AND id = $1`,
    [id, stage],
  );
  c.db
    .prepare(`UPDATE cases SET stage = ?, workflow = json_set(workflow, '$.stage', ?) WHERE id = ?`)
    .run(stage, stage, id);
}

describe('a case form’s number across devices', () => {
  it('is drawn once by the owner and printed alike on the supervisor’s laptop', async () => {
    const a = openClient();
    const sup = openClient();
    clients.push(a, sup);
    await enrollAndLogin(env, a, env.org.inspectorA, 'inspector laptop');
    await enrollAndLogin(env, sup, env.org.supervisor, 'supervisor laptop');
    const created = await a.ok('case.create', {});
    await a.round();
    await sup.round();
    await atStage(a, created.id, 'investigating');
    await atStage(sup, created.id, 'investigating');
    const ref = { ownerType: 'case', ownerId: created.id, kind: 'filingApproval' } as const;

    // Not numbered yet: the supervisor may not draw one (their blocks stay untouched).
    expect(await sup.call('documents.issue', { ...ref, output: 'print' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: { key: 'numbers.notEditor' } },
    });

    const printed = await a.ok('documents.issue', { ...ref, output: 'print' });
    const number = /沈质监立〔\d{4}〕第\d+号/.exec(printed.html)?.[0];
    expect(number).toBeDefined();
    const afterIssue = await a.ok('case.get', { id: created.id });
    expect(afterIssue.record.data.documentNumbers).toEqual({ filingApproval: number });
    // A number is no content edit: the open form's revision still saves.
    expect(afterIssue.record.rev).toBe(created.rev);

    // The case page saves its form, which never carried the number: the number stays.
    const saved = await a.ok('case.save', {
      id: created.id,
      expectedRev: created.rev,
      data: { ...created.data, cause: '涉嫌生产不合格产品' },
    });
    expect(saved.data.documentNumbers).toEqual({ filingApproval: number });
    expect(
      await a.call('case.save', {
        id: created.id,
        expectedRev: saved.rev,
        data: { ...saved.data, documentNumbers: { filingApproval: '沈质监立〔2026〕第99号' } },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'RULE', message: { key: 'caseRule.numberFixed' } },
    });

    await a.round();
    await sup.round();
    // The supervisor's print carries the same number (reused, not drawn), and verifies there.
    const theirs = await sup.ok('documents.issue', { ...ref, output: 'print' });
    expect(theirs.html).toContain(number);
    const verdict = await sup.ok('documents.verify', { payload: theirs.payload });
    expect(verdict.verdict).toBe('match');
    // The inspector's paper checks out on the supervisor's laptop too: same number, same
    // agency heading (the case's, not each laptop's unit), same content hash.
    const inspectorsPaper = await a.ok('documents.issue', { ...ref, output: 'print' });
    expect(inspectorsPaper.contentHash).toBe(theirs.contentHash);
    const crossCheck = await sup.ok('documents.verify', { payload: inspectorsPaper.payload });
    expect(crossCheck.verdict).toBe('match');
    expect(
      sup.db.prepare('SELECT count(*) AS n FROM issued_numbers').get() as { n: number },
    ).toEqual({ n: 0 });
  });
});
