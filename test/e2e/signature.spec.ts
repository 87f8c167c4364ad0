/**
 * Signatures on a spot check in Debian's Chromium against the browser shell: a signature
 * drawn with the mouse is saved with the record and is there after a reload; a refusal to
 * sign needs its reason and a witness, and is shown as such.
 */
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserHostProcess, type RunningHost } from './fixtures/browserHost';
import { field, firstRunSetup, section, waitSaved } from './flows/foundationFlow';
import { drawSignature, expectSignatureImage } from './flows/signatures';

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

async function newSpotCheck(page: Page): Promise<void> {
  host = await startBrowserHostProcess(dataDir);
  await page.goto(host.url);
  await firstRunSetup(page);
  await page.getByRole('button', { name: /新建/ }).first().click();
  await field(page, 'sample', '样品名称').fill('复混肥料');
  await waitSaved(page);
}

const panel = (page: Page) => section(page, 'signatory').locator('.signatures-panel');

const expectImageLoaded = (page: Page, alt: string) => expectSignatureImage(panel(page), alt);

test('a signature drawn with the mouse is saved with the spot check and there after a reload', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await newSpotCheck(page);
  await expect(panel(page)).toContainText('尚无签名');

  await panel(page).getByRole('button', { name: '签名', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '现场签名' });
  await expect(dialog).toBeVisible();
  // Nothing drawn yet: the dialog says so and keeps what was typed.
  await dialog.getByLabel('签名人身份', { exact: true }).selectOption('party');
  await dialog.getByLabel('姓名', { exact: true }).fill('王芳');
  await dialog.getByRole('button', { name: '保存签名' }).click();
  await expect(dialog.getByText('请先在签名框内签名')).toBeVisible();
  await expect(dialog.getByLabel('姓名', { exact: true })).toHaveValue('王芳');

  await drawSignature(page);
  // Undo removes the last stroke; the first one stays.
  await dialog.getByRole('button', { name: '撤销一笔' }).click();
  await expect(dialog.getByRole('img', { name: /签名框/ })).toHaveAttribute('data-blank', 'false');
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'e2e-signature-pad.png') });
  await dialog.getByRole('button', { name: '保存签名' }).click();
  await expect(dialog).toBeHidden();

  await expect(panel(page)).toContainText('当事人');
  await expect(panel(page)).toContainText('王芳');
  await expectImageLoaded(page, '王芳的签名');
  await waitSaved(page);

  await page.reload();
  await expect(field(page, 'sample', '样品名称')).toHaveValue('复混肥料');
  await expect(panel(page)).toContainText('王芳');
  await expectImageLoaded(page, '王芳的签名');
  await section(page, 'signatory').screenshot({
    path: path.join(SCREENSHOTS, 'e2e-signature-saved.png'),
  });
});

test('a refusal to sign is recorded with its reason and witness', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await newSpotCheck(page);

  await panel(page).getByRole('button', { name: '签名', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '现场签名' });
  await dialog.getByLabel('签名人身份', { exact: true }).selectOption('party');
  await dialog.getByLabel('姓名', { exact: true }).fill('赵刚');
  await dialog.getByLabel('拒绝签名').check();
  await dialog.getByRole('button', { name: '保存签名' }).click();
  // Both the reason and the witness are required.
  await expect(dialog.locator('[data-field="sig-reason"] .field-error')).toHaveText('此项为必填项');
  await expect(dialog.locator('[data-field="sig-witness"] .field-error')).toHaveText(
    '此项为必填项',
  );
  await dialog.getByLabel('拒签理由', { exact: true }).fill('称负责人不在场，拒绝在抽样单上签字');
  await dialog.getByLabel('见证人', { exact: true }).fill('孙丽（社区工作人员）');
  await dialog.getByRole('button', { name: '保存签名' }).click();
  await expect(dialog).toBeHidden();

  const line =
    '赵刚拒绝签名。拒签理由：称负责人不在场，拒绝在抽样单上签字；见证人：孙丽（社区工作人员）';
  await expect(panel(page)).toContainText(line);
  await waitSaved(page);
  await page.reload();
  await expect(panel(page)).toContainText(line);
  await expect(panel(page).getByRole('img')).toHaveCount(0);
});
