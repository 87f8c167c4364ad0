/**
 * PDFs from headless Chromium (or Chrome/Edge, which take the same switches): the HTML goes to
 * a temp folder, Chromium prints it with the page's own @page rules (A4, margins, page
 * numbers) and no header or footer of its own, and the temp folder goes again. One run at a
 * time (two cores, and the app has other work), each with a time limit; Chromium gets its own
 * throw-away profile so a browser the inspector has open is never touched.
 *
 * Where it is: FIELDCHECK_CHROMIUM, else the usual install places of each OS.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM_ENV = 'FIELDCHECK_CHROMIUM';

export function chromiumCandidates(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(
      (r): r is string => Boolean(r),
    );
    return roots.flatMap((r) => [
      path.win32.join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      path.win32.join(r, 'Chromium', 'Application', 'chrome.exe'),
      path.win32.join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ]);
  }
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/usr/bin/microsoft-edge',
  ];
}

/** The browser to print with, or null when none is installed where we look. */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  exists: (file: string) => boolean = fs.existsSync,
): string | null {
  const configured = env[CHROMIUM_ENV]?.trim();
  if (configured) return exists(configured) ? configured : null;
  return chromiumCandidates(platform, env).find((f) => exists(f)) ?? null;
}

export class ChromiumError extends Error {
  constructor(
    readonly reason: 'missing' | 'timeout' | 'failed',
    detail: string,
  ) {
    super(detail);
  }
}

export interface PdfOptions {
  executable: string;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;

let queue: Promise<unknown> = Promise.resolve();

/** Runs the jobs one after another, whatever each one's outcome. */
function serial<T>(job: () => Promise<T>): Promise<T> {
  const next = queue.then(job, job);
  queue = next.catch(() => undefined);
  return next;
}

function runChromium(exe: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(exe, args, { stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 8000) stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new ChromiumError('timeout', `no PDF after ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      const code = (err as NodeJS.ErrnoException).code;
      reject(new ChromiumError(code === 'ENOENT' ? 'missing' : 'failed', err.message));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(stderr);
      else reject(new ChromiumError('failed', `exit ${code}: ${stderr.slice(-500)}`));
    });
  });
}

export function htmlToPdf(html: string, opts: PdfOptions): Promise<Buffer> {
  return serial(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldcheck-print-'));
    try {
      const input = path.join(dir, 'document.html');
      const output = path.join(dir, 'document.pdf');
      fs.writeFileSync(input, html, 'utf8');
      await runChromium(
        opts.executable,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-extensions',
          '--no-first-run',
          '--no-default-browser-check',
          `--user-data-dir=${path.join(dir, 'profile')}`,
          '--no-pdf-header-footer',
          `--print-to-pdf=${output}`,
          pathToFileURL(input).href,
        ],
        opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      );
      const pdf = fs.readFileSync(output);
      if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
        throw new ChromiumError('failed', 'output is not a PDF');
      }
      return pdf;
    } catch (err) {
      if (err instanceof ChromiumError) throw err;
      throw new ChromiumError('failed', err instanceof Error ? err.message : String(err));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
