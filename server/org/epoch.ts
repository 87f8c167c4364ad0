import { randomBytes } from 'node:crypto';
import type { Queryable } from '../storage/types';

export async function getEpoch(q: Queryable): Promise<string> {
  const { rows } = await q.query<{ epoch: string }>('SELECT epoch FROM sync_state WHERE id = 1');
  const epoch = rows[0]?.epoch;
  if (!epoch) throw new Error('sync_state row missing');
  return epoch;
}

/**
 * After restoring a backup the server's history is older than what clients hold. A new epoch
 * makes every client re-pull from 0 (keeping its outbox). Run it right after a restore.
 */
export async function rotateEpoch(q: Queryable): Promise<string> {
  const epoch = randomBytes(16).toString('hex');
  await q.query('UPDATE sync_state SET epoch = $1, epoch_changed_at = now() WHERE id = 1', [epoch]);
  return epoch;
}
