/**
 * /v1/files/:sha256 — resumable, content-addressed upload and download of attachment bytes.
 * The protocol is described once in shared/sync/fileProtocol.ts. Every route is behind the
 * device-token hook in app.ts; every refusal is a 4xx with a code and a Chinese message.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { MAX_ATTACHMENT_BYTES } from '../../shared/schemas/sync';
import {
  FILE_HEADERS,
  MAX_CHUNK_BYTES,
  SHA256_PATTERN,
  parseContentRange,
  type ContentRange,
  type FileUploadResponse,
} from '../../shared/sync/fileProtocol';
import { HttpError } from '../errors';
import type { Storage } from '../storage/types';
import type { Caller } from '../sync/scope';
import { parseBody } from '../validate';
import { recordFile, visibleSizes } from './access';
import { KeyedLock } from './lock';
import { ServerFileStore } from './store';

const ParamsSchema = z.strictObject({
  sha256: z.string().regex(SHA256_PATTERN, { error: 'v.id' }),
});

const badRange = (detail: string) => new HttpError('BAD_REQUEST', { detail });

/** Checked before the body is read, so an oversized file costs no upload. */
function contentRangeOf(req: FastifyRequest): ContentRange {
  const header = req.headers['content-range'];
  const range = parseContentRange(typeof header === 'string' ? header : undefined);
  if (!range) throw badRange('Content-Range must be "bytes <start>-<end>/<total>"');
  if (range.total > MAX_ATTACHMENT_BYTES) {
    throw new HttpError(
      'FILE_TOO_LARGE',
      { maxBytes: MAX_ATTACHMENT_BYTES },
      { total: range.total },
    );
  }
  if (range.end - range.start + 1 > MAX_CHUNK_BYTES) {
    throw badRange(`a chunk may hold at most ${MAX_CHUNK_BYTES} bytes`);
  }
  return range;
}

export function fileRoutes(
  app: FastifyInstance,
  storage: Storage,
  filesDir: string,
  callerOf: (req: FastifyRequest) => Caller,
): void {
  const store = new ServerFileStore(filesDir);
  const lock = new KeyedLock();

  /** The hash from the URL and the sizes of the caller's attachments naming it (403 if none). */
  const access = async (req: FastifyRequest) => {
    const { sha256 } = parseBody(ParamsSchema, req.params);
    const sizes = await visibleSizes(storage, callerOf(req), sha256);
    if (sizes.length === 0) throw new HttpError('FILE_NOT_REFERENCED');
    return { sha256, sizes };
  };

  const progress = (reply: FastifyReply, offset: number, size: number, complete: boolean) =>
    reply.headers({
      [FILE_HEADERS.offset]: String(offset),
      [FILE_HEADERS.size]: String(size),
      [FILE_HEADERS.complete]: complete ? '1' : '0',
    });

  // Encapsulated: the binary body parser and its size limit apply to these routes only.
  void app.register(async (files) => {
    files.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: MAX_CHUNK_BYTES },
      (_req, body, done) => done(null, body),
    );
    files.setErrorHandler((err: FastifyError, _req, reply) => {
      if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        const e = badRange(`a chunk may hold at most ${MAX_CHUNK_BYTES} bytes`);
        return reply.status(413).send(e.body);
      }
      // Everything else is answered by the app's error handler.
      throw err;
    });

    files.head('/v1/files/:sha256', async (req, reply) => {
      const { sha256, sizes } = await access(req);
      const done = await store.sizeOfComplete(sha256);
      if (done !== null) return progress(reply, done, done, true).status(200).send();
      return progress(reply, await store.offset(sha256), sizes[0] as number, false)
        .status(200)
        .send();
    });

    files.put(
      '/v1/files/:sha256',
      {
        onRequest: async (req) => {
          contentRangeOf(req);
        },
      },
      async (req, reply): Promise<FileUploadResponse> => {
        const range = contentRangeOf(req);
        const { sha256, sizes } = await access(req);
        const body = req.body;
        if (!Buffer.isBuffer(body)) throw badRange('the body must be application/octet-stream');
        if (body.length !== range.end - range.start + 1) {
          throw badRange(
            `Content-Range announces ${range.end - range.start + 1} bytes, got ${body.length}`,
          );
        }
        if (!sizes.includes(range.total)) {
          throw badRange(`total ${range.total} differs from the attachment's size ${sizes[0]}`);
        }
        const caller = callerOf(req);
        return lock.run(sha256, async () => {
          // Known hash: nothing to do, whoever sent it (a client skips these after HEAD).
          if (await store.isComplete(sha256)) {
            progress(reply, range.total, range.total, true);
            return { offset: range.total, complete: true };
          }
          const offset = await store.offset(sha256);
          if (range.start !== offset) {
            throw new HttpError(
              'UPLOAD_OFFSET',
              { offset },
              { offset },
              { [FILE_HEADERS.offset]: String(offset) },
            );
          }
          const after = await store.append(sha256, body);
          if (after < range.total) {
            progress(reply, after, range.total, false);
            return { offset: after, complete: false };
          }
          if (!(await store.finalize(sha256))) {
            req.log.warn({ sha256, deviceId: caller.deviceId }, 'file hash mismatch; discarded');
            throw new HttpError('HASH_MISMATCH', {}, { sha256 });
          }
          await recordFile(storage, sha256, range.total, caller.deviceId);
          req.log.info({ sha256, size: range.total, deviceId: caller.deviceId }, 'file stored');
          progress(reply, range.total, range.total, true).status(201);
          return { offset: range.total, complete: true };
        });
      },
    );

    files.get('/v1/files/:sha256', { exposeHeadRoute: false }, async (req, reply) => {
      const { sha256 } = await access(req);
      const size = await store.sizeOfComplete(sha256);
      if (size === null) throw new HttpError('FILE_NOT_UPLOADED');
      return reply
        .headers({
          'content-type': 'application/octet-stream',
          // The size goes in our own header: a Content-Length set by hand on a streamed reply
          // left the keep-alive connection busy after the last byte (server close then hangs).
          [FILE_HEADERS.size]: String(size),
          // Content-addressed: the bytes under this name never change.
          'cache-control': 'private, max-age=31536000, immutable',
          [FILE_HEADERS.sha256]: sha256,
        })
        .send(store.openRead(sha256));
    });
  });
}
