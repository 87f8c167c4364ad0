/**
 * The benchmark's device side of the protocol over loopback HTTP. Node's fetch keeps
 * connections alive, so sequential batches reuse one socket and concurrent devices get one each.
 */
import { performance } from 'node:perf_hooks';
import type { PullResponse, PushResponse } from '../../shared/sync/protocol';

async function call<T>(url: string, token: string, body?: Uint8Array<ArrayBuffer>): Promise<T> {
  const res = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body }),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status} ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

/** Sends pre-serialized push bodies one after another; returns each batch's latency (ms). */
export async function pushSequential(
  baseUrl: string,
  token: string,
  bodies: readonly Uint8Array<ArrayBuffer>[],
): Promise<{ latencies: number[]; applied: number }> {
  const latencies: number[] = [];
  let applied = 0;
  for (const body of bodies) {
    const t0 = performance.now();
    const res = await call<PushResponse>(`${baseUrl}/v1/sync/push`, token, body);
    latencies.push(performance.now() - t0);
    for (const r of res.results) {
      if (r.status !== 'applied' || r.replayed)
        throw new Error(`mutation ${r.seq} not applied: ${JSON.stringify(r).slice(0, 500)}`);
    }
    applied += res.results.length;
  }
  return { latencies, applied };
}

/** Pulls everything from cursor 0 in pages of `limit`; returns the rows counted by entity. */
export async function pullAll(
  baseUrl: string,
  token: string,
  limit: number,
): Promise<{ byEntity: Record<string, number>; pages: number }> {
  let cursor = 0;
  let epoch: string | null = null;
  const byEntity: Record<string, number> = {};
  let pages = 0;
  for (;;) {
    const q: string = `cursor=${cursor}&limit=${limit}${epoch ? `&epoch=${epoch}` : ''}`;
    const page: PullResponse = await call<PullResponse>(`${baseUrl}/v1/sync/pull?${q}`, token);
    pages++;
    for (const row of page.rows) byEntity[row.entity] = (byEntity[row.entity] ?? 0) + 1;
    cursor = page.nextCursor;
    epoch = page.epoch;
    if (!page.hasMore) return { byEntity, pages };
  }
}
