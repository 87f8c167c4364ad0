/**
 * Lists re-read their rows after each successful sync round, because a round may have pulled
 * records (a supervisor's view of the unit fills in this way). Only the list re-renders.
 */
import { useEffect, useRef } from 'react';
import type { PagedCache } from '../../lib/pagedCache';
import { useSyncStore } from './syncStore';

export function useRefreshAfterSync<T>(cache: PagedCache<T>): void {
  const lastSuccessAt = useSyncStore((s) => s.status?.lastSuccessAt ?? null);
  const seen = useRef(lastSuccessAt);
  useEffect(() => {
    if (lastSuccessAt === seen.current) return;
    seen.current = lastSuccessAt;
    void cache.refresh();
  }, [cache, lastSuccessAt]);
}
