/**
 * Conflicts across devices: decisions made here are reported to the server (which closes them
 * for everyone), and the server's open conflicts in this device's scope are listed here, so the
 * person on either side of a conflict sees both values.
 */
import type { ConflictListResponse, ConflictResolveResponse } from '../../shared/sync/maintenance';
import { get, post, tx, type RoundContext } from './context';

export async function syncConflicts(rc: RoundContext): Promise<void> {
  const unreported = rc.store.conflicts.unreported().map((c) => c.id);
  for (let i = 0; i < unreported.length; i += 500) {
    const ids = unreported.slice(i, i + 500);
    await post<ConflictResolveResponse>(rc, '/v1/conflicts/resolve', { conflictIds: ids });
    // Ids the server did not close were closed already (or are out of scope): reported either way.
    tx(rc.store, () => rc.store.conflicts.markReported(ids));
  }
  const res = await get<ConflictListResponse>(rc, '/v1/conflicts');
  const at = rc.now().toISOString();
  tx(rc.store, () => {
    for (const c of res.conflicts) {
      rc.store.conflicts.upsertOpen({
        id: c.conflictId,
        entity: c.entity,
        entityId: c.entityId,
        field: c.field,
        serverValue: c.serverValue,
        clientValue: c.clientValue,
        serverSeq: c.serverSeq,
        createdAt: c.createdAt,
      });
    }
    rc.store.conflicts.closeMissing(new Set(res.conflicts.map((c) => c.conflictId)), at);
  });
}
