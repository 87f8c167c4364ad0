/**
 * Who may send or fetch a file: a device whose scope holds an attachment record naming that
 * hash (the same rule as pull, via scope.ts). This also orders things: the record's metadata
 * must have been pushed before its bytes are accepted, and the server never stores bytes
 * that no record points to.
 */
import type { Queryable } from '../storage/types';
import { num } from '../storage/types';
import { canRead, scopeFor, type Caller } from '../sync/scope';

/** Sizes declared by the attachment records naming this hash that the caller may read. */
export async function visibleSizes(
  q: Queryable,
  caller: Caller,
  sha256: string,
): Promise<number[]> {
  const { rows } = await q.query<{
    unit_id: string | null;
    owner_user_id: string | null;
    size: unknown;
  }>(
    `SELECT unit_id, owner_user_id, doc::json->>'size' AS size FROM entities
     WHERE entity = 'attachment' AND doc::json->>'sha256' = $1 AND NOT deleted`,
    [sha256],
  );
  const scope = scopeFor(caller);
  return rows
    .filter((r) =>
      canRead(scope, { entity: 'attachment', unitId: r.unit_id, ownerUserId: r.owner_user_id }),
    )
    .map((r) => num(r.size));
}

/** Records a verified file; a second upload of the same hash keeps the first sender. */
export async function recordFile(
  q: Queryable,
  sha256: string,
  size: number,
  deviceId: string,
): Promise<void> {
  await q.query(
    `INSERT INTO files (sha256, size, uploaded_by) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING`,
    [sha256, size, deviceId],
  );
}
