/**
 * Every API call answers with a Result; nothing throws across a transport. Messages are
 * i18n keys (shared/i18n), with params, so every shell and the server speak the same words.
 */
export type ApiErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'DUPLICATE'
  | 'CONFLICT'
  | 'READ_ONLY'
  /** Refused by a procedure rule (case state machine, review rules); the message says which. */
  | 'RULE'
  | 'NOT_SET_UP'
  | 'STORAGE_FULL'
  | 'STORAGE_BUSY'
  | 'STORAGE'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'UNKNOWN_METHOD'
  | 'BAD_REQUEST'
  | 'TRANSPORT'
  | 'INTERNAL';

export interface MessageRef {
  key: string;
  params?: Record<string, string | number>;
}

export interface ApiError {
  code: ApiErrorCode;
  message: MessageRef;
  /** Problems by dotted field path (`sample.batchNumber`), shown next to the field. */
  fieldErrors?: Record<string, MessageRef>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (
  code: ApiErrorCode,
  key: string,
  params?: MessageRef['params'],
  fieldErrors?: ApiError['fieldErrors'],
): { ok: false; error: ApiError } => ({
  ok: false,
  error: {
    code,
    message: params ? { key, params } : { key },
    ...(fieldErrors ? { fieldErrors } : {}),
  },
});

/** HTTP status for an error code, used by every HTTP transport. */
export function httpStatusFor(code: ApiErrorCode): number {
  switch (code) {
    case 'VALIDATION':
    case 'BAD_REQUEST':
      return 400;
    case 'UNAUTHORIZED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
    case 'UNKNOWN_METHOD':
      return 404;
    case 'DUPLICATE':
    case 'CONFLICT':
    case 'READ_ONLY':
    case 'NOT_SET_UP':
      return 409;
    case 'RULE':
      return 422;
    case 'STORAGE_FULL':
    case 'STORAGE_BUSY':
      return 503;
    default:
      return 500;
  }
}
