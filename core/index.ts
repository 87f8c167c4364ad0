/**
 * The core: opens the local store and serves the API contract. Plain Node; no Electron.
 */
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import type { AppInfo } from '../shared/api/contract';
import { openStore } from '../db/store';
import { createDispatch, type Dispatch } from './dispatch';
import { createHandlers } from './services/handlers';
import { SyncEngine, type SyncOptions } from './sync/engine';
import { registerFileSync } from './sync/filesHook';
import { version as appVersion } from '../package.json';

export interface CoreOptions {
  dataDir: string;
  shell: AppInfo['shell'];
  /** Injected clock for tests. */
  now?: () => Date;
  /** How long a write waits for another process's lock before STORAGE_BUSY (default 3000). */
  busyTimeoutMs?: number;
  /**
   * Called with the open connection before any request is served. For tests and diagnostics
   * (e.g. `PRAGMA max_page_count` to simulate a full disk); the app leaves it unset.
   */
  onOpen?: (db: Database.Database) => void;
  /** Sync with the central endpoint: interval, limits, an injected fetch for tests. */
  sync?: SyncOptions;
}

export interface Core {
  dispatch: Dispatch;
  /** The sync scheduler: tests run rounds with `sync.round()`; hooks register here. */
  sync: SyncEngine;
  /** Stops sync (aborting a request in flight) and closes the store once the round unwound. */
  close(): void;
  /** close(), resolved when everything is closed. */
  shutdown(): Promise<void>;
}

/**
 * Opens (creating if needed) the data dir and its store, applying pending migrations.
 * Throws StoreOpenError (db/errors.ts) when the database is damaged, newer than this build
 * or diverged; the shell shows that message instead of starting.
 */
export function openCore(opts: CoreOptions): Core {
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const now = opts.now ?? (() => new Date());
  const store = openStore({ dataDir: opts.dataDir, busyTimeoutMs: opts.busyTimeoutMs, now });
  try {
    opts.onOpen?.(store.db);
    const info: AppInfo = {
      version: appVersion,
      shell: opts.shell,
      dataDir: opts.dataDir,
      schemaVersion: store.schemaVersion,
    };
    const sync = new SyncEngine(store, now, opts.sync);
    // Attachment files go up after their records, inside each round.
    registerFileSync(sync.hooks, store);
    let closing: Promise<void> | null = null;
    const shutdown = () => {
      if (closing) return closing;
      const unwinding = sync.close();
      if (unwinding) closing = unwinding.then(() => store.close());
      else {
        store.close();
        closing = Promise.resolve();
      }
      return closing;
    };
    const core: Core = {
      dispatch: createDispatch(createHandlers({ store, now, sync }, info)),
      sync,
      close: () => void shutdown(),
      shutdown,
    };
    // An enrolled, signed-in device syncs by itself from the start.
    sync.start();
    return core;
  } catch (err) {
    store.close();
    throw err;
  }
}

export { StoreOpenError } from '../db/errors';
