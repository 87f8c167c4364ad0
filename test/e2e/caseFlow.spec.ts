/**
 * A case from a failed spot check to 立案, across two laptops and the central server: the
 * inspector opens the case from the spot check and asks for 立案; after a sync the supervisor
 * signs 审核 and 审批 from the 待审核 queue; after the next sync the inspector sees both
 * signatures and the case in 调查取证.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { freePort, seedServer, startCentralServer } from './fixtures/centralServer';
import { scratch } from './fixtures/scratch';
import { enrollAndLogIn, openSyncingApp } from './flows/connectedApp';
import { drawSignature, expectSignatureImage } from './flows/signatures';
import {
  field,
  nav,
  recordSpotCheck,
  registerEnterprise,
  RECORD_NUMBER,
  section,
  submitAndExpectReadOnly,
  waitSaved,
} from './flows/foundationFlow';

const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'test-output', 'screenshots');
const CAUSE = '生产销售不合格复混肥料案';
const HANDLER_OPINION = '经查，当事人生产的复混肥料经抽检总养分不合格，涉嫌违法，建议立案调查。';
const REVIEW_OPINION = '情况属实，同意立案。';
const APPROVE_OPINION = '同意立案，由张执法、刘洋承办。';

const LONG_ANSWER =
  '我是生产部经理，负责安排车间生产。这批复混肥料是今年十月八日按照销售部的订单安排生产的，' +
  '共生产三百袋，每袋四十公斤，使用的原料是公司常用的尿素、磷酸一铵和氯化钾，配方与以往相同。' +
  '出厂前车间做过自检，但只检测了水分和粒度，没有检测总养分。目前已销售一百八十袋，其余在成品库房。';

/** A day `n` days before today, as a date field takes it. */
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

const { tempDir, keep } = scratch();

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `e2e-case-${name}.png`) });

/** A spot check whose lab result came back 不合格, with what a case takes from it. */
async function recordFailedSpotCheck(page: Page): Promise<void> {
  await page
    .getByRole('button', { name: /新建抽样单/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: '产品质量监督抽查抽样单' })).toBeVisible();
  await field(page, 'basic', '抽样单编号').fill('SC-2026-0311');
  await field(page, 'basic', '检验机构').fill('辽宁省产品质量监督检验院');
  await field(page, 'sampledUnit', '单位名称').fill('沈阳丰收肥业有限公司');
  await field(page, 'sampledUnit', '单位地址').fill('沈阳市于洪区沙岭街道 12 号');
  await field(page, 'sample', '样品名称').fill('复混肥料');
  await field(page, 'sample', '生产日期/批号').fill('20261008');
  await page.getByLabel('抽样人员 2 姓名').fill('刘洋');
  await page.getByLabel('抽样人员 2 执法证号').fill('LN-2101-0047');
  await field(page, 'result', '检验结论').selectOption('fail');
  await field(page, 'result', '检验报告编号').fill('LNZJ-2026-0457');
  await field(page, 'result', '不合格项目').fill('总养分（N+P₂O₅+K₂O）实测 38.1%，标明值 45%');
  await waitSaved(page);
}

/** The central server, an inspector's laptop and the supervisor's, both enrolled and signed in. */
async function twoLaptops(browser: Browser): Promise<{ inspector: Page; supervisor: Page }> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const serverDir = tempDir('server');
  const org = seedServer(serverDir);
  const server = keep(await startCentralServer(serverDir, await freePort()));
  const inspector = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  keep(await openSyncingApp(inspector, tempDir('inspector')));
  await enrollAndLogIn(inspector, server.url, org.inspector, org.password);
  const supervisor = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  keep(await openSyncingApp(supervisor, tempDir('supervisor')));
  await enrollAndLogIn(supervisor, server.url, org.supervisor, org.password);
  return { inspector, supervisor };
}

test('a case opened from a failed spot check is filed after the supervisor signs both levels', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const { inspector, supervisor } = await twoLaptops(browser);
  // The queue is for supervisors only.
  await expect(nav(inspector, '待审核')).toHaveCount(0);
  await expect(nav(supervisor, '待审核')).toBeVisible();

  // Inspector: the failed spot check, and 立案 from it in one action.
  await recordFailedSpotCheck(inspector);
  await shot(inspector, 'spot-check-failed');
  await inspector.getByRole('button', { name: '立案', exact: true }).click();
  await inspector.getByRole('dialog').getByRole('button', { name: '立案' }).click();
  await expect(inspector.getByRole('heading', { name: '案件基本信息' })).toBeVisible();
  // Carried over: the party, the product, both samplers as officers, the source.
  const basic = section(inspector, 'basic');
  await expect(basic.getByLabel('案件来源', { exact: true })).toHaveValue('failedSpotCheck');
  await expect(
    section(inspector, 'parties').getByLabel('名称/姓名', { exact: true }).first(),
  ).toHaveValue('沈阳丰收肥业有限公司');
  await expect(section(inspector, 'product').getByLabel('产品名称', { exact: true })).toHaveValue(
    '复混肥料',
  );
  await expect(inspector.getByLabel('承办人 2 执法证号')).toHaveValue('LN-2101-0047');

  // Removing a list item: an empty one goes at once; one that holds input asks first.
  const parties = section(inspector, 'parties');
  await parties.getByRole('button', { name: '添加当事人' }).click();
  await expect(parties.getByRole('button', { name: '移除当事人 2' })).toBeVisible();
  await parties.getByRole('button', { name: '移除当事人 2' }).click();
  await expect(parties.getByRole('button', { name: '移除当事人 2' })).toHaveCount(0);
  await parties.getByRole('button', { name: '移除当事人 1' }).click();
  const ask = inspector.getByRole('dialog');
  await expect(ask.getByText('确定删除“当事人 1”吗？已填写的内容将一并删除。')).toBeVisible();
  await ask.getByRole('button', { name: '取消' }).click();
  await expect(parties.getByLabel('名称/姓名', { exact: true }).first()).toHaveValue(
    '沈阳丰收肥业有限公司',
  );

  // Asking too early is refused on the field that is missing (no 案由 yet).
  await inspector.getByRole('button', { name: '申请立案' }).click();
  await inspector.getByRole('dialog').getByLabel('承办人意见').fill(HANDLER_OPINION);
  await inspector.getByRole('dialog').getByRole('button', { name: '提交审批' }).click();
  await expect(basic.getByText('此项为必填项')).toBeVisible();
  await expect(basic.getByLabel('案由', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  await basic.getByLabel('案由', { exact: true }).fill(CAUSE);
  await waitSaved(inspector);
  await inspector.getByRole('button', { name: '申请立案' }).click();
  // The opinion typed before the refusal is still there.
  await expect(inspector.getByRole('dialog').getByLabel('承办人意见')).toHaveValue(HANDLER_OPINION);
  await inspector.getByRole('dialog').getByRole('button', { name: '提交审批' }).click();
  await expect(inspector.getByText('“立案”审批中，待审核')).toBeVisible();
  await expect(inspector.getByTestId('case-stage')).toHaveText('已受理');
  await shot(inspector, 'requested');

  await nav(inspector, '案件').click();
  await expect(inspector.getByRole('link', { name: new RegExp(CAUSE) })).toBeVisible();
  await shot(inspector, 'list');

  // Supervisor: after a sync the step waits in 待审核; sign 审核, then 审批.
  await nav(supervisor, '待审核').click();
  const item = supervisor.getByRole('link', { name: new RegExp(`${CAUSE}.*立案 · 待审核`) });
  await expect(item).toBeVisible({ timeout: 60_000 });
  await shot(supervisor, 'queue');
  await item.click();
  await expect(supervisor.getByText(`承办人意见：${HANDLER_OPINION}`)).toBeVisible();
  // Someone else's case: the supervisor reads it, never edits it.
  await expect(section(supervisor, 'basic').getByLabel('案由', { exact: true })).toBeDisabled();
  await shot(supervisor, 'review');

  await supervisor.getByRole('button', { name: '通过（审核）' }).click();
  await supervisor.getByRole('dialog').getByLabel('审核意见').fill(REVIEW_OPINION);
  await supervisor.getByRole('dialog').getByRole('button', { name: '通过' }).click();
  await expect(supervisor.getByText('“立案”审批中，待审批')).toBeVisible();
  await supervisor.getByRole('button', { name: '通过（审批）' }).click();
  await supervisor.getByRole('dialog').getByLabel('审核意见').fill(APPROVE_OPINION);
  await supervisor.getByRole('dialog').getByRole('button', { name: '通过' }).click();
  await expect(supervisor.getByTestId('case-stage')).toHaveText('已立案 · 调查取证');
  await nav(supervisor, '待审核').click();
  await expect(supervisor.getByText('没有等待您审核的事项。')).toBeVisible();

  // Inspector: after the next sync the case moved on, with every signature on the record.
  await inspector.getByRole('link', { name: new RegExp(CAUSE) }).click();
  await expect(inspector.getByTestId('case-stage')).toHaveText('已立案 · 调查取证', {
    timeout: 60_000,
  });
  const approvals = inspector.getByRole('region', { name: '审批记录' });
  const rows = approvals.locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText(HANDLER_OPINION);
  await expect(rows.nth(1)).toContainText('审核');
  await expect(rows.nth(1)).toContainText(REVIEW_OPINION);
  await expect(rows.nth(1)).toContainText('赵审核');
  await expect(rows.nth(2)).toContainText('审批');
  await expect(rows.nth(2)).toContainText(APPROVE_OPINION);
  // 立案 settled where the case came from: those fields are now read-only, with the reason.
  await expect(section(inspector, 'basic').getByLabel('案件来源', { exact: true })).toBeDisabled();
  await expect(
    section(inspector, 'basic').getByText('自“立案调查”阶段起已确定，不能修改').first(),
  ).toBeVisible();
  // The next steps of the procedure are offered.
  await expect(inspector.getByRole('button', { name: '调查终结' })).toBeVisible();
  await shot(inspector, 'filed');

  // Investigating: a sealing 40 days old is past its 30-day limit; an inquiry with long answers.
  const measures = section(inspector, 'measures');
  await measures.getByRole('button', { name: '添加查封扣押' }).click();
  await measures.getByLabel('地点', { exact: true }).fill('当事人成品库房');
  await measures.getByLabel('起始日期', { exact: true }).fill(daysAgo(40));
  await measures.getByRole('button', { name: '添加物品' }).click();
  await measures.getByLabel('物品 1 物品名称').fill('复混肥料（40kg/袋）');
  await measures.getByLabel('物品 1 数量').fill('120');
  await measures.getByLabel('物品 1 单位').fill('袋');
  const inquiries = section(inspector, 'inquiries');
  await inquiries.getByRole('button', { name: '添加询问笔录' }).click();
  await inquiries.getByLabel('被询问人', { exact: true }).fill('王建国');
  await inquiries.getByLabel('第 1 问').fill('你在公司担任什么职务？这批复混肥料是谁安排生产的？');
  await inquiries.getByLabel('第 1 答').fill(LONG_ANSWER);
  await waitSaved(inspector);
  // The interviewee signs the 询问笔录 on screen; the signature is saved with the case.
  const inquirySigns = inquiries.locator('.signatures-panel[data-document-kind="inquiryRecord"]');
  await inquirySigns.getByRole('button', { name: '签名', exact: true }).click();
  const signDialog = inspector.getByRole('dialog', { name: '现场签名' });
  await signDialog.getByLabel('签名人身份', { exact: true }).selectOption('interviewee');
  await signDialog.getByLabel('姓名', { exact: true }).fill('王建国');
  await drawSignature(inspector);
  await signDialog.getByRole('button', { name: '保存签名' }).click();
  await expect(signDialog).toBeHidden();
  await expectSignatureImage(inquirySigns, '王建国的签名');
  await waitSaved(inspector);
  const deadlines = inspector.getByRole('region', { name: '办案期限' });
  await expect(deadlines.locator('[data-deadline="measure"]')).toContainText('已超期');
  await inspector.locator('.procedure').scrollIntoViewIfNeeded();
  await shot(inspector, 'deadlines');
  await measures.scrollIntoViewIfNeeded();
  await shot(inspector, 'measures');
  await inquiries.scrollIntoViewIfNeeded();
  await shot(inspector, 'inquiry');
  await inspector.getByRole('region', { name: '办案记录' }).scrollIntoViewIfNeeded();
  await shot(inspector, 'timeline');

  // The list puts the case with the overdue period first and flags it.
  await nav(inspector, '案件').click();
  const row = inspector.getByRole('link', { name: new RegExp(CAUSE) });
  await expect(row).toContainText('已立案 · 调查取证');
  await expect(row).toContainText('已超期');
  await shot(inspector, 'list-filed');

  // English second: the same case reads in English, with nothing left untranslated.
  await row.click();
  await inspector.getByRole('button', { name: 'English' }).click();
  await expect(inspector.getByTestId('case-stage')).toHaveText('Filed · investigating');
  await expect(inspector.locator('body')).not.toContainText('cases.');
  await shot(inspector, 'filed-en');
  await inspector.getByRole('button', { name: '中文' }).click();
});

test('a returned spot check is fixed and submitted again, then approved and locked', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const { inspector, supervisor } = await twoLaptops(browser);
  const row = (page: Page) =>
    page.getByRole('link', { name: new RegExp(`${RECORD_NUMBER}.*婴幼儿配方奶粉`) });

  await registerEnterprise(inspector);
  await recordSpotCheck(inspector);
  await submitAndExpectReadOnly(inspector);

  // Supervisor: the submitted record waits in 待审核; returning it needs a reason.
  await nav(supervisor, '待审核').click();
  await supervisor
    .getByRole('link', { name: new RegExp(RECORD_NUMBER) })
    .click({ timeout: 60_000 });
  await expect(supervisor.getByText('该抽样单已提交，等待您审核')).toBeVisible();
  await expect(field(supervisor, 'sample', '样品名称')).toBeDisabled();
  await shot(supervisor, 'spot-check-review');
  await supervisor.getByRole('button', { name: '退回' }).click();
  const dialog = supervisor.getByRole('dialog');
  await dialog.getByRole('button', { name: '退回' }).click();
  await expect(dialog.getByText('退回时请写明退回理由。')).toBeVisible();
  await dialog.getByLabel('退回意见（必填）').fill('备样数量与抽样基数不符，请核对后重新提交。');
  await dialog.getByRole('button', { name: '退回' }).click();
  await expect(supervisor.locator('.action-bar')).toContainText('已退回');

  // Inspector: after a sync the record is back with the comment, and editable again.
  await nav(inspector, '抽样单').click();
  await expect(row(inspector)).toContainText('已退回', { timeout: 60_000 });
  await row(inspector).click();
  await expect(inspector.locator('[data-review-state="returned"]')).toContainText(
    '备样数量与抽样基数不符，请核对后重新提交。',
  );
  await expect(inspector.locator('[data-review-state="returned"]')).toContainText('赵审核');
  await shot(inspector, 'spot-check-returned');
  await field(inspector, 'sample', '备样数量').fill('4');
  await field(inspector, 'sample', '备注').fill('已核对备样数量');
  await waitSaved(inspector);
  await inspector.getByRole('button', { name: '提交', exact: true }).click();
  await inspector.getByRole('dialog').getByRole('button', { name: '提交' }).click();
  await expect(inspector.locator('.action-bar')).toContainText('已提交');

  // Supervisor: the resubmitted record comes back to the queue; approved, it is locked.
  await nav(supervisor, '待审核').click();
  await supervisor
    .getByRole('link', { name: new RegExp(RECORD_NUMBER) })
    .click({ timeout: 60_000 });
  await expect(field(supervisor, 'sample', '备注')).toHaveValue('已核对备样数量');
  await supervisor.getByRole('button', { name: '通过', exact: true }).click();
  await supervisor.getByRole('dialog').getByRole('button', { name: '通过' }).click();
  await expect(supervisor.locator('.action-bar')).toContainText('已审核');

  await nav(inspector, '抽样单').click();
  await expect(row(inspector)).toContainText('已审核', { timeout: 60_000 });
  await row(inspector).click();
  await expect(inspector.locator('[data-review-state="approved"]')).toContainText(
    '该抽样单已审核通过并锁定，不能修改。',
  );
  await expect(field(inspector, 'sample', '备注')).toBeDisabled();
  await expect(inspector.getByRole('button', { name: '保存' })).toHaveCount(0);
  await shot(inspector, 'spot-check-approved');
});
