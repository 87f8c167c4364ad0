/**
 * How a filled form leaves the screen, by shell. Electron prints through its own layer (the
 * system print dialog, or printToPDF) exposed by the preload; the browser shell prints a hidden
 * frame holding the form (the browser's print dialog) and gets PDFs from the core (Chromium).
 */
import type { Result } from '../../../shared/api/result';

interface ElectronPrinting {
  kind: 'electron';
  printHtml?: (html: string) => Promise<Result<Record<string, never>>>;
  htmlToPdf?: (html: string) => Promise<Result<{ pdfBase64?: string }>>;
}

declare global {
  interface Window {
    fieldcheckShell?: ElectronPrinting;
  }
}

/** The Electron shell's printing, when this page runs in it (and its preload offers it). */
export function electronPrinting(): Required<ElectronPrinting> | null {
  const shell = window.fieldcheckShell;
  if (shell?.kind !== 'electron' || !shell.printHtml || !shell.htmlToPdf) return null;
  return shell as Required<ElectronPrinting>;
}

/**
 * Prints a form in the browser shell: a frame off screen gets the document, and its own print
 * dialog opens once it has loaded. The frame may run no script; same-origin lets this page call
 * print() on it, and allow-modals lets the dialog open from a sandboxed frame.
 */
export function printInFrame(html: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
    frame.setAttribute('aria-hidden', 'true');
    frame.style.position = 'fixed';
    frame.style.left = '-10000px';
    frame.style.width = '210mm';
    frame.style.height = '297mm';
    frame.addEventListener(
      'load',
      () => {
        try {
          frame.contentWindow?.focus();
          frame.contentWindow?.print();
          resolve();
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
        } finally {
          // print() returns when the dialog closes; the frame is no longer needed.
          setTimeout(() => frame.remove(), 1000);
        }
      },
      { once: true },
    );
    frame.srcdoc = html;
    document.body.appendChild(frame);
  });
}

/** Saves bytes as a file through the browser's (or Electron's) download. */
export function downloadPdf(pdfBase64: string, fileName: string): void {
  const bytes = Uint8Array.from(atob(pdfBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
