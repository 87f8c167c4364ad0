/**
 * What an inspector typed is never lost when the server refuses it: a save too large for the
 * office server's upload limit is refused; the sync panel says why, in Chinese, and the record
 * still shows everything typed (also after reopening it). The inspector shortens the text and
 * saves again: it goes, the refusal is shown as resolved, and a supervisor's app pulls it.
 */
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { freePort, seedServer, startCentralServer } from './fixtures/centralServer';
import { scratch } from './fixtures/scratch';
import { enrollAndLogIn, openSyncingApp } from './flows/connectedApp';
import { field, waitSaved } from './flows/foundationFlow';

const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'test-output', 'screenshots');
/**
 * The office server's push limit for this test (FIELDCHECK_MAX_BATCH_BYTES): a new draft fits;
 * a save of remarks of 1,000 Chinese characters (3,000 bytes) does not.
 */
const PUSH_LIMIT_BYTES = 3000;
const LONG_REMARKS = '样品封存完好，封条无破损，'.repeat(84).slice(0, 1000);

const { tempDir, keep } = scratch();

async function openApp(page: Page, name: string): Promise<void> {
  keep(await openSyncingApp(page, tempDir(name)));
}

test('a draft the server refused reaches the supervisor once the inspector shortens it', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const serverDir = tempDir('server');
  const org = seedServer(serverDir);
  const server = keep(
    await startCentralServer(serverDir, await freePort(), {
      FIELDCHECK_MAX_BATCH_BYTES: String(PUSH_LIMIT_BYTES),
    }),
  );

  const inspector = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await openApp(inspector, 'inspector');
  await enrollAndLogIn(inspector, server.url, org.inspector, org.password);
  await inspector
    .getByRole('button', { name: /新建抽样单/ })
    .first()
    .click();
  await field(inspector, 'basic', '抽样单编号').fill('SC-2026-0213');
  await field(inspector, 'sample', '样品名称').fill('电动自行车用蓄电池');
  await field(inspector, 'sample', '备注').fill(LONG_REMARKS);
  await waitSaved(inspector);

  // The app syncs by itself; the server refuses the record, and the indicator asks for attention.
  const indicator = inspector.locator('.net-indicator');
  await expect(indicator.locator('.net-attention')).toHaveText('1', { timeout: 60_000 });
  await indicator.click();
  const panel = inspector.getByRole('dialog');
  const refusal = panel.locator('.sync-item--rejected');
  await expect(refusal).toHaveCount(1);
  await expect(refusal).toContainText('SC-2026-0213');
  await expect(refusal.locator('.sync-item-reason')).toContainText('内容过大');
  await expect(refusal.locator('.sync-item-reason')).toContainText('已完整保留在本机');
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await inspector.screenshot({ path: path.join(SCREENSHOTS, 'e2e-sync-refused.png') });

  // Nothing was lost: reopened from the panel, the record shows everything typed.
  await expect(refusal.getByRole('link', { name: '打开记录' })).toBeVisible();
  await inspector.reload();
  await expect(field(inspector, 'sample', '样品名称')).toHaveValue('电动自行车用蓄电池');
  await expect(field(inspector, 'sample', '备注')).toHaveValue(LONG_REMARKS);

  // Shortened and saved again, it goes whole and the server takes it.
  await field(inspector, 'sample', '备注').fill('样品封存完好。');
  await waitSaved(inspector);
  await expect(indicator.locator('.net-attention')).toHaveCount(0, { timeout: 60_000 });
  await expect(indicator).toHaveAttribute('data-sync-state', 'synced', { timeout: 60_000 });
  await indicator.click();
  const resolved = inspector.getByRole('dialog').locator('.sync-item--resolved');
  await expect(resolved).toHaveCount(1);
  await expect(resolved).toContainText('已重新上传');
  await expect(inspector.getByRole('dialog').locator('.sync-item--rejected')).toHaveCount(0);
  await inspector.screenshot({ path: path.join(SCREENSHOTS, 'e2e-sync-refused-resolved.png') });

  const supervisor = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await openApp(supervisor, 'supervisor');
  await enrollAndLogIn(supervisor, server.url, org.supervisor, org.password);
  await supervisor.getByLabel('搜索').fill('蓄电池');
  const row = supervisor.getByRole('link', { name: /SC-2026-0213.*电动自行车用蓄电池/ });
  await expect(row).toBeVisible({ timeout: 60_000 });
  await row.click();
  await expect(field(supervisor, 'sample', '备注')).toHaveValue('样品封存完好。');
});
