/**
 * The attachments of one record: listed on open, after each add, and again when the sync
 * status reports fewer files waiting (so 待上传 turns into 已上传 without a reload).
 */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { MessageRef } from '../../../shared/api/result';
import type { AttachmentMeta } from '../../../shared/schemas/sync';
import { useSyncStore } from '../sync/syncStore';
import { checkFile, isAcceptedType, readBase64 } from './fileData';

export interface AddFailure {
  fileName: string;
  message: MessageRef;
}

export function usePhotos(ownerId: string) {
  const [items, setItems] = useState<AttachmentMeta[] | null>(null);
  const [loadError, setLoadError] = useState<MessageRef | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [failures, setFailures] = useState<AddFailure[]>([]);
  const pendingFiles = useSyncStore((s) => s.status?.pendingFiles ?? 0);
  const lastSuccessAt = useSyncStore((s) => s.status?.lastSuccessAt ?? null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    const load = async () => {
      const r = await api()['attachments.list']({ ownerType: 'spotCheck', ownerId });
      if (!live) return;
      if (r.ok) {
        setItems(r.value);
        setLoadError(null);
      } else setLoadError(r.error.message);
    };
    void load();
    return () => {
      live = false;
    };
  }, [ownerId, tick, pendingFiles, lastSuccessAt]);

  /** Adds files one after another (each may be 20 MB); one bad file does not stop the rest. */
  const add = useCallback(
    async (files: readonly File[]) => {
      const failed: AddFailure[] = [];
      setFailures([]);
      setProgress({ done: 0, total: files.length });
      for (const [i, file] of files.entries()) {
        const problem = checkFile(file);
        if (problem || !isAcceptedType(file.type)) {
          failed.push({ fileName: file.name, message: problem ?? { key: 'v.fileType' } });
        } else {
          const result = await api()['attachments.add']({
            ownerType: 'spotCheck',
            ownerId,
            fileName: file.name,
            mimeType: file.type,
            dataBase64: await readBase64(file),
          });
          if (!result.ok) {
            // A field message (v.fileTooLarge, v.fileType) says more than the general one.
            const field = Object.values(result.error.fieldErrors ?? {})[0];
            failed.push({ fileName: file.name, message: field ?? result.error.message });
          }
        }
        setProgress({ done: i + 1, total: files.length });
      }
      setProgress(null);
      setFailures(failed);
      setTick((x) => x + 1);
      return files.length - failed.length;
    },
    [ownerId],
  );

  return { items, loadError, progress, failures, clearFailures: () => setFailures([]), add };
}
