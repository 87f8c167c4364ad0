/** What the document services share: the store, the clock, the file store, the print log. */
import type { PrintLogRepository } from '../../../db/repositories/printLog';
import { LocalFileStore } from '../../attachments/fileStore';
import { findChromium } from '../../documents/chromium';
import type { ServiceContext } from '../context';

export interface DocumentContext extends ServiceContext {
  files: LocalFileStore;
  printLog: PrintLogRepository;
  /** The browser that makes PDFs; looked up on each use (it may be installed meanwhile). */
  chromium: () => string | null;
  pdfTimeoutMs?: number;
}

export function documentContext(
  ctx: ServiceContext,
  over: Partial<Pick<DocumentContext, 'chromium' | 'pdfTimeoutMs'>> = {},
): DocumentContext {
  return {
    ...ctx,
    files: new LocalFileStore(ctx.store.dataDir),
    printLog: ctx.store.printLog,
    chromium: over.chromium ?? (() => findChromium()),
    ...(over.pdfTimeoutMs ? { pdfTimeoutMs: over.pdfTimeoutMs } : {}),
  };
}
