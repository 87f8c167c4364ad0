import { useEffect, useState, useSyncExternalStore } from 'react';
import type { SpotCheckData } from '../../../shared/schemas/spotCheck';
import { DraftSaver } from './draftSaver';

export type { SaveStatus } from './draftSaver';

/** One DraftSaver per mounted form (the form is re-keyed when the record changes). */
export function useDraftSaver(opts: {
  id: string;
  revision: number;
  /** The stored data at `revision`. */
  base: SpotCheckData;
  initiallyDirty: boolean;
  getValues: () => SpotCheckData;
  setField: (path: string, value: unknown) => void;
}) {
  const [saver] = useState(
    () =>
      new DraftSaver(
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
