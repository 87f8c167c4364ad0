/**
 * Fetches one attachment file from the central endpoint (GET /v1/files/:sha256) and checks
 * that the bytes are the ones named: a supervisor's device holds the photo's metadata after a
 * pull and fetches the bytes the first time someone opens it.
 */
import { filePath } from '../../shared/sync/fileProtocol';
import { sha256Of } from '../attachments/fileStore';

export type DownloadFailure =
  /** No answer (offline, server down, timeout). */
  | 'unreachable'
  /** The server has the record but not the file yet (the inspector has not uploaded it). */
  | 'notUploaded'
  /** Not in this device's scope, or the device is not accepted any more. */
  | 'refused'
  /** The bytes did not match their hash. */
  | 'corrupt';

export class DownloadError extends Error {
  constructor(
    readonly failure: DownloadFailure,
    message: string,
  ) {
    super(message);
    this.name = 'DownloadError';
  }
}

export interface DownloadOptions {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  baseUrl: string;
  token: string;
  sha256: string;
  signal?: AbortSignal;
  /** Per request; a stalled link must not leave the photo viewer waiting forever. */
  timeoutMs?: number;
}

export async function downloadFile(opts: DownloadOptions): Promise<Buffer> {
  const timeout = AbortSignal.timeout(opts.timeoutMs ?? 60_000);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  let res: Response;
  let bytes: Buffer;
  try {
    res = await opts.fetch(`${opts.baseUrl.replace(/\/+$/, '')}${filePath(opts.sha256)}`, {
      headers: { authorization: `Bearer ${opts.token}` },
      signal,
    });
    // An unread error body would keep the connection busy; drop it before deciding.
    if (!res.ok) await res.body?.cancel();
    if (res.status === 404) throw new DownloadError('notUploaded', 'file not on the server yet');
    if (res.status === 401 || res.status === 403) {
      throw new DownloadError('refused', `server refused the file (${res.status})`);
    }
    if (!res.ok) throw new DownloadError('unreachable', `server answered ${res.status}`);
    bytes = Buffer.from(await res.arrayBuffer());
  } catch (err) {
    if (err instanceof DownloadError) throw err;
    throw new DownloadError('unreachable', err instanceof Error ? err.message : String(err));
  }
  if (sha256Of(bytes) !== opts.sha256) {
    throw new DownloadError('corrupt', 'downloaded bytes do not match their hash');
  }
  return bytes;
}
