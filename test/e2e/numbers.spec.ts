/**
 * Document numbers as the inspector sees them: after enrolling, the sync rounds stock the laptop
 * with a block per numbered form, and 数据同步 shows what is left and what happens when it runs out.
 */
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunningHost } from './fixtures/browserHost';
import {
  freePort,
  seedServer,
  startCentralServer,
  type RunningServer,
} from './fixtures/centralServer';
import { enrollAndLogIn, openSyncingApp } from './flows/connectedApp';
import { nav } from './flows/foundationFlow';

const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'test-output', 'screenshots');
const dirs: string[] = [];
let server: RunningServer | undefined;
let host: RunningHost | undefined;

const tempDir = (name: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `fieldcheck-e2e-${name}-`));
  dirs.push(dir);
  return dir;
};

test.afterEach(async () => {
  await host?.stop();
  await server?.stop();
  host = undefined;
  server = undefined;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

test('an enrolled laptop is stocked with document numbers and says how many are left', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const serverDir = tempDir('server');
  const org = seedServer(serverDir);
  server = await startCentralServer(serverDir, await freePort());
  await page.setViewportSize({ width: 1366, height: 900 });
  host = await openSyncingApp(page, tempDir('laptop'));
  await enrollAndLogIn(page, server.url, org.inspector, org.password);

  await nav(page, '数据同步').click();
  const card = page.locator('.number-stock');
  await expect(card.getByRole('heading', { name: '文书字号' })).toBeVisible();
  await expect(card).toContainText('行政处罚决定书：本机剩余 20 个文号', { timeout: 30_000 });
  await expect(card).toContainText('立案审批表：本机剩余 20 个文号');
  await expect(card.getByRole('button', { name: '立即领取文号' })).toBeVisible();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await card.screenshot({ path: path.join(SCREENSHOTS, 'e2e-number-stock.png') });
});
