/**
 * 文书字号 in the case data on the server (PGlite by default, PostgreSQL with DATABASE_URL):
 * written once, never replaced or removed, and no new content revision (a pending approval
 * stays valid).
 */
import { newId } from '../../server/testing/harness';
import {
  enrollAll,
  serverOps,
  startCaseServer,
  type CaseServerEnv,
  type Devices,
} from './case-server-fixtures';

jest.setTimeout(120_000);

let env: CaseServerEnv;
let ops: ReturnType<typeof serverOps>;
let d: Devices;

beforeAll(async () => {
  env = await startCaseServer();
  ops = serverOps(env);
}, 60_000);
afterAll(() => env?.close());
beforeEach(async () => {
  await env.db.reset();
  d = await enrollAll(env);
});

describe('document numbers in the case', () => {
  it('are written once: a different or removed number is refused with caseRule.numberFixed', async () => {
    const id = await ops.openCase(d.a);
    const before = await ops.row('case', id);
    const NUMBER = '沈质监立〔2026〕第3号';
    await ops.applied(
      d.a,
      await ops.onCase(d.a, id, 'update', { 'data.documentNumbers.filingApproval': NUMBER }),
    );
    const written = await ops.row('case', id);
    expect(written.doc.data).toMatchObject({ documentNumbers: { filingApproval: NUMBER } });
    // Not content an approval covers: the revision stays.
    expect(written.doc.rev).toBe(before.doc.rev);

    // The same number again changes nothing; another item's number is a new key.
    const item = newId();
    const key = `measureDecision${item.replace(/-/g, '')}`;
    await ops.applied(
      d.a,
      await ops.onCase(d.a, id, 'update', {
        'data.documentNumbers.filingApproval': NUMBER,
        [`data.documentNumbers.${key}`]: '沈质监强制〔2026〕第1号',
      }),
    );

    const [changed, removed] = await ops.refusedWithoutWrites(async () =>
      ops.push(d.a, [
        await ops.onCase(d.a, id, 'update', {
          'data.documentNumbers.filingApproval': '沈质监立〔2026〕第41号',
        }),
        await ops.onCase(d.a, id, 'update', { 'data.documentNumbers': {} }),
      ]),
    );
    for (const r of [changed, removed]) {
      expect(r).toMatchObject({ reason: 'caseRule', details: { ruleKey: 'caseRule.numberFixed' } });
    }
    expect(changed?.details?.ruleParams).toEqual({ number: NUMBER });
    expect((await ops.row('case', id)).doc.data).toMatchObject({
      documentNumbers: { filingApproval: NUMBER, [key]: '沈质监强制〔2026〕第1号' },
    });
  });
});
