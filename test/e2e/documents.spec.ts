/**
 * Printed forms in Debian's Chromium against the browser shell: the 打印文书 panel of a spot
 * check previews the 抽样单 in a sandboxed frame, saves it as a PDF (made by Chromium in the
 * core), and the 核验文书 screen checks the form's QR text against the record.
 */
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserHostProcess, type RunningHost } from './fixtures/browserHost';
import { field, firstRunSetup, waitSaved } from './flows/foundationFlow';

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

test('a spot check’s sampling sheet is previewed, saved as PDF, and its QR text checked', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  host = await startBrowserHostProcess(dataDir);
  await page.goto(host.url);
  await firstRunSetup(page);
  await page.getByRole('button', { name: /新建/ }).first().click();
  await field(page, 'sample', '样品名称').fill('复混肥料');
  await waitSaved(page);

  const panel = page.locator('.documents-panel');
  const row = panel.locator('li[data-kind="samplingSheet"]');
  await expect(row).toContainText('监督检查抽样单');
  await expect(row).toContainText('未打印');

  await row.getByRole('button', { name: '预览' }).click();
  const preview = page.getByRole('dialog', { name: /文书预览/ });
  const frame = preview.frameLocator('iframe');
  await expect(frame.locator('h1.title')).toHaveText('监督检查抽样单');
  await expect(frame.locator('body')).toContainText('复混肥料');
  const payload = await frame.locator('body').getAttribute('data-payload');
  expect(payload).toMatch(/^FC1;spotCheck;/);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'documents-preview.png') });

  const download = page.waitForEvent('download');
  await preview.getByRole('button', { name: '另存为 PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^监督检查抽样单.*\.pdf$/);
  const saved = path.join(dataDir, 'saved.pdf');
  await file.saveAs(saved);
  expect(fs.readFileSync(saved).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(page.getByText(/已保存 PDF/)).toBeVisible();
  await preview.getByRole('button', { name: '关闭预览' }).click();
  await expect(row).toContainText('已打印 1 次');

  await page.getByRole('link', { name: '核验文书' }).click();
  await page.getByLabel('二维码内容').fill(payload ?? '');
  await page.getByRole('button', { name: '核验', exact: true }).click();
  await expect(page.locator('[data-verdict="match"]')).toContainText('一致');
  await expect(page.locator('[data-verdict="match"]')).toContainText('监督检查抽样单');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'documents-verify.png') });

  await page.getByLabel('二维码内容').fill('not a payload');
  await page.getByRole('button', { name: '核验', exact: true }).click();
  await expect(page.locator('[data-verdict="malformed"]')).toBeVisible();
  // What was typed stays.
  await expect(page.getByLabel('二维码内容')).toHaveValue('not a payload');
});

test('a case page offers its forms, and the 立案审批表 previews from the case', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  host = await startBrowserHostProcess(dataDir);
  await page.goto(host.url);
  await firstRunSetup(page);
  await page.getByRole('link', { name: '案件' }).click();
  await page
    .getByRole('button', { name: /新建案件/ })
    .first()
    .click();

  const panel = page.locator('.documents-panel');
  for (const title of [
    '现场检查笔录',
    '立案审批表',
    '行政处罚告知书',
    '行政处罚决定书',
    '送达回证',
    '结案审批表',
  ]) {
    await expect(panel).toContainText(title);
  }
  await panel
    .locator('li[data-kind="filingApproval"]')
    .getByRole('button', { name: '预览' })
    .click();
  const preview = page.getByRole('dialog', { name: /文书预览/ });
  await expect(preview.frameLocator('iframe').locator('h1.title')).toHaveText('立案审批表');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'documents-case-preview.png') });
});
