/**
 * A filled form as one self-contained HTML document: its CSS, the QR code in the top-right
 * margin of every page, the copy mark when this is a reprint, signatures inlined as data: URIs.
 * The document loads nothing (its own CSP says so), runs no script, and prints as it previews.
 */
import { documentCss } from './css';
import { esc } from './html';
import { documentBody, runningHeader } from './templates';
import type { DocumentView } from './view';

export interface PrintDecor {
  /** The QR code carrying `payload`, as a data: URI of its SVG. */
  qrDataUri: string;
  payload: string;
  /** A reprint of content printed before: marked 副本 on every page. */
  copy: boolean;
  /** sha256 → data: URI of each signature image the view names. */
  images: Readonly<Record<string, string>>;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

export function renderDocumentHtml(view: DocumentView, decor: PrintDecor): string {
  const dense = view.kind === 'samplingSheet';
  const css = documentCss({
    qrDataUri: decor.qrDataUri,
    copy: decor.copy,
    runningHeader: runningHeader(view),
    dense,
  });
  const copyMark = decor.copy ? '<div class="copy-mark" aria-hidden="true">副本</div>' : '';
  const screenDecor =
    '<div class="screen-only screen-decor" aria-hidden="true">' +
    (decor.copy ? '<span class="copy-badge">副本</span>' : '') +
    `<img class="qr" src="${esc(decor.qrDataUri)}" alt=""></div>`;
  return (
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${esc(CSP)}">` +
    `<title>${esc(view.header.title)}</title><style>${css}</style></head>` +
    `<body class="${dense ? 'dense' : ''}" data-kind="${esc(view.kind)}" data-payload="${esc(decor.payload)}">` +
    screenDecor +
    copyMark +
    documentBody(view, { images: decor.images }) +
    '</body></html>'
  );
}
