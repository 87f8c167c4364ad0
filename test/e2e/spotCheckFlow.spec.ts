/**
 * The foundation flow in Debian's Chromium against the browser shell: first-run setup, an
 * enterprise, a spot check found by a two-character Chinese query, a draft edited, the app
 * restarted on the same data, then the record submitted and read-only.
 */
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { creditCodeCheckChar } from '../../shared/domain/creditCode';
import { startBrowserHostProcess, type RunningHost } from './fixtures/browserHost';

const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'test-output', 'screenshots');
const first17 = '91210100123456789';
const CREDIT_CODE = `${first17}${creditCodeCheckChar(first17)}`;
const WRONG_CHECK = `${first17}${creditCodeCheckChar(first17) === '0' ? '1' : '0'}`;

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

async function open(page: Page): Promise<void> {
  host = await startBrowserHostProcess(dataDir);
  await page.goto(host.url);
}

const section = (page: Page, key: string) => page.locator(`#sec-${key}`);
const field = (page: Page, key: string, label: string) =>
  section(page, key).getByLabel(label, { exact: true });

async function waitSaved(page: Page): Promise<void> {
  await expect(page.locator('.save-status')).toHaveClass(/save-status--saved/);
}

test('inspector records a spot check offline, finds it, edits it across a restart and submits it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await open(page);

  // First run: who uses this laptop.
  await expect(page.getByRole('heading', { name: '首次使用设置' })).toBeVisible();
  await page.getByLabel('姓名', { exact: true }).fill('张明');
  await page.getByLabel('执法证号', { exact: true }).fill('LN-2101-0032');
  await page.getByLabel('所属单位', { exact: true }).fill('沈阳市市场监督管理局');
  await page.getByLabel('所在地区', { exact: true }).selectOption('210100');
  await page.getByRole('button', { name: '完成设置' }).click();
  await expect(page.getByRole('banner')).toContainText('张明');

  // Register an enterprise; a wrong check character is caught at the field, nothing saved.
  await page.getByRole('navigation').getByRole('link', { name: '被检查单位', exact: true }).click();
  await page.getByRole('button', { name: '登记第一家单位' }).click();
  await page.getByLabel('单位名称', { exact: true }).fill('沈阳北方乳业有限公司');
  await page.getByLabel('统一社会信用代码', { exact: true }).fill(WRONG_CHECK);
  await page.getByLabel('地址', { exact: true }).fill('沈阳市浑南区创新路 88 号');
  await page.getByLabel('所在地区', { exact: true }).selectOption('210100');
  await page.getByLabel('法定代表人', { exact: true }).fill('李国华');
  await page.getByLabel('联系人', { exact: true }).fill('王芳');
  await page.getByLabel('联系电话', { exact: true }).fill('13804001234');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('校验位不正确，请核对统一社会信用代码')).toBeVisible();
  await page.getByLabel('统一社会信用代码', { exact: true }).fill(CREDIT_CODE);
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '编辑单位信息' })).toBeVisible();

  // A spot check at that enterprise: the sampled unit comes over from the register.
  await page.getByRole('button', { name: '对该单位抽样' }).click();
  await expect(page.getByRole('heading', { name: '产品质量监督抽查抽样单' })).toBeVisible();
  await expect(field(page, 'sampledUnit', '单位名称')).toHaveValue('沈阳北方乳业有限公司');
  await expect(field(page, 'sampledUnit', '统一社会信用代码')).toHaveValue(CREDIT_CODE);

  await field(page, 'basic', '抽样单编号').fill('SC-2026-0001');
  await field(page, 'basic', '任务来源').fill('辽宁省市场监督管理局');
  await field(page, 'basic', '任务编号').fill('LN-2026-RZ-015');
  await field(page, 'basic', '部署机构').fill('辽宁省市场监督管理局');
  await field(page, 'basic', '检验机构').fill('辽宁省产品质量监督检验院');
  await field(page, 'basic', '抽样类型').selectOption('supervision');
  await field(page, 'basic', '抽样环节').selectOption('production');
  await field(page, 'basic', '产品类别').selectOption('FOOD-INFANT');
  await field(page, 'basic', '抽样地点').fill('成品仓库');
  await field(page, 'sample', '样品名称').fill('婴幼儿配方奶粉（1段）');
  await field(page, 'sample', '规格型号').fill('800g/罐');
  await field(page, 'sample', '生产日期/批号').fill('20261015A');
  await field(page, 'sample', '抽样日期').fill('2026-11-20');
  await field(page, 'sample', '抽样方式').fill('随机抽取');
  await field(page, 'sample', '抽样基数').fill('1200');
  await field(page, 'sample', '抽样数量').fill('8');
  await field(page, 'sample', '备样数量').fill('4');
  await field(page, 'sample', '计量单位').fill('罐');
  await field(page, 'sample', '执行标准').fill('GB 10765-2021');
  await field(page, 'seals', '检验样品封条编号').fill('FT-0001');
  await field(page, 'seals', '备用样品封条编号').fill('FT-0002');
  await page.getByLabel('抽样人员 2 姓名').fill('刘洋');
  await page.getByLabel('抽样人员 2 执法证号').fill('LN-2101-0047');
  await field(page, 'signatory', '受检单位签字人').fill('王芳');
  await waitSaved(page);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'e2e-spot-check-form.png') });

  // Find it by a two-character Chinese query.
  await page.getByRole('navigation').getByRole('link', { name: '抽样单', exact: true }).click();
  await page.getByLabel('搜索').fill('奶粉');
  const row = page.getByRole('link', { name: /SC-2026-0001.*婴幼儿配方奶粉/ });
  await expect(row).toBeVisible();
  await expect(page.getByText('共 1 条')).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'e2e-spot-check-list.png') });

  // Edit the draft.
  await row.click();
  await field(page, 'sample', '备注').fill('现场封样，双方确认');
  await waitSaved(page);

  // Restart the app on the same data: the draft and the edit are still there.
  await host?.stop();
  await open(page);
  await page.getByLabel('搜索').fill('奶粉');
  await page.getByRole('link', { name: /SC-2026-0001/ }).click();
  await expect(field(page, 'sample', '备注')).toHaveValue('现场封样，双方确认');
  await expect(field(page, 'sample', '样品名称')).toHaveValue('婴幼儿配方奶粉（1段）');

  // Submit: it becomes read-only.
  await page.getByRole('button', { name: '提交', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: '提交' }).click();
  await expect(page.getByText('该抽样单已提交，不能直接修改')).toBeVisible();
  await expect(field(page, 'sample', '样品名称')).toBeDisabled();
  await expect(page.getByRole('button', { name: '创建更正版本' })).toBeVisible();
  await expect(page.getByRole('button', { name: '保存' })).toHaveCount(0);
});

test('submitting an incomplete record shows every problem at its field and keeps the draft', async ({
  page,
}) => {
  await open(page);
  await page.getByLabel('姓名', { exact: true }).fill('张明');
  await page.getByLabel('执法证号', { exact: true }).fill('LN-2101-0032');
  await page.getByLabel('所属单位', { exact: true }).fill('沈阳市市场监督管理局');
  await page.getByRole('button', { name: '完成设置' }).click();

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
  host = await startBrowserHostProcess(dataDir, { port });
  await page.goto(host.url);
  await page.getByLabel('姓名', { exact: true }).fill('张明');
  await page.getByLabel('执法证号', { exact: true }).fill('LN-2101-0032');
  await page.getByLabel('所属单位', { exact: true }).fill('沈阳市市场监督管理局');
  await page.getByRole('button', { name: '完成设置' }).click();
  await page.getByRole('button', { name: /新建/ }).first().click();
  await field(page, 'sample', '样品名称').fill('热轧带肋钢筋');
  await waitSaved(page);
  const recordUrl = page.url();

  await host.stop();
  await field(page, 'sample', '生产日期/批号').fill('L2026-1103');
  await expect(page.getByRole('alert')).toContainText('无法连接本机数据服务');
  await expect(page.locator('.save-status')).toHaveClass(/save-status--error/);
  await expect(field(page, 'sample', '生产日期/批号')).toHaveValue('L2026-1103');

  // The window goes away with the app (as in a crash); a new one opens on the restarted app.
  await page.close();
  host = await startBrowserHostProcess(dataDir, { port });
  const again = await context.newPage();
  await again.goto(host.url);
  await again.goto(`${host.origin}/${new URL(recordUrl).hash}`);
  await expect(again.getByText('已恢复上次未保存的输入')).toBeVisible();
  await expect(field(again, 'sample', '生产日期/批号')).toHaveValue('L2026-1103');
  await expect(field(again, 'sample', '样品名称')).toHaveValue('热轧带肋钢筋');
  await waitSaved(again);
});
