import type { Queryable, QueryOptions, RowSet } from './types';

/**
 * A view of a transaction that runs statements strictly one after another, in call order,
 * without waiting for the caller: a statement can be sent now and awaited later while the next
 * is prepared, and the driver is never handed two at once (pg deprecates queueing on a client).
 * Bulk inserts (insertRows) take their turn in the same order.
 *
 * Once a statement fails, the ones after it are not sent and fail with its error: the
 * transaction is aborted by then (the database would refuse each with "current transaction is
 * aborted"), and whoever awaits a later one learns the cause, not that echo.
 */
export function serialQueryable(q: Queryable): Queryable {
  let tail: Promise<unknown> = Promise.resolve();
  let failed: { error: unknown } | null = null;
  const inTurn = <T>(run: () => Promise<T>): Promise<T> => {
    const p = tail.then(() => {
      if (failed) throw failed.error;
      return run();
    });
    tail = p.catch((error: unknown) => {
      failed ??= { error };
    });
    return p;
  };
  const out: Queryable = {
    query<T>(sql: string, params?: readonly unknown[], opts?: QueryOptions) {
      return inTurn(() => q.query<T>(sql, params, opts));
    },
  };
  const bulk = q.insertRows?.bind(q);
  if (bulk) out.insertRows = (sets: readonly RowSet[]) => inTurn(() => bulk(sets));
  return out;
}
