/**
 * Loads one of the sync lists (quarantine, conflicts) and reloads it when the status says
 * something changed: the count, or a new round finished. Not on every poll.
 */
import { useCallback, useEffect, useState } from 'react';
import type { MessageRef, Result } from '../../../shared/api/result';
import { useSyncStore } from './syncStore';

export function useSyncList<T>(
  load: () => Promise<Result<T[]>>,
  count: (s: NonNullable<ReturnType<typeof useSyncStore.getState>['status']>) => number,
) {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<MessageRef | null>(null);
  const n = useSyncStore((s) => (s.status ? count(s.status) : 0));
  const lastSuccessAt = useSyncStore((s) => s.status?.lastSuccessAt ?? null);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((x) => x + 1), []);

  useEffect(() => {
    let live = true;
    void load().then((r) => {
      if (!live) return;
      if (r.ok) {
        setItems(r.value);
        setError(null);
      } else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [load, n, lastSuccessAt, tick]);

  return { items, error, reload, setItems };
}
