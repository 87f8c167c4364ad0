/**
 * Sandboxed preload: exposes only named functions, one per API method, each forwarding to
 * the main process over one IPC channel. No ipcRenderer, no Node objects reach the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS } from '../../shared/api/contract';
import { fail } from '../../shared/api/result';

const API_CHANNEL = 'fieldcheck:api';

const api = Object.fromEntries(
  API_METHODS.map((method) => [
    method,
    (input: unknown) =>
      ipcRenderer.invoke(API_CHANNEL, method, input).catch((err: unknown) =>
        fail('TRANSPORT', 'e.transport', {
          detail: err instanceof Error ? err.message : String(err),
        }),
      ),
  ]),
);

contextBridge.exposeInMainWorld('fieldcheck', api);
// Printing a filled form (main/electron/print.ts): the system dialog, or a PDF.
const PRINT_CHANNEL = 'fieldcheck:print';
const printCall = (action: 'print' | 'pdf') => (html: string) =>
  ipcRenderer.invoke(PRINT_CHANNEL, action, html).catch((err: unknown) =>
    fail('TRANSPORT', 'e.transport', {
      detail: err instanceof Error ? err.message : String(err),
    }),
  );

contextBridge.exposeInMainWorld('fieldcheckShell', {
  kind: 'electron',
  printHtml: printCall('print'),
  htmlToPdf: printCall('pdf'),
});
