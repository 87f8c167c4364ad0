/** Serves the built renderer (dist/renderer) and nothing else. */
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { contentTypeFor, SECURITY_HEADERS } from '../securityHeaders';
import { resolveRendererPath } from '../rendererFiles';

function sendPlain(
  res: ServerResponse,
  status: number,
  text: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...extra,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  rendererDir: string,
  rawPath: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendPlain(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
    return;
  }
  const target = resolveRendererPath(rendererDir, rawPath);
  if (target.kind === 'refused') {
    sendPlain(res, 400, 'Bad Request');
    return;
  }
  let data: Buffer;
  try {
    const stat = await fs.promises.stat(target.file);
    if (!stat.isFile()) throw new Error('not a file');
    data = await fs.promises.readFile(target.file);
  } catch {
    sendPlain(res, 404, 'Not Found');
    return;
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': contentTypeFor(path.extname(target.file)),
    'Content-Length': data.length,
  });
  res.end(req.method === 'HEAD' ? undefined : data);
}
