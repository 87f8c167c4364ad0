/**
 * Pull: rows of the caller's scope changed after the cursor, in serverSeq order. Page,
 * next cursor and checksum come from one REPEATABLE READ snapshot so they agree; and since
 * seqs become visible in commit order (counter.ts), nothing can appear later below a cursor.
 *
 * Documents travel as the database's JSON text (stored as text, storage/sql/011) and go into
 * the response as they are (pullPageJson), never parsed into objects and serialized again.
 */
import { scopeChecksum } from '../../shared/sync/checksum';
import type { PullEntity, PullRequest, PullResponse } from '../../shared/sync/protocol';
import { HttpError } from '../errors';
import type { Storage } from '../storage/types';
import { num } from '../storage/types';
import { scopeFor, scopeSql, type Caller } from './scope';

/** A pulled row with its document as JSON text (as stored: json, checked to be JSON on the way in). */
export interface RawPullRow {
  serverSeq: number;
  entity: PullEntity;
  entityId: string;
  docJson: string;
  deleted: boolean;
}

/** A PullResponse whose rows carry their documents as JSON text. */
export type PullPage = Omit<PullResponse, 'rows'> & { rows: RawPullRow[] };

/** The page as the JSON text of a PullResponse. */
export function pullPageJson(p: PullPage): string {
  const parts: string[] = [`{"epoch":${JSON.stringify(p.epoch)},"rows":[`];
  p.rows.forEach((r, i) => {
    parts.push(
      `${i === 0 ? '' : ','}{"serverSeq":${r.serverSeq},"entity":${JSON.stringify(r.entity)},` +
        `"entityId":${JSON.stringify(r.entityId)},"doc":${r.docJson}${r.deleted ? ',"deleted":true' : ''}}`,
    );
  });
  parts.push(
    `],"nextCursor":${p.nextCursor},"hasMore":${p.hasMore},"checksum":${JSON.stringify(p.checksum)}}`,
  );
  return parts.join('');
}

export async function pullPage(
  storage: Storage,
  caller: Caller,
  req: PullRequest,
): Promise<PullPage> {
  const s = scopeFor(caller);
  const scope = scopeSql(s, 3);
  const whole = scopeSql(s, 1);
  return storage.transaction(
    async (tx) => {
      const state = (
        await tx.query<{ epoch: string; last_seq: unknown }>(
          'SELECT epoch, last_seq FROM sync_state WHERE id = 1',
        )
      ).rows[0] as { epoch: string; last_seq: unknown };
      const lastSeq = num(state.last_seq);
      // A cursor from the future means the server was restored without rotating the epoch:
      // treat it the same way, or the client would silently miss everything up to its cursor.
      if ((req.epoch && req.epoch !== state.epoch) || req.cursor > lastSeq) {
        throw new HttpError('EPOCH_CHANGED', {}, { epoch: state.epoch });
      }
      const { rows } = await tx.query<{
        entity: PullEntity;
        id: string;
        doc: string;
        server_seq: unknown;
        deleted: boolean;
      }>(
        `SELECT entity, id, doc, server_seq, deleted FROM entities
         WHERE server_seq > $1 AND ${scope.sql} ORDER BY server_seq LIMIT $2`,
        [req.cursor, req.limit + 1, ...scope.params],
      );
      const hasMore = rows.length > req.limit;
      const page: RawPullRow[] = rows.slice(0, req.limit).map((r) => ({
        serverSeq: num(r.server_seq),
        entity: r.entity,
        entityId: r.id,
        docJson: r.doc,
        deleted: r.deleted,
      }));
      if (hasMore) {
        return {
          epoch: state.epoch,
          rows: page,
          nextCursor: (page.at(-1) as RawPullRow).serverSeq,
          hasMore,
          checksum: null,
        };
      }
      const all = await tx.query<{ entity: string; id: string; server_seq: unknown }>(
        `SELECT entity, id, server_seq FROM entities WHERE ${whole.sql}`,
        whole.params,
      );
      const checksum = scopeChecksum(
        all.rows.map((r) => ({ entity: r.entity, entityId: r.id, serverSeq: num(r.server_seq) })),
      );
      return { epoch: state.epoch, rows: page, nextCursor: lastSeq, hasMore: false, checksum };
    },
    { snapshot: true },
  );
}
