/**
 * An app on its own data dir, enrolled with the central server and signed in, the way an
 * inspector or a supervisor sets up a laptop: 连接单位服务器 on the first-run screen.
 */
import { expect, type Page } from '@playwright/test';
import { startBrowserHostProcess, type RunningHost } from '../fixtures/browserHost';
import type { SeededOrg } from '../fixtures/centralServer';

/** Starts the browser shell on `dataDir` with short sync rounds and opens it in `page`. */
export async function openSyncingApp(page: Page, dataDir: string): Promise<RunningHost> {
  const host = await startBrowserHostProcess(dataDir, {
    env: { FIELDCHECK_SYNC_INTERVAL_MS: '2000' },
  });
  await page.goto(host.url);
  return host;
}

export async function enrollAndLogIn(
  page: Page,
  serverUrl: string,
  who: SeededOrg['inspector'],
  password: string,
): Promise<void> {
  await page.getByRole('radio', { name: '连接单位服务器' }).check();
  await page.getByLabel('服务器地址').fill(serverUrl);
  await page.getByLabel('登记码').fill(who.code);
  await page.getByRole('button', { name: '登记本机' }).click();
  await page.getByLabel('用户名').fill(who.username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(
    page.getByRole('navigation').getByRole('link', { name: '抽样单', exact: true }),
  ).toBeVisible();
}
