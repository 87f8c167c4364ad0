/**
 * The HTTP service: hooks for authentication and rate limiting, one error handler that turns
 * every refusal into `{code, message, details}` with a 4xx status, and the routes.
 */
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import { issuesToFieldErrors } from '../shared/api/validation';
import { authenticate } from './auth/authenticate';
import { RateLimiter } from './auth/rateLimit';
import type { ServerConfig } from './config';
import { HttpError } from './errors';
import { hasUnstorableText, unstorableRefusal } from './validate';
import { fileRoutes } from './files/routes';
import { auditRoutes } from './routes/audit';
import { healthRoutes } from './routes/health';
import { identityRoutes } from './routes/identity';
import { maintenanceRoutes } from './routes/maintenance';
import { numberRoutes } from './routes/numbers';
import { syncRoutes } from './routes/sync';
import type { Storage } from './storage/types';
import type { Caller } from './sync/scope';
import { ZodError } from 'zod';

export interface AppOptions {
  storage: Storage;
  config: ServerConfig;
  /** pino options, or false for silence (tests). */
  logger?: boolean | { level: string };
  now?: () => number;
}

const PUBLIC_ROUTES = new Set(['/health', '/v1/enroll', '/v1/login']);

export function buildApp(opts: AppOptions): FastifyInstance {
  const { storage, config } = opts;
  const app = Fastify({
    logger: opts.logger ?? { level: config.logLevel },
    bodyLimit: config.maxBatchBytes,
    // A slow or stalled client must not hold a connection (or a batch) forever.
    requestTimeout: 120_000,
    connectionTimeout: 30_000,
    return503OnClosing: true,
  });

  const callers = new WeakMap<FastifyRequest, Caller>();
  const deviceLimiter = new RateLimiter(config.deviceRate, opts.now);
  const publicLimiter = new RateLimiter(config.publicRate, opts.now);
  const limit = (limiter: RateLimiter, key: string) => {
    const wait = limiter.take(key);
    if (wait > 0)
      throw new HttpError(
        'RATE_LIMITED',
        { retryAfter: wait },
        { retryAfter: wait },
        { 'retry-after': String(wait) },
      );
  };

  // onRequest runs before the body is read: an unauthenticated or throttled request costs no parsing.
  app.addHook('onRequest', async (req) => {
    const route = req.routeOptions.url;
    if (route && PUBLIC_ROUTES.has(route)) {
      if (route !== '/health') limit(publicLimiter, req.ip);
      return;
    }
    const caller = await authenticate(storage, req.headers.authorization);
    callers.set(req, caller);
    limit(deviceLimiter, caller.deviceId);
  });

  // While stopping, answer in-flight requests with `Connection: close` so their keep-alive
  // sockets end with the response and close() is not left waiting on idle clients.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_req, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  app.setErrorHandler((err: FastifyError | HttpError | ZodError, req, reply) => {
    if (err instanceof HttpError) {
      if (err.status >= 500) req.log.error({ err }, err.message);
      return reply.status(err.status).headers(err.headers).send(err.body);
    }
    if (err instanceof ZodError) {
      const e = new HttpError('VALIDATION', {}, { fieldErrors: issuesToFieldErrors(err.issues) });
      return reply.status(e.status).send(e.body);
    }
    const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status === 413) {
      const e = new HttpError('PAYLOAD_TOO_LARGE', {
        maxMutations: config.maxBatchMutations,
        maxBytes: config.maxBatchBytes,
      });
      return reply.status(413).send(e.body);
    }
    if (status >= 400 && status < 500) {
      // Fastify's own refusals: malformed JSON, wrong content type, poisoned prototype keys...
      const e = new HttpError('BAD_REQUEST', { detail: err.message }, { fastifyCode: err.code });
      return reply.status(status).send(e.body);
    }
    req.log.error({ err }, 'request failed');
    const e = new HttpError(status === 503 ? 'UNAVAILABLE' : 'INTERNAL');
    return reply.status(e.status).send(e.body);
  });

  // Bodies and queries parsed by Fastify (push reads its own: sync/pushInput.ts).
  app.addHook('preValidation', async (req) => {
    const body: unknown = req.body;
    if ((!(body instanceof Uint8Array) && hasUnstorableText(body)) || hasUnstorableText(req.query))
      throw unstorableRefusal();
  });

  app.setNotFoundHandler((req, reply) => {
    const e = new HttpError('NOT_FOUND', { detail: `${req.method} ${req.url.split('?')[0]}` });
    return reply.status(404).send(e.body);
  });

  const callerOf = (req: FastifyRequest): Caller => {
    const c = callers.get(req);
    if (!c) throw new HttpError('UNAUTHORIZED');
    return c;
  };

  healthRoutes(app, storage);
  identityRoutes(app, storage);
  syncRoutes(app, storage, config, callerOf);
  maintenanceRoutes(app, storage, callerOf);
  fileRoutes(app, storage, config.filesDir, callerOf);
  numberRoutes(app, storage, callerOf, opts.now);
  auditRoutes(app, storage, callerOf);
  return app;
}
