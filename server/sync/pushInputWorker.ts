/**
 * Worker thread that reads push requests (pushInput.ts) for pushInputPool.ts: a body in, the
 * PushInput (or the refusal's HttpError arguments) out, tagged with the request's id.
 */
import { parentPort } from 'node:worker_threads';
import {
  PushInputError,
  readPushBody,
  type HttpErrorArgs,
  type PushBodyFormat,
  type PushInputLimits,
} from './pushInput';
import type { PushInput } from './pushInput';

export interface ReadJob {
  id: number;
  body: Uint8Array;
  limits: PushInputLimits;
  format: PushBodyFormat;
}

export type ReadAnswer =
  | { id: number; input: PushInput }
  | { id: number; refused: HttpErrorArgs }
  | { id: number; failed: string };

if (!parentPort) throw new Error('pushInputWorker.ts runs as a worker thread');
const port = parentPort;

port.on('message', (job: ReadJob) => {
  let answer: ReadAnswer;
  try {
    answer = { id: job.id, input: readPushBody(job.body, job.limits, job.format) };
  } catch (err) {
    answer =
      err instanceof PushInputError
        ? { id: job.id, refused: err.args }
        : { id: job.id, failed: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  port.postMessage(answer);
});
