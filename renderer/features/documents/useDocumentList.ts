/** The forms of one record, with their print state; reloaded after each print. */
import { useCallback, useEffect, useState } from 'react';
import type { DocumentListItem } from '../../../shared/api/documentContract';
import type { MessageRef } from '../../../shared/api/result';
import type { DocumentOwnerType } from '../../../shared/documents/kinds';
import { api } from '../../api/client';

export function useDocumentList(ownerType: DocumentOwnerType, ownerId: string, refreshKey = 0) {
  const [items, setItems] = useState<DocumentListItem[] | null>(null);
  const [error, setError] = useState<MessageRef | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    const load = async () => {
      const r = await api()['documents.list']({ ownerType, ownerId });
      if (!live) return;
      if (r.ok) {
        setItems(r.value);
        setError(null);
      } else setError(r.error.message);
    };
    void load();
    return () => {
      live = false;
    };
  }, [ownerType, ownerId, refreshKey, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { items, error, reload };
}
