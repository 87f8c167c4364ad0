/**
 * Uploads attachment files after their records (DESIGN.md, "Sync principles"): for every local
 * file whose metadata mutation the server has applied, ask the server how much it holds (HEAD),
 * skip it if complete (a known hash is never sent again), otherwise send chunks from the
 * server's offset on. A cut connection costs at most the chunk in flight: the next attempt
 * (this round or the next) resumes from whatever the server acknowledged.
 *
 * Errors never lose anything: the file stays pending and is tried again next round. The loop
 * stops at the first sign that the server is unreachable, busy or refusing this device, rather
 * than hammering it file after file.
 */
import {
  DEFAULT_CHUNK_BYTES,
  FILE_HEADERS,
  filePath,
  formatContentRange,
  type FileUploadResponse,
} from '../../shared/sync/fileProtocol';
import type { SyncErrorBody } from '../../shared/sync/protocol';
import type { Store } from '../../db/store';
import { LocalFileStore } from '../attachments/fileStore';

export interface UploadProgress {
  /** Files finished this round (uploaded or found complete on the server). */
  done: number;
  total: number;
  sha256: string;
  bytesSent: number;
  bytesTotal: number;
}

export interface UploadOptions {
  /** The same shape as core/sync/http.ts's FetchLike, so the round can pass its own. */
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  baseUrl: string;
  token: string;
  store: Store;
  dataDir: string;
  signal?: AbortSignal;
  onProgress?: (p: UploadProgress) => void;
  /** Bytes per PUT (default 4 MiB; at most MAX_CHUNK_BYTES). Tests use small chunks. */
  chunkBytes?: number;
  /** Per request; a stalled link must not hold the round forever. */
  requestTimeoutMs?: number;
}

export interface UploadFailure {
  sha256: string;
  status: number | null;
  code: string | null;
  message: string;
}

export interface UploadSummary {
  /** Files sent (wholly or the rest of them) and verified by the server this round. */
  uploaded: number;
  /** Files the server already held: marked uploaded without sending a byte. */
  alreadyOnServer: number;
  /** Files left pending because of an error (see failures); tried again next round. */
  failed: number;
  failures: UploadFailure[];
  /** True when the loop stopped early (abort, unreachable, rate-limited, refused device). */
  stopped: boolean;
}

class UploadError extends Error {
  constructor(
    readonly status: number | null,
    readonly code: string | null,
    message: string,
    /** Whether the next file can still be tried in this round. */
    readonly fatal: boolean,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

/** Statuses after which trying the next file is pointless this round. */
const FATAL_STATUS = new Set([401, 403, 429, 502, 503, 504]);

export async function uploadPendingFiles(opts: UploadOptions): Promise<UploadSummary> {
  const files = new LocalFileStore(opts.dataDir);
  const chunk = Math.max(1, opts.chunkBytes ?? DEFAULT_CHUNK_BYTES);
  const base = opts.baseUrl.replace(/\/+$/, '');
  const summary: UploadSummary = {
    uploaded: 0,
    alreadyOnServer: 0,
    failed: 0,
    failures: [],
    stopped: false,
  };

  const request = async (sha256: string, init: RequestInit): Promise<Response> => {
    const timeout = AbortSignal.timeout(opts.requestTimeoutMs ?? 120_000);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    try {
      return await opts.fetch(`${base}${filePath(sha256)}`, {
        ...init,
        headers: { authorization: `Bearer ${opts.token}`, ...(init.headers ?? {}) },
        signal,
      });
    } catch (err) {
      throw new UploadError(null, null, err instanceof Error ? err.message : String(err), true);
    }
  };

  // One entry per file: the same photo on two records is one upload.
  const queue = new Map<string, number>();
  for (const row of opts.store.attachments.readyToUpload()) queue.set(row.sha256, row.size);
  let done = 0;
  for (const [sha256, size] of queue) {
    if (opts.signal?.aborted) {
      summary.stopped = true;
      break;
    }
    const report = (bytesSent: number) =>
      opts.onProgress?.({ done, total: queue.size, sha256, bytesSent, bytesTotal: size });
    try {
      const sent = await uploadOne(sha256, size, files, chunk, request, report);
      opts.store.attachments.markUploaded(sha256);
      if (sent) summary.uploaded++;
      else summary.alreadyOnServer++;
      done++;
      report(size);
    } catch (err) {
      const e =
        err instanceof UploadError
          ? err
          : new UploadError(null, null, err instanceof Error ? err.message : String(err), false);
      summary.failed++;
      summary.failures.push({ sha256, status: e.status, code: e.code, message: e.message });
      if (e.fatal || opts.signal?.aborted) {
        summary.stopped = true;
        break;
      }
    }
  }
  return summary;
}

type Request = (sha256: string, init: RequestInit) => Promise<Response>;

/** Sends one file from the server's offset; false when the server had it already. */
async function uploadOne(
  sha256: string,
  size: number,
  files: LocalFileStore,
  chunk: number,
  request: Request,
  report: (bytesSent: number) => void,
): Promise<boolean> {
  const head = await request(sha256, { method: 'HEAD' });
  if (!head.ok) throw await failure(head);
  if (head.headers.get(FILE_HEADERS.complete) === '1') return false;
  // Read (and hash-check) the local copy only when bytes must actually go up.
  const bytes = files.read(sha256);
  if (!bytes || bytes.length !== size) {
    throw new UploadError(null, null, 'local file missing or damaged', false);
  }
  let offset = Number(head.headers.get(FILE_HEADERS.offset) ?? 0);
  // Each step moves forward or learns the server's offset; a bound stops a confused loop.
  let budget = Math.ceil(size / chunk) * 2 + 4;
  let restarted = false;
  while (budget-- > 0) {
    if (!Number.isSafeInteger(offset) || offset < 0 || offset > size) offset = 0;
    const end = Math.min(offset + chunk, size) - 1;
    const res = await request(sha256, {
      method: 'PUT',
      headers: {
        'content-type': 'application/octet-stream',
        'content-range': formatContentRange({ start: offset, end, total: size }),
      },
      body: new Uint8Array(bytes.subarray(offset, end + 1)),
    });
    if (res.status === 409) {
      // Someone (an earlier attempt whose answer was lost) moved the offset: continue there.
      const server = Number(res.headers.get(FILE_HEADERS.offset));
      await res.body?.cancel();
      if (!Number.isSafeInteger(server))
        throw new UploadError(409, null, 'no offset in 409', false);
      offset = server;
      continue;
    }
    if (res.status === 422 && !restarted) {
      // The server's partial did not verify (e.g. damaged by a crash) and was discarded.
      await res.body?.cancel();
      restarted = true;
      offset = 0;
      continue;
    }
    if (!res.ok) throw await failure(res);
    const body = (await res.json()) as FileUploadResponse;
    if (body.complete) return true;
    offset = body.offset;
    report(offset);
  }
  throw new UploadError(null, null, 'upload made no progress', false);
}

async function failure(res: Response): Promise<UploadError> {
  let body: Partial<SyncErrorBody> = {};
  try {
    body = (await res.json()) as SyncErrorBody;
  } catch {
    // HEAD answers and proxies' pages have no JSON body.
  }
  return new UploadError(
    res.status,
    body.code ?? null,
    body.message ?? `server answered ${res.status}`,
    // A 403 only stops the round when it is about the device (DEVICE_REVOKED); one file's
    // record not being visible yet (FILE_NOT_REFERENCED, or a HEAD without a body) is not.
    FATAL_STATUS.has(res.status) && (res.status !== 403 || body.code === 'DEVICE_REVOKED'),
  );
}
