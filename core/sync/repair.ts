/**
 * After a refused or conflicting push the device may hold values the server did not take, and
 * the server may not have changed the row (so no pull would send it). Those rows are read
 * again by id and applied like pulled rows (local pending fields still kept).
 */
import type { FetchResponse } from '../../shared/sync/maintenance';
import { PULL_ENTITIES, type PullEntity } from '../../shared/sync/protocol';
import { post, tx, type RoundContext } from './context';
import { receiveRows } from './pull';

const isPullEntity = (e: string): e is PullEntity =>
  (PULL_ENTITIES as readonly string[]).includes(e);

export async function repairRows(rc: RoundContext): Promise<void> {
  const wanted = rc.store.syncState.get('repair') ?? [];
  const unique = new Map(wanted.map((r) => [`${r.entity}:${r.id}`, r]));
  const refs = [...unique.values()]
    .filter((r) => isPullEntity(r.entity))
    .map((r) => ({ entity: r.entity as PullEntity, id: r.id }));
  for (let i = 0; i < refs.length; i += 500) {
    const res = await post<FetchResponse>(rc, '/v1/sync/fetch', { refs: refs.slice(i, i + 500) });
    tx(rc.store, () => receiveRows(rc, res.rows));
  }
  tx(rc.store, () => rc.store.syncState.set('repair', []));
}
