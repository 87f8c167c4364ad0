/**
 * The foundation flow in Debian's Chromium against the browser shell: first-run setup, an
 * enterprise, a spot check found by a two-character Chinese query, a draft edited, the app
 * restarted on the same data, then the record submitted and read-only.
 */
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserHostProcess, type RunningHost } from './fixtures/browserHost';
import {
  editDraft,
  expectEditKept,
  field,
  findAndOpen,
  firstRunSetup,
  recordSpotCheck,
  registerEnterprise,
  section,
  submitAndExpectReadOnly,
  waitSaved,
} from './flows/foundationFlow';

const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'test-output', 'screenshots');

let dataDir: string;
let host: RunningHost | undefined;

test.beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldcheck-e2e-'));
});

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function open(page: Page, port?: number): Promise<RunningHost> {
  host = await startBrowserHostProcess(dataDir, port === undefined ? {} : { port });
  await page.goto(host.url);
  return host;
}

test('inspector records a spot check offline, finds it, edits it across a restart and submits it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await open(page);
  await firstRunSetup(page);
  await registerEnterprise(page);
  await recordSpotCheck(page);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'e2e-spot-check-form.png') });

  await findAndOpen(page);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'e2e-spot-check-opened.png') });
  await editDraft(page);

  // Restart the app on the same data: the draft and the edit are still there.
  await host?.stop();
  await open(page);
  await findAndOpen(page);
  await expectEditKept(page);

  await submitAndExpectReadOnly(page);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'e2e-spot-check-submitted.png') });
});

test('submitting an incomplete record shows every problem at its field and keeps the draft', async ({
  page,
}) => {
  await open(page);
  await firstRunSetup(page);
  await page.getByRole('button', { name: /新建/ }).first().click();
  await field(page, 'sample', '样品名称').fill('复合肥料');
  await waitSaved(page);
  await page.getByRole('button', { name: '提交', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: '提交' }).click();
  await expect(page.getByRole('alert')).toContainText('请按提示修改标红的字段');
  await expect(section(page, 'basic').locator('.field-error').first()).toBeVisible();
  await expect(section(page, 'samplers').getByText('此项为必填项').first()).toBeVisible();
  // Still a draft, input kept.
  await expect(field(page, 'sample', '样品名称')).toHaveValue('复合肥料');
  await expect(field(page, 'sample', '样品名称')).toBeEnabled();
});

test('input typed while the store is unreachable stays on screen and survives a restart', async ({
  page,
  context,
}) => {
  // A fixed port keeps the page's origin, and so its local copies, across the restart.
  const port = 47890 + Math.floor(Math.random() * 90);
  const first = await open(page, port);
  await firstRunSetup(page);
  await page.getByRole('button', { name: /新建/ }).first().click();
  await field(page, 'sample', '样品名称').fill('热轧带肋钢筋');
  await waitSaved(page);
  const recordHash = new URL(page.url()).hash;

  await first.stop();
  await field(page, 'sample', '生产日期/批号').fill('L2026-1103');
  await expect(page.getByRole('alert')).toContainText('无法连接本机数据服务');
  await expect(page.locator('.save-status')).toHaveClass(/save-status--error/);
  await expect(field(page, 'sample', '生产日期/批号')).toHaveValue('L2026-1103');

  // The window goes away with the app (as in a crash); a new one opens on the restarted app.
  await page.close();
  const again = await context.newPage();
  const second = await open(again, port);
  await again.goto(`${second.origin}/${recordHash}`);
  await expect(again.getByText('已恢复上次未保存的输入')).toBeVisible();
  await expect(field(again, 'sample', '生产日期/批号')).toHaveValue('L2026-1103');
  await expect(field(again, 'sample', '样品名称')).toHaveValue('热轧带肋钢筋');
  await waitSaved(again);
});
