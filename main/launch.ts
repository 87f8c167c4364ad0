/**
 * `npm start`: runs the Electron shell when its binary is installed, else the browser shell.
 * (`npm install electron` cannot download the binary without internet; see DESIGN.md.)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { reportStartupFailure, runBrowserShell } from './browserShell/run';

/** From plain Node, the `electron` package exports the binary's path, or throws if it is missing. */
export function electronBinary(): string | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const p: unknown = require('electron');
    return typeof p === 'string' && fs.existsSync(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

function runElectron(binary: string): void {
  // The app folder (package.json "main" = dist/main/electron-main.js), so Electron picks up
  // the product name and version from package.json.
  const appDir = path.resolve(__dirname, '..', '..');
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [appDir, ...process.argv.slice(2)], { stdio: 'inherit', env });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  child.on('error', (err) => {
    console.error('Electron failed to start:', err);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const binary = electronBinary();
if (binary) {
  runElectron(binary);
} else {
  console.log(
    'Electron 未安装（离线安装时无法下载），改用浏览器外壳 / Electron binary not installed; starting the browser shell',
  );
  runBrowserShell().catch(reportStartupFailure);
}
