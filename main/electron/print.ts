/**
 * Printing in the Electron shell: a filled form's HTML (from documents.issue, already logged by
 * the core) is loaded into a hidden, sandboxed window with JavaScript off, then either sent to
 * the system print dialog (webContents.print) or printed to a PDF (webContents.printToPDF)
 * using the page's own @page size and margins. One IPC channel, sender checked like the API's.
 *
 * Thin on purpose and untested here: the Electron binary cannot be downloaded on the build
 * machines, so this runs only where Electron is installed (the browser shell prints with
 * Chromium in the core instead, and that path is tested).
 */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fail, ok, type Result } from '../../shared/api/result';
import { senderAllowed } from './ipc';

export const PRINT_CHANNEL = 'fieldcheck:print';

/** A form with inlined signature images stays well under this. */
const MAX_HTML_CHARS = 20_000_000;

export type PrintAction = 'print' | 'pdf';

export interface PrintReply {
  /** Only for 'pdf'. */
  pdfBase64?: string;
}

async function withDocument<T>(html: string, use: (wc: WebContents) => Promise<T>): Promise<T> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'fieldcheck-print-'));
  const file = path.join(dir, 'document.html');
  await fs.promises.writeFile(file, html, 'utf8');
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  try {
    await win.loadFile(file);
    return await use(win.webContents);
  } finally {
    win.destroy();
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

function systemPrint(wc: WebContents): Promise<Result<PrintReply>> {
  return new Promise((resolve) => {
    wc.print({ silent: false, printBackground: true }, (success, reason) => {
      if (success) resolve(ok({}));
      else if (reason === 'cancelled') resolve(fail('BAD_REQUEST', 'documents.printCancelled'));
      else resolve(fail('INTERNAL', 'documents.printFailed', { detail: reason }));
    });
  });
}

async function toPdf(wc: WebContents): Promise<Result<PrintReply>> {
  const pdf = await wc.printToPDF({
    printBackground: true,
    preferCSSPageSize: true,
    displayHeaderFooter: false,
  });
  return ok({ pdfBase64: Buffer.from(pdf).toString('base64') });
}

export async function handlePrint(
  trusted: WebContents | undefined,
  event: IpcMainInvokeEvent,
  action: unknown,
  html: unknown,
): Promise<Result<PrintReply>> {
  try {
    if (!senderAllowed(event, trusted)) return fail('FORBIDDEN', 'e.forbidden');
    if (action !== 'print' && action !== 'pdf') {
      return fail('BAD_REQUEST', 'e.badRequest', { detail: 'action' });
    }
    if (typeof html !== 'string' || html.length > MAX_HTML_CHARS) {
      return fail('BAD_REQUEST', 'e.badRequest', { detail: 'html' });
    }
    return await withDocument(html, (wc) => (action === 'print' ? systemPrint(wc) : toPdf(wc)));
  } catch (err) {
    return fail('INTERNAL', 'documents.printFailed', {
      detail: err instanceof Error ? err.message : String(err),
    });
  }
}

export function registerPrintIpc(trustedContents: () => WebContents | undefined): void {
  ipcMain.handle(PRINT_CHANNEL, (event, action: unknown, html: unknown) =>
    handlePrint(trustedContents(), event, action, html),
  );
}
