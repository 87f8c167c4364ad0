/**
 * One form of one record, filled: its view model, content hash, QR payload and file name; then
 * the HTML to print, with the QR code, the copy mark and the signature images.
 */
import type { DocumentRef } from '../../shared/api/documentContract';
import { fail, ok, type Result } from '../../shared/api/result';
import { buildView, sourceVersion, type DocumentSource } from '../../shared/documents/build';
import { contentHash } from '../../shared/documents/hash';
import { encodePayload } from '../../shared/documents/payload';
import { renderDocumentHtml } from '../../shared/documents/render';
import type { DocumentView } from '../../shared/documents/view';
import type { LocalFileStore } from '../attachments/fileStore';
import type { Store } from '../../db/store';
import { signatureImages } from './images';
import { qrDataUri } from './qr';
import { loadSource } from './source';

export interface PreparedDocument {
  ref: DocumentRef;
  view: DocumentView;
  version: number;
  contentHash: string;
  payload: string;
  title: string;
  fileName: string;
}

/** Characters no file system takes in a name, and runs of blanks. */
function safeFileName(text: string): string {
  return text
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
}

/** What names the paper's subject: the party, the interviewee, the sampled unit. */
function subject(view: DocumentView): string {
  switch (view.kind) {
    case 'samplingSheet':
      return view.sampledUnit.name || view.recordNumber;
    case 'inquiryRecord':
      return view.interviewee.name;
    case 'deliveryReceipt':
      return view.recipient;
    default:
      return view.parties.find((p) => p.name !== '')?.name ?? '';
  }
}

export function prepareFrom(source: DocumentSource, ref: DocumentRef): PreparedDocument | null {
  const view = buildView(source, ref.kind, ref.itemId);
  if (!view) return null;
  const version = sourceVersion(source);
  const hash = contentHash(view);
  const name = [view.header.title, subject(view)].filter((s) => s !== '').join('-');
  return {
    ref,
    view,
    version,
    contentHash: hash,
    payload: encodePayload({ ...ref, version, contentHash: hash }),
    title: view.header.title,
    fileName: `${safeFileName(name) || 'document'}.pdf`,
  };
}

export function prepareDocument(store: Store, ref: DocumentRef): Result<PreparedDocument> {
  const source = loadSource(store, ref.ownerType, ref.ownerId);
  if (!source) return fail('NOT_FOUND', 'e.notFound');
  const prepared = prepareFrom(source, ref);
  return prepared ? ok(prepared) : fail('NOT_FOUND', 'documents.noSuchForm');
}

export async function renderPrepared(
  p: PreparedDocument,
  files: LocalFileStore,
  copy: boolean,
): Promise<string> {
  return renderDocumentHtml(p.view, {
    qrDataUri: await qrDataUri(p.payload),
    payload: p.payload,
    copy,
    images: signatureImages(files, p.view),
  });
}
