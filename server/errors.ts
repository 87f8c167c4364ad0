import {
  fillMessage,
  SYNC_ERROR_MESSAGES,
  SYNC_ERROR_STATUS,
  type SyncErrorCode,
} from '../shared/sync/errors';
import type { SyncErrorBody } from '../shared/sync/protocol';

/** A refusal with its HTTP status, code and Chinese message; the error handler sends it as is. */
export class HttpError extends Error {
  readonly status: number;
  readonly body: SyncErrorBody;

  constructor(
    readonly code: SyncErrorCode,
    params: Record<string, string | number> = {},
    details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    const message = fillMessage(SYNC_ERROR_MESSAGES[code], params);
    super(message);
    this.name = 'HttpError';
    this.status = SYNC_ERROR_STATUS[code];
    this.body = { code, message, ...(details === undefined ? {} : { details }) };
  }
}
