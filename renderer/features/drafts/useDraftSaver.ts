import { useEffect, useState, useSyncExternalStore } from 'react';
import { DraftSaver, type DraftTarget } from './draftSaver';

export type { SaveStatus } from './draftSaver';

/** One DraftSaver per mounted form (the form is re-keyed when the record changes). */
export function useDraftSaver<T extends object>(opts: {
  target: DraftTarget<T>;
  id: string;
  revision: number;
  /** The stored data at `revision`. */
  base: T;
  initiallyDirty: boolean;
  getValues: () => T;
  setField: (path: string, value: unknown) => void;
}) {
  const [saver] = useState(
    () =>
      new DraftSaver<T>(
        opts.target,
        opts.id,
        opts.revision,
        opts.base,
        opts.getValues,
        opts.setField,
        opts.initiallyDirty,
      ),
  );
  const snapshot = useSyncExternalStore(saver.subscribe, saver.getSnapshot);
  useEffect(() => {
    saver.start();
    return () => saver.dispose();
  }, [saver]);
  return { saver, ...snapshot };
}
