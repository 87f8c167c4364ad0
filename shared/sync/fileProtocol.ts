/**
 * The file-upload protocol between the app and the central endpoint, defined once for both
 * sides. Files are content-addressed: the URL is the SHA-256 of the bytes, so an upload can
 * resume from whatever the server already holds and a file the server knows is never re-sent.
 *
 *   HEAD /v1/files/:sha256   → 200, X-Upload-Offset (bytes held), X-File-Size (expected size),
 *                              X-File-Complete: 1 once the whole file is verified and stored
 *   PUT  /v1/files/:sha256   Content-Range: bytes <start>-<end>/<total>, application/octet-stream
 *                            → 200 {offset, complete:false} for a middle chunk
 *                            → 201 {offset, complete:true} when the last chunk verified
 *                            → 409 UPLOAD_OFFSET (X-Upload-Offset) when start ≠ the server's offset
 *                            → 422 HASH_MISMATCH: the partial is discarded, start again from 0
 *                            → 413 FILE_TOO_LARGE when total > MAX_ATTACHMENT_BYTES
 *   GET  /v1/files/:sha256   → the bytes, to devices whose scope holds an attachment naming them
 *
 * A device may send or fetch a file only when an attachment record it may read names that hash
 * (403 FILE_NOT_REFERENCED otherwise): records first, then files.
 */
export const FILE_HEADERS = {
  offset: 'x-upload-offset',
  size: 'x-file-size',
  complete: 'x-file-complete',
  sha256: 'x-content-sha256',
} as const;

/** Default chunk: big enough to keep request overhead small, small enough to resend on a bad link. */
export const DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024;
/** The most the server buffers for one PUT; clients may pick any chunk size up to this. */
export const MAX_CHUNK_BYTES = 8 * 1024 * 1024;

export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

export const filePath = (sha256: string) => `/v1/files/${sha256}`;

export interface ContentRange {
  start: number;
  end: number;
  total: number;
}

export const formatContentRange = (r: ContentRange) => `bytes ${r.start}-${r.end}/${r.total}`;

/** `bytes start-end/total` with end inclusive, as in RFC 9110; null when malformed. */
export function parseContentRange(header: string | undefined): ContentRange | null {
  const m = /^bytes (\d{1,15})-(\d{1,15})\/(\d{1,15})$/.exec((header ?? '').trim());
  if (!m) return null;
  const [start, end, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (end < start || end >= total) return null;
  return { start, end, total };
}

/** What PUT answers with (200 or 201). */
export interface FileUploadResponse {
  /** Bytes the server holds after this chunk. */
  offset: number;
  complete: boolean;
}
