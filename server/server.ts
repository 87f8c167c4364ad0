import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from './app';
import type { ServerConfig } from './config';
import { openStorage } from './storage/open';
import type { Storage } from './storage/types';

export interface RunningServer {
  app: FastifyInstance;
  storage: Storage;
  url: string;
  /**
   * Stops taking requests, waits for the ones in flight (a push finishes and commits; if the
   * process dies instead, its transaction rolls back), then closes the database.
   */
  close(): Promise<void>;
}

export async function startServer(
  config: ServerConfig,
  opts: { storage?: Storage; logger?: AppOptions['logger']; now?: () => number } = {},
): Promise<RunningServer> {
  const ownStorage = !opts.storage;
  const storage = opts.storage ?? (await openStorage(config));
  const app = buildApp({
    storage,
    config,
    ...(opts.logger !== undefined ? { logger: opts.logger } : {}),
    ...(opts.now ? { now: opts.now } : {}),
  });
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (err) {
    if (ownStorage) await storage.close();
    throw err;
  }
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  let closing: Promise<void> | null = null;
  return {
    app,
    storage,
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    close() {
      closing ??= (async () => {
        await app.close();
        if (ownStorage) await storage.close();
      })();
      return closing;
    },
  };
}
