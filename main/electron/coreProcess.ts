/**
 * Entry of dist/main/core-process.js, run by Electron's utilityProcess: the core (and its
 * SQLite work) lives here so a long query never blocks the main process or the windows.
 * Plain Node plus `process.parentPort`; requests carry ids and are answered with Results.
 */
import { openCore, type Core } from '../../core/index';
import { syncOptionsFromEnv } from '../../core/sync/envOptions';
import { fail, type Result } from '../../shared/api/result';
import type { FromCore, ToCore } from './coreMessages';

const port = process.parentPort;
let core: Core | undefined;

function send(msg: FromCore): void {
  port.postMessage(msg);
}

async function call(method: string, input: unknown): Promise<Result<unknown>> {
  if (!core) return fail('INTERNAL', 'e.internal', { detail: 'core not open' });
  try {
    return await core.dispatch(method, input);
  } catch (err) {
    return fail('INTERNAL', 'e.internal', {
      detail: err instanceof Error ? err.message : String(err),
    });
  }
}

async function onMessage(msg: ToCore): Promise<void> {
  switch (msg.type) {
    case 'open':
      try {
        core = await openCore({
          dataDir: msg.dataDir,
          shell: 'electron',
          sync: syncOptionsFromEnv(),
        });
        send({ type: 'ready' });
      } catch (err) {
        send({ type: 'openFailed', detail: err instanceof Error ? err.message : String(err) });
      }
      return;
    case 'call':
      send({ type: 'result', id: msg.id, result: await call(msg.method, msg.input) });
      return;
    case 'close':
      try {
        core?.close();
      } finally {
        core = undefined;
        send({ type: 'closed' });
        process.exit(0);
      }
  }
}

// One message at a time, in order: a close never overtakes a call sent before it.
let queue: Promise<void> = Promise.resolve();
port.on('message', (event) => {
  queue = queue
    .then(() => onMessage(event.data as ToCore))
    .catch((err: unknown) => {
      console.error('[core-process] message failed', err);
    });
});
