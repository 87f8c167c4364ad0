/**
 * `POST /api/<method>`: checks origin and secret, reads a bounded JSON body and hands it to
 * the core's dispatch. Every answer is a Result; nothing reaches the core unless all checks pass.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SECRET_HEADER } from '../../shared/api/httpClient';
import type { Dispatch } from '../../core/dispatch';
import { isJsonContentType, originAllowed } from './guards';
import { sendError, sendResult } from './respond';
import { secretMatches } from './secret';
import { fail } from '../../shared/api/result';

export const API_PREFIX = '/api/';
export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024;
/**
 * attachments.add carries a file as base64 (4/3 of its size): a 20 MB photo is ~27 MB of JSON.
 * Only that method gets the large limit, so every other call stays bounded at 2 MB.
 */
export const ATTACHMENT_BODY_LIMIT = 28 * 1024 * 1024;
const METHOD_BODY_LIMITS: Readonly<Record<string, number>> = {
  'attachments.add': ATTACHMENT_BODY_LIMIT,
};

export interface ApiContext {
  port: number;
  secret: string;
  dispatch: Dispatch;
  bodyLimit: number;
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        // Stop buffering; the rest of the upload is drained and discarded.
        chunks.length = 0;
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    req.on('error', (err) => {
      if (!done) {
        done = true;
        reject(err);
      }
    });
  });
}

export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: ApiContext,
  pathname: string,
): Promise<void> {
  // No CORS: preflights are refused and no Access-Control-* header is ever sent.
  if (req.method === 'OPTIONS') {
    sendError(res, 'FORBIDDEN', 'e.forbidden', undefined, 403);
    return;
  }
  if (req.method !== 'POST') {
    sendError(res, 'BAD_REQUEST', 'e.badRequest', { detail: 'only POST' }, 405, { Allow: 'POST' });
    return;
  }
  if (!originAllowed(req, ctx.port)) {
    sendError(res, 'FORBIDDEN', 'e.forbidden');
    return;
  }
  if (!secretMatches(ctx.secret, req.headers[SECRET_HEADER])) {
    sendError(res, 'UNAUTHORIZED', 'e.unauthorized');
    return;
  }
  if (!isJsonContentType(req)) {
    sendError(
      res,
      'BAD_REQUEST',
      'e.badRequest',
      { detail: 'content-type must be application/json' },
      415,
    );
    return;
  }
  const method = pathname.slice(API_PREFIX.length);
  const limit = Math.max(ctx.bodyLimit, METHOD_BODY_LIMITS[method] ?? 0);
  const declared = Number(req.headers['content-length'] ?? '0');
  if (Number.isFinite(declared) && declared > limit) {
    tooLarge(res, limit);
    return;
  }
  let body: Buffer;
  try {
    body = await readBody(req, limit);
  } catch (err) {
    if (err instanceof BodyTooLarge) tooLarge(res, limit);
    else
      sendError(res, 'BAD_REQUEST', 'e.badRequest', { detail: 'request body could not be read' });
    return;
  }
  let input: unknown;
  try {
    input = JSON.parse(body.toString('utf8'));
  } catch {
    sendError(res, 'BAD_REQUEST', 'e.badRequest', { detail: 'body is not valid JSON' });
    return;
  }
  let result;
  try {
    result = await ctx.dispatch(method, input);
  } catch (err) {
    // dispatch answers with Results; this only guards against a broken core.
    result = fail('INTERNAL', 'e.internal', {
      detail: err instanceof Error ? err.message : String(err),
    });
  }
  sendResult(res, result);
}

function tooLarge(res: ServerResponse, limit: number): void {
  // Close the connection: the client may still be sending the oversized body.
  res.setHeader('Connection', 'close');
  sendError(res, 'BAD_REQUEST', 'e.badRequest', { detail: `body larger than ${limit} bytes` }, 413);
}
