/**
 * How a push request travels: NDJSON (JSON Lines), one JSON text per line. The first line is the
 * request without its batch ({ deviceId, epoch, pipelined }), each further line one mutation, in
 * seq order. The server takes the same request as one JSON document too (application/json); both
 * become the same PushRequest and pass the same schema (protocol.ts).
 *
 * Why lines: a 500-mutation batch is about 1 MB of mostly Chinese text. Read as one document, the
 * server decodes it into one 2 MB string that must be mapped fresh for every request; read line by
 * line, each mutation is a small string, the work is half, and the mutation count is known before
 * anything is parsed. JSON text never holds a raw newline (it is escaped inside strings), and in
 * UTF-8 the newline byte occurs in no other character, so the lines split on bytes alone.
 *
 * Each mutation's line ends with its `changes` (`…,"changes":{"data":<text>}}` for a create): the
 * server can then store the text of `data` as the device wrote it instead of serializing it again
 * (server/sync/pushInput.ts). Any key order is read the same; this one is only cheaper.
 */
import type { PushRequest } from './protocol';

export const PUSH_BODY_TYPE = 'application/x-ndjson';

/** The push request as NDJSON text (see the top of this file). */
export function encodePushBody(req: PushRequest): string {
  const { batch, ...envelope } = req;
  const lines = [JSON.stringify(envelope)];
  for (const m of batch) {
    const { changes, ...rest } = m;
    lines.push(JSON.stringify({ ...rest, changes }));
  }
  return lines.join('\n');
}

/**
 * The request the lines describe, before validation: `lines[0]` is the envelope, the rest the
 * batch. Null when the first line is not an object or names a batch of its own (the batch comes as
 * lines, never twice).
 */
export function pushRequestFromLines(lines: readonly unknown[]): Record<string, unknown> | null {
  const [envelope, ...batch] = lines;
  if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) return null;
  if (Object.hasOwn(envelope, 'batch')) return null;
  return { ...(envelope as Record<string, unknown>), batch };
}
