/**
 * Push requests are read (pushInput.ts: JSON parsing, validation, new records' data prepared) in
 * worker threads, so the main thread applies one batch while the next one is read: the two
 * largest parts of a push's CPU time run on two cores instead of taking turns on one.
 *
 * With `workers: 0`, or if a worker cannot start or dies, requests are read on the main thread by
 * the same function: nothing depends on the workers but speed. A worker that fails is replaced
 * for the next request; the requests it held are read again inline (their bodies were copied to
 * it, never moved).
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  PushInputError,
  readPushBody,
  type PushBodyFormat,
  type PushInput,
  type PushInputLimits,
} from './pushInput';
import type { ReadAnswer, ReadJob } from './pushInputWorker';

interface Pending {
  body: Uint8Array;
  format: PushBodyFormat;
  resolve: (input: PushInput) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  answers: number;
}

/**
 * How a worker loads pushInputWorker: compiled JavaScript as it is; TypeScript sources (the
 * server runs from them, under tsx) through tsx's require hook in the worker.
 */
function workerScript(): { code: string; workerData: { entry: string; hook: string | null } } {
  const ext = path.extname(__filename);
  const entry = path.join(__dirname, `pushInputWorker${ext}`);
  const hook = ext === '.ts' ? require.resolve('tsx/cjs') : null;
  const code = `
    const { workerData } = require('node:worker_threads');
    if (workerData.hook) require(workerData.hook);
    require(workerData.entry);
  `;
  return { code, workerData: { entry, hook } };
}

/**
 * Most of what a worker allocates (parsed lines, zod's results) dies before the batch is answered,
 * but a batch's prepared texts (about 1 MB) live until it is: with V8's default young generation
 * they survive several scavenges and are copied each time. A larger one (V8 grows it only while
 * the allocation rate needs it) halved the CPU time of the scavenger's helper threads in pushes
 * of 30,000 records (about 10 µs per record, 6% of the server process's CPU); the reading thread
 * itself measured the same.
 */
const WORKER_YOUNG_GENERATION_MB = 192;

export class PushInputPool {
  private readonly slots: (Slot | null)[];
  private nextId = 1;
  private turn = 0;
  private closed = false;
  /** A worker could not start (it died before its first answer): read inline from then on. */
  private unavailable = false;
  /** Requests read so far, by where (for logs and tests). */
  readonly reads = { worker: 0, inline: 0 };

  constructor(
    private readonly limits: PushInputLimits,
    workers: number,
    /** Told once if the workers cannot run (requests are then read inline, more slowly). */
    private readonly onUnavailable: (reason: string) => void = () => undefined,
  ) {
    this.slots = Array.from({ length: Math.max(0, workers) }, () => null);
  }

  /** The request in `body` read and validated (a PushInputError when it is refused). */
  read(body: Uint8Array, format: PushBodyFormat = 'json'): Promise<PushInput> {
    const useWorkers = this.slots.length > 0 && !this.closed && !this.unavailable;
    const slot = useWorkers ? this.slot() : null;
    if (!slot) return this.readInline(body, format);
    const id = this.nextId++;
    return new Promise<PushInput>((resolve, reject) => {
      slot.pending.set(id, { body, format, resolve, reject });
      const job: ReadJob = { id, body, limits: this.limits, format };
      slot.worker.postMessage(job);
    });
  }

  /** Stops the workers; reads still waiting on one finish inline. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(
      this.slots.map(async (s, i) => {
        this.slots[i] = null;
        if (!s) return;
        const held = [...s.pending.values()];
        s.pending.clear();
        await s.worker.terminate();
        for (const p of held) this.readInline(p.body, p.format).then(p.resolve, p.reject);
      }),
    );
  }

  private async readInline(body: Uint8Array, format: PushBodyFormat): Promise<PushInput> {
    this.reads.inline++;
    return readPushBody(body, this.limits, format);
  }

  /** The next worker in turn, started (or restarted) if needed; null if none can start. */
  private slot(): Slot | null {
    const i = this.turn++ % this.slots.length;
    const existing = this.slots[i];
    if (existing) return existing;
    try {
      const { code, workerData } = workerScript();
      const worker = new Worker(code, {
        eval: true,
        workerData,
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
      });
      // The server may stop while a worker is idle: it must not keep the process alive.
      worker.unref();
      const slot: Slot = { worker, pending: new Map(), answers: 0 };
      worker.on('message', (a: ReadAnswer) => this.answered(slot, a));
      worker.on('error', (err) => this.lost(i, slot, err.message));
      // An answer that cannot be received would leave its read waiting: treat the worker as lost.
      worker.on('messageerror', (err) => {
        this.lost(i, slot, err.message);
        void worker.terminate();
      });
      worker.on('exit', (code) => this.lost(i, slot, `exited with code ${code}`));
      this.slots[i] = slot;
      return slot;
    } catch (err) {
      this.giveUp((err as Error).message);
      return null;
    }
  }

  private giveUp(reason: string): void {
    if (this.unavailable) return;
    this.unavailable = true;
    this.onUnavailable(reason);
  }

  private answered(slot: Slot, a: ReadAnswer): void {
    slot.answers++;
    const p = slot.pending.get(a.id);
    if (!p) return;
    slot.pending.delete(a.id);
    if ('input' in a) {
      this.reads.worker++;
      p.resolve(a.input);
    } else if ('refused' in a) {
      this.reads.worker++;
      p.reject(new PushInputError(a.refused));
    }
    // A bug in reading, not a refusal: the same read inline gives the same error with its stack.
    else this.readInline(p.body, p.format).then(p.resolve, p.reject);
  }

  /** A worker died: its requests are read inline, and the next read starts a new worker. */
  private lost(i: number, slot: Slot, reason: string): void {
    if (this.slots[i] === slot) this.slots[i] = null;
    if (slot.answers === 0 && !this.closed) this.giveUp(reason);
    const held = [...slot.pending.values()];
    slot.pending.clear();
    for (const p of held) this.readInline(p.body, p.format).then(p.resolve, p.reject);
  }
}
