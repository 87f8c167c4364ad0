/**
 * What the header says about sync, decided in one pure function so every state has one
 * place and one order of precedence: revoked > signed out > offline > syncing > error > pending > first sync > synced.
 */
import type { SyncStatus } from '../../../shared/schemas/sync';

export type IndicatorState =
  | { kind: 'network'; online: boolean }
  | { kind: 'local' }
  | { kind: 'revoked' }
  | { kind: 'signedOut'; pending: number }
  | { kind: 'offline'; reason: 'network' | 'server'; pending: number }
  | { kind: 'syncing'; done: number; total: number }
  | { kind: 'error'; pending: number }
  | { kind: 'pending'; count: number }
  | { kind: 'firstSync' }
  | { kind: 'synced'; at: string };

export function indicatorState(
  status: SyncStatus | null,
  supported: boolean,
  online: boolean,
): IndicatorState {
  // A core without sync (or not answered yet) can only tell about the network.
  if (!supported || !status) return { kind: 'network', online };
  if (!status.enrolled) return { kind: 'local' };
  if (status.revoked) return { kind: 'revoked' };
  const pending = status.pendingMutations + status.pendingFiles;
  // Rounds run only while someone is signed in: say so rather than a misleading 离线.
  if (!status.user) return { kind: 'signedOut', pending };
  if (!online) return { kind: 'offline', reason: 'network', pending };
  if (status.phase === 'pushing' || status.phase === 'pulling' || status.phase === 'uploading') {
    return {
      kind: 'syncing',
      done: status.progress?.done ?? 0,
      total: status.progress?.total ?? 0,
    };
  }
  if (status.reachable === false) return { kind: 'offline', reason: 'server', pending };
  if (status.lastError) return { kind: 'error', pending };
  if (pending > 0) return { kind: 'pending', count: pending };
  // "Synced" is a claim about a finished round; until the first one, say so.
  if (!status.lastSuccessAt) return { kind: 'firstSync' };
  return { kind: 'synced', at: status.lastSuccessAt };
}

/** Refused changes and open conflicts: things a person has to look at. */
export const attentionCount = (status: SyncStatus | null): number =>
  status ? status.quarantined + status.openConflicts : 0;
