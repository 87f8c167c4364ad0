/**
 * End-to-end specs: test/e2e (the renderer in Debian's Chromium, served by the browser shell)
 * and test/electron (Playwright's `_electron`, skipped where the Electron binary is missing).
 * Never downloads a browser: Chromium comes from /usr/bin/chromium (DESIGN.md).
 */
import { defineConfig, type ReporterDescription } from '@playwright/test';

const reporter: ReporterDescription[] = [['list']];
// scripts/test-all.ts asks for a JSON summary through this variable.
if (process.env.PLAYWRIGHT_JSON_OUTPUT_NAME) reporter.push(['json']);

export default defineConfig({
  testDir: 'test',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  outputDir: 'test-results',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter,
  use: {
    headless: true,
    locale: 'zh-CN',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
