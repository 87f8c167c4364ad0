/** Writing responses: every answer carries the security headers; API answers are Results. */
import type { ServerResponse } from 'node:http';
import { fail, httpStatusFor, type ApiErrorCode, type Result } from '../../shared/api/result';
import { SECURITY_HEADERS } from '../securityHeaders';

export function sendResult(res: ServerResponse, result: Result<unknown>, status?: number): void {
  const body = JSON.stringify(result);
  res.writeHead(status ?? (result.ok ? 200 : httpStatusFor(result.error.code)), {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** A refused request: a Result error with the status its code implies, unless given. */
export function sendError(
  res: ServerResponse,
  code: ApiErrorCode,
  key: string,
  params?: Record<string, string | number>,
  status?: number,
  extraHeaders?: Record<string, string>,
): void {
  if (extraHeaders) for (const [k, v] of Object.entries(extraHeaders)) res.setHeader(k, v);
  sendResult(res, fail(code, key, params), status);
}
