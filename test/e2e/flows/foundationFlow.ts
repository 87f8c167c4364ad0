/**
 * The foundation flow's steps, driven through the UI as an inspector would. The browser-shell
 * specs (test/e2e) and the Electron specs (test/electron) run the same steps on their pages.
 */
import { expect, type Page } from '@playwright/test';
import { creditCodeCheckChar } from '../../../shared/domain/creditCode';

const first17 = '91210100123456789';
export const CREDIT_CODE = `${first17}${creditCodeCheckChar(first17)}`;
export const WRONG_CHECK_CODE = `${first17}${creditCodeCheckChar(first17) === '0' ? '1' : '0'}`;
export const RECORD_NUMBER = 'SC-2026-0001';
export const SAMPLE_NAME = '婴幼儿配方奶粉（1段）';

export const section = (page: Page, key: string) => page.locator(`#sec-${key}`);
export const field = (page: Page, key: string, label: string) =>
  section(page, key).getByLabel(label, { exact: true });
export const nav = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('link', { name, exact: true });

export async function waitSaved(page: Page): Promise<void> {
  await expect(page.locator('.save-status')).toHaveClass(/save-status--saved/);
}

export async function firstRunSetup(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: '首次使用设置' })).toBeVisible();
  await page.getByLabel('姓名', { exact: true }).fill('张明');
  await page.getByLabel('执法证号', { exact: true }).fill('LN-2101-0032');
  await page.getByLabel('所属单位', { exact: true }).fill('沈阳市市场监督管理局');
  await page.getByLabel('所在地区', { exact: true }).selectOption('210100');
  await page.getByRole('button', { name: '完成设置' }).click();
  await expect(page.getByRole('banner')).toContainText('张明');
}

/** Registers an enterprise; a wrong check character is caught at the field first. */
export async function registerEnterprise(page: Page): Promise<void> {
  await nav(page, '被检查单位').click();
  await page.getByRole('button', { name: '登记第一家单位' }).click();
  await page.getByLabel('单位名称', { exact: true }).fill('沈阳北方乳业有限公司');
  await page.getByLabel('统一社会信用代码', { exact: true }).fill(WRONG_CHECK_CODE);
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
}

/** From the enterprise page: a spot check with every required field, autosaved. */
export async function recordSpotCheck(page: Page): Promise<void> {
  await page.getByRole('button', { name: '对该单位抽样' }).click();
  await expect(page.getByRole('heading', { name: '产品质量监督抽查抽样单' })).toBeVisible();
  await expect(field(page, 'sampledUnit', '单位名称')).toHaveValue('沈阳北方乳业有限公司');
  await expect(field(page, 'sampledUnit', '统一社会信用代码')).toHaveValue(CREDIT_CODE);

  await field(page, 'basic', '抽样单编号').fill(RECORD_NUMBER);
  await field(page, 'basic', '任务来源').fill('辽宁省市场监督管理局');
  await field(page, 'basic', '任务编号').fill('LN-2026-RZ-015');
  await field(page, 'basic', '部署机构').fill('辽宁省市场监督管理局');
  await field(page, 'basic', '检验机构').fill('辽宁省产品质量监督检验院');
  await field(page, 'basic', '抽样类型').selectOption('supervision');
  await field(page, 'basic', '抽样环节').selectOption('production');
  await field(page, 'basic', '产品类别').selectOption('FOOD-INFANT');
  await field(page, 'basic', '抽样地点').fill('成品仓库');
  await field(page, 'sample', '样品名称').fill(SAMPLE_NAME);
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
}

/** Finds the record in the list by a two-character Chinese query and opens it. */
export async function findAndOpen(page: Page, query = '奶粉'): Promise<void> {
  await nav(page, '抽样单').click();
  await page.getByLabel('搜索').fill(query);
  const row = page.getByRole('link', { name: new RegExp(`${RECORD_NUMBER}.*婴幼儿配方奶粉`) });
  await expect(row).toBeVisible();
  await expect(page.getByText('共 1 条')).toBeVisible();
  await row.click();
  await expect(field(page, 'basic', '抽样单编号')).toHaveValue(RECORD_NUMBER);
}

export async function editDraft(page: Page): Promise<void> {
  await field(page, 'sample', '备注').fill('现场封样，双方确认');
  await waitSaved(page);
}

export async function expectEditKept(page: Page): Promise<void> {
  await expect(field(page, 'sample', '备注')).toHaveValue('现场封样，双方确认');
  await expect(field(page, 'sample', '样品名称')).toHaveValue(SAMPLE_NAME);
}

/** Submits the open record and checks that it became read-only. */
export async function submitAndExpectReadOnly(page: Page): Promise<void> {
  await page.getByRole('button', { name: '提交', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: '提交' }).click();
  await expect(page.getByText('该抽样单已提交，不能直接修改')).toBeVisible();
  await expect(field(page, 'sample', '样品名称')).toBeDisabled();
  await expect(page.getByRole('button', { name: '创建更正版本' })).toBeVisible();
  await expect(page.getByRole('button', { name: '保存' })).toHaveCount(0);
}
