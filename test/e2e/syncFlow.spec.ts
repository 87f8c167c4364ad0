/**
 * Batch sync end to end: an inspector's app records a spot check with a photo while the central
 * server is down; the server comes up and the app syncs by itself; a supervisor's app on a
 * second data dir pulls the record and shows the photo.
 */
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { startBrowserHostProcess } from './fixtures/browserHost';
import { freePort, seedServer, startCentralServer, type SeededOrg } from './fixtures/centralServer';
import { scratch } from './fixtures/scratch';
import { field, waitSaved } from './flows/foundationFlow';

const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'test-output', 'screenshots');
// A tiny but real JPEG (1×1 pixel): SOI, APP0 JFIF, quantisation, frame, Huffman, scan, EOI.
const JPEG_1PX = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////' +
    '////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQAB' +
    'PxA=',
  'base64',
);

const { tempDir, keep } = scratch();

async function openApp(page: Page, dataDir: string): Promise<void> {
  // Short rounds so "syncs by itself" happens within the test's patience.
  const host = keep(
    await startBrowserHostProcess(dataDir, {
      env: { FIELDCHECK_SYNC_INTERVAL_MS: '2000' },
    }),
  );
  await page.goto(host.url);
}

async function connect(
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

test('a record with a photo made offline reaches the supervisor once the server is back', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const serverDir = tempDir('server');
  const org = seedServer(serverDir);
  const port = await freePort();
  let server = keep(await startCentralServer(serverDir, port));

  // The inspector enrolls and signs in while the office server is reachable.
  const inspector = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await openApp(inspector, tempDir('inspector'));
  await connect(inspector, server.url, org.inspector, org.password);

  // In the field: the server is gone.
  await server.stop();
  await inspector
    .getByRole('button', { name: /新建抽样单/ })
    .first()
    .click();
  await expect(inspector.getByRole('heading', { name: '产品质量监督抽查抽样单' })).toBeVisible();
  await field(inspector, 'basic', '抽样单编号').fill('SC-2026-0107');
  await field(inspector, 'sample', '样品名称').fill('复混肥料');
  await field(inspector, 'sample', '生产日期/批号').fill('F20261101');
  await inspector.getByLabel('添加照片').setInputFiles({
    name: 'seal-photo.jpg',
    mimeType: 'image/jpeg',
    buffer: JPEG_1PX,
  });
  await expect(inspector.locator('.photo-tile')).toHaveCount(1);
  await waitSaved(inspector);
  await expect(inspector.locator('.photo-tile').getByText('待上传')).toBeVisible();
  await expect(inspector.locator('.net-indicator')).toHaveAttribute(
    'data-sync-state',
    /offline|pending|error/,
  );

  // The server comes back: the app syncs by itself, record first, then the photo.
  server = keep(await startCentralServer(serverDir, port));
  await expect(inspector.locator('.net-indicator')).toHaveAttribute('data-sync-state', 'synced', {
    timeout: 90_000,
  });
  await expect(inspector.locator('.photo-tile').getByText('已上传')).toBeVisible({
    timeout: 30_000,
  });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await inspector.screenshot({ path: path.join(SCREENSHOTS, 'e2e-sync-inspector.png') });

  // The supervisor's app, on its own data dir, pulls the record and sees the photo.
  const supervisor = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await openApp(supervisor, tempDir('supervisor'));
  await connect(supervisor, server.url, org.supervisor, org.password);
  await expect(supervisor.locator('.net-indicator')).toHaveAttribute('data-sync-state', 'synced', {
    timeout: 60_000,
  });
  await expect(supervisor.locator('.net-indicator')).toContainText('已同步');
  await supervisor.getByLabel('搜索').fill('复混');
  const row = supervisor.getByRole('link', { name: /SC-2026-0107.*复混肥料/ });
  await expect(row).toBeVisible({ timeout: 30_000 });
  await row.click();
  await expect(field(supervisor, 'sample', '生产日期/批号')).toHaveValue('F20261101');
  const thumb = supervisor.locator('.photo-tile img');
  await expect(thumb).toHaveCount(1);
  await expect(thumb).toHaveAttribute('src', /^data:image\//);
  await supervisor.screenshot({ path: path.join(SCREENSHOTS, 'e2e-sync-supervisor.png') });
});
