/**
 * A review decision is applied to its target at once on the reviewer's device. When the server
 * refuses the decision (the case changed since the reviewer looked, another supervisor decided
 * first), the mutation goes to the quarantine and the server's target never changes, so no pull
 * would correct the target. After each push this marks such decisions refused (with the
 * server's reason, shown with the review) and has the targets read again in the same round,
 * where the server's state replaces the optimistic one.
 */
import type { Store } from '../../db/store';
import { newId } from '../services/context';
import { SERVER_ACTOR } from './applyRow';
import { rebaseCase } from './caseRebase';
import { tx } from './context';
import type { SyncHooks } from './hooks';

/** Returns how many decisions it settled; runs in the caller's transaction. */
export function settleRefusedReviews(store: Store, now: () => Date): number {
  const refused = store.reviews.refusedBySync();
  if (refused.length === 0) return 0;
  const repair = store.syncState.get('repair') ?? [];
  const at = now().toISOString();
  for (const { review, message } of refused) {
    store.reviews.put({ ...review, outcome: { status: 'refused', reason: message } });
    store.audit.append({
      id: newId(),
      entityType: 'review',
      entityId: review.id,
      action: 'update',
      actorId: SERVER_ACTOR.id,
      actorName: SERVER_ACTOR.name,
      at,
      changes: [{ path: 'outcome', old: null, new: { status: 'refused', reason: message } }],
    });
    repair.push({ entity: review.targetType, id: review.targetId });
    // A case falls back to the server's document at once (the repair read confirms it).
    const local = review.targetType === 'case' ? store.cases.get(review.targetId) : null;
    const server = local ? store.cases.serverDoc(local.id) : null;
    if (local && server) {
      store.cases.update({ ...rebaseCase(store, local.id, local, server), updatedAt: at }, local);
    }
  }
  store.syncState.set('repair', repair);
  return refused.length;
}

export function registerReviewSettle(hooks: SyncHooks, store: Store): void {
  hooks.afterPush.push(async (rc) => {
    tx(store, () => settleRefusedReviews(store, rc.now));
  });
}
