import type { Store } from '../../db/store';

/** What an inspector recognises a record by: record number and sample, or enterprise name. */
export function entityLabel(store: Store, entity: string, id: string): string {
  if (entity === 'enterprise') return store.enterprises.get(id)?.name ?? id;
  if (entity === 'spotCheck') {
    const r = store.spotChecks.get(id);
    if (!r) return id;
    const parts = [r.data.basic.recordNumber, r.data.sample.name].filter((s) => s !== '');
    return parts.length > 0 ? parts.join(' ') : id;
  }
  return id;
}
