/**
 * The core: opens the local store and serves the API contract. Plain Node; no Electron.
 * (Placeholder signature — implemented in the foundation work.)
 */
import type { AppInfo } from '../shared/api/contract';
import type { Dispatch } from './dispatch';

export interface CoreOptions {
  dataDir: string;
  shell: AppInfo['shell'];
  /** Injected clock for tests. */
  now?: () => Date;
}

export interface Core {
  dispatch: Dispatch;
  close(): void;
}

export function openCore(_opts: CoreOptions): Core {
  throw new Error('openCore: not implemented yet');
}
