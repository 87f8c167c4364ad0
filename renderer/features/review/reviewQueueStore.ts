/**
 * What waits for this supervisor (review.queue), kept in one small store: the sidebar shows the
 * count, the 待审核 page the items. Re-read after each finished sync round (a round pulls what
 * inspectors submitted) and after each decision taken here.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import { api } from '../../api/client';
import type { ReviewQueueItem } from '../../../shared/api/caseContract';
import type { MessageRef } from '../../../shared/api/result';
import { can } from '../../../shared/domain/permissions';
import { useSyncStore } from '../sync/syncStore';

interface ReviewQueueState {
  /** null until the first answer. */
  items: ReviewQueueItem[] | null;
  error: MessageRef | null;
}

export const useReviewQueue = create<ReviewQueueState>()(() => ({ items: null, error: null }));

let loading: Promise<void> | null = null;

export function reloadReviewQueue(): Promise<void> {
  loading ??= (async () => {
    try {
      const r = await api()['review.queue']({});
      useReviewQueue.setState(r.ok ? { items: r.value, error: null } : { error: r.error.message });
    } finally {
      loading = null;
    }
  })();
  return loading;
}

/** Whether the signed-in user reviews (the role comes with the sync account). */
export function useIsSupervisor(): boolean {
  return useSyncStore((s) => {
    const user = s.status?.user;
    return (
      !!user && can({ role: user.role, userId: user.id, unitId: user.unitId }, 'review.decide')
    );
  });
}

/** Keeps the queue fresh for a supervisor: on start and after every finished sync round. */
export function useReviewQueueRefresh(): void {
  const supervisor = useIsSupervisor();
  const lastSuccessAt = useSyncStore((s) => s.status?.lastSuccessAt ?? null);
  useEffect(() => {
    if (supervisor) void reloadReviewQueue();
  }, [supervisor, lastSuccessAt]);
}
