/** Messages between Electron's main process and the core's utility process. */
import type { Result } from '../../shared/api/result';

export type ToCore =
  | { type: 'open'; dataDir: string }
  | { type: 'call'; id: number; method: string; input: unknown }
  | { type: 'close' };

export type FromCore =
  | { type: 'ready' }
  | { type: 'openFailed'; detail: string }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'closed' };
