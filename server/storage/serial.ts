import type { Queryable, QueryOptions } from './types';

/**
 * A view of a transaction that runs statements strictly one after another, in call order,
 * without waiting for the caller: a statement can be sent now and awaited later while the next
 * is prepared, and the driver is never handed two at once (pg deprecates queueing on a client).
 */
export function serialQueryable(q: Queryable): Queryable {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    query<T>(sql: string, params?: readonly unknown[], opts?: QueryOptions) {
      const run = tail.then(() => q.query<T>(sql, params, opts));
      tail = run.catch(() => undefined);
      return run;
    },
  };
}
