/**
 * The browser shell's host: one node:http server on 127.0.0.1 that serves the built renderer
 * and the API, backed by the same core the Electron shell uses.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { openCore, type Core } from '../../core/index';
import { syncOptionsFromEnv } from '../../core/sync/envOptions';
import { API_PREFIX, DEFAULT_BODY_LIMIT, handleApi, type ApiContext } from './api';
import { hostAllowed } from './guards';
import { sendError } from './respond';
import { generateSecret } from './secret';
import { serveStatic } from './static';

export const LOOPBACK = '127.0.0.1';

export interface BrowserHostOptions {
  dataDir: string;
  /** Built renderer folder (dist/renderer). */
  rendererDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Request body limit in bytes (default 2 MB). */
  bodyLimit?: number;
  /** Injected clock, passed to the core (tests). */
  now?: () => Date;
  /** How long close() lets in-flight requests finish before cutting connections. */
  shutdownGraceMs?: number;
}

export interface BrowserHost {
  /** Full URL to open, including `#secret=…`. */
  url: string;
  /** The app's origin, `http://127.0.0.1:<port>`. */
  origin: string;
  secret: string;
  port: number;
  /** Stops accepting, lets in-flight requests finish, then closes the core (and SQLite). */
  close(): Promise<void>;
}

export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const core: Core = await openCore({
    dataDir: opts.dataDir,
    shell: 'browser',
    now: opts.now,
    sync: syncOptionsFromEnv(),
  });
  const secret = generateSecret();
  const server = http.createServer();
  const ctx: ApiContext = {
    port: 0,
    secret,
    dispatch: core.dispatch,
    bodyLimit: opts.bodyLimit ?? DEFAULT_BODY_LIMIT,
  };
  const inFlight = new Set<Promise<void>>();

  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const work = route(req, res).catch((err: unknown) => {
      console.error('[browser-host] request failed', err);
      if (!res.headersSent) sendError(res, 'INTERNAL', 'e.internal', { detail: 'host error' });
      else res.destroy();
    });
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  });

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!hostAllowed(req, ctx.port)) {
      sendError(res, 'FORBIDDEN', 'e.forbidden', undefined, 403);
      return;
    }
    const rawUrl = req.url ?? '/';
    if (!rawUrl.startsWith('/')) {
      sendError(res, 'BAD_REQUEST', 'e.badRequest', { detail: 'bad request target' });
      return;
    }
    const pathname = rawUrl.split('?')[0] ?? '/';
    if (pathname === '/api' || pathname.startsWith(API_PREFIX)) {
      await handleApi(req, res, ctx, pathname);
      return;
    }
    await serveStatic(req, res, opts.rendererDir, pathname);
  }

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, LOOPBACK, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    core.close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  ctx.port = port;
  const origin = `http://${LOOPBACK}:${port}`;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), opts.shutdownGraceMs ?? 5000);
      await Promise.allSettled([...inFlight]);
      server.closeIdleConnections();
      await stopped;
      clearTimeout(grace);
      core.close();
    })();
    return closing;
  };

  return { url: `${origin}/#secret=${secret}`, origin, secret, port, close };
}
