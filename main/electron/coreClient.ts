/**
 * Main-process side of the core's utility process: starts it, forwards calls with request
 * ids, and turns every failure (crash, exit, timeout at shutdown) into a Result.
 */
import { utilityProcess, type UtilityProcess } from 'electron';
import path from 'node:path';
import { fail, type Result } from '../../shared/api/result';
import type { FromCore, ToCore } from './coreMessages';

type Pending = (result: Result<unknown>) => void;

export interface CoreClient {
  /** Resolves once the core process has opened the store (or failed to, with the reason). */
  opened(): Promise<Result<null>>;
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /** Closes the core (SQLite) cleanly; resolves when the process has exited or after a timeout. */
  close(timeoutMs?: number): Promise<void>;
}

export function startCoreProcess(dataDir: string): CoreClient {
  let child: UtilityProcess | undefined;
  let ready: Promise<Result<null>> | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  let closing = false;

  const failAll = (detail: string) => {
    for (const resolve of pending.values()) resolve(fail('INTERNAL', 'e.internal', { detail }));
    pending.clear();
  };

  function start(): Promise<Result<null>> {
    const proc = utilityProcess.fork(path.join(__dirname, 'core-process.js'), [], {
      serviceName: 'Fieldcheck core',
      stdio: 'inherit',
    });
    child = proc;
    const opened = new Promise<Result<null>>((resolve) => {
      proc.on('message', (msg: FromCore) => {
        switch (msg.type) {
          case 'ready':
            resolve({ ok: true, value: null });
            break;
          case 'openFailed':
            resolve(fail('STORAGE', 'e.storage', { detail: msg.detail }));
            break;
          case 'result': {
            const done = pending.get(msg.id);
            pending.delete(msg.id);
            done?.(msg.result);
            break;
          }
          case 'closed':
            break;
        }
      });
      proc.once('exit', (code) => {
        resolve(fail('INTERNAL', 'e.internal', { detail: `core process exited (${code})` }));
        failAll(`core process exited (${code})`);
        if (child === proc) {
          child = undefined;
          ready = undefined; // the next call starts a fresh process
        }
      });
    });
    post(proc, { type: 'open', dataDir });
    return opened;
  }

  function post(proc: UtilityProcess, msg: ToCore): void {
    proc.postMessage(msg);
  }

  async function call(method: string, input: unknown): Promise<Result<unknown>> {
    if (closing) return fail('INTERNAL', 'e.internal', { detail: 'shutting down' });
    ready ??= start();
    const opened = await ready;
    if (!opened.ok) {
      ready = undefined;
      return opened;
    }
    const proc = child;
    if (!proc) return fail('INTERNAL', 'e.internal', { detail: 'core process not running' });
    const id = nextId++;
    return new Promise<Result<unknown>>((resolve) => {
      pending.set(id, resolve);
      try {
        post(proc, { type: 'call', id, method, input });
      } catch (err) {
        pending.delete(id);
        resolve(
          fail('INTERNAL', 'e.internal', {
            detail: err instanceof Error ? err.message : String(err),
          }),
        );
      }
    });
  }

  async function close(timeoutMs = 5000): Promise<void> {
    closing = true;
    const proc = child;
    if (!proc) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        proc.kill();
        resolve();
      }, timeoutMs);
      proc.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      post(proc, { type: 'close' });
    });
  }

  // Start right away so the store is open by the time the window asks.
  const first = start();
  ready = first;
  return { opened: () => first, call, close };
}
