/**
 * The renderer is served from `app://fieldcheck/`, a privileged standard + secure scheme, so
 * the page has a real origin (`app://fieldcheck`), `'self'` in the CSP means our files only,
 * and every response carries the same security headers as the browser shell.
 */
import { protocol } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { resolveRendererPath } from '../rendererFiles';
import { contentTypeFor, SECURITY_HEADERS } from '../securityHeaders';

export const APP_SCHEME = 'app';
export const APP_HOST = 'fieldcheck';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_URL = `${APP_ORIGIN}/`;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Is this URL one of our pages (`app://fieldcheck/...`)? */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** Serves dist/renderer on the app scheme of the given session's protocol registry. */
export function handleAppProtocol(
  rendererDir: string,
  registry: Electron.Protocol = protocol,
): void {
  registry.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return plain(405, 'Method Not Allowed');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'Bad Request');
    }
    if (url.host !== APP_HOST) return plain(404, 'Not Found');
    // Use the raw path: URL parsing has already collapsed `..`, so check the request text too.
    const rawPath = request.url.slice(`${APP_ORIGIN}`.length).split(/[?#]/)[0] || '/';
    const target = resolveRendererPath(rendererDir, rawPath);
    if (target.kind === 'refused') return plain(400, 'Bad Request');
    try {
      const data = await fs.promises.readFile(target.file);
      return new Response(request.method === 'HEAD' ? null : data, {
        status: 200,
        headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(path.extname(target.file)) },
      });
    } catch {
      return plain(404, 'Not Found');
    }
  });
}
