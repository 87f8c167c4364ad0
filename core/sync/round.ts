/**
 * One sync round: push (records), hooks (their files), re-read refused or conflicting rows,
 * pull, settle held refusals the pull locked, then conflicts, and last the audit trail (the pull
 * adds entries to it; a failed upload is noted and retried next round, the round still counts).
 * Local edits made while it runs are in the outbox and go next round.
 */
import { uploadAuditInRound } from './auditUpload';
import { topUpNumbersInRound } from '../numbers/roundStep';
import { syncConflicts } from './conflictSync';
import type { RoundContext } from './context';
import type { SyncHooks } from './hooks';
import { settleLockedRefusals } from './lockedFields';
import { pullAll } from './pull';
import { pushAll } from './push';
import { repairRows } from './repair';

export async function runRound(rc: RoundContext, hooks: SyncHooks): Promise<void> {
  await pushAll(rc);
  for (const hook of hooks.afterPush) await hook(rc);
  await repairRows(rc);
  rc.setPhase('pulling', null);
  await pullAll(rc);
  settleLockedRefusals(rc.store, rc.now().toISOString());
  await syncConflicts(rc);
  await topUpNumbersInRound(rc);
  await uploadAuditInRound(rc);
}
