/**
 * The benchmark's device side of the protocol over loopback HTTP: node:http with keep-alive, so
 * a device's requests reuse their sockets (one per request in flight) and concurrent devices get
 * their own. (Lighter on the benchmark process than fetch, which copies every body it sends.)
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { PUSH_BODY_TYPE } from '../../shared/sync/pushBody';
import { PUSH_WINDOW, type PullResponse, type PushResponse } from '../../shared/sync/protocol';

const agent = new http.Agent({ keepAlive: true });

function call<T>(url: string, token: string, body?: Uint8Array): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const req = http.request(
      url,
      {
        agent,
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined
            ? {}
            : { 'content-type': PUSH_BODY_TYPE, 'content-length': String(body.byteLength) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200)
            reject(new Error(`${url}: HTTP ${res.statusCode} ${text.slice(0, 500)}`));
          else resolve(JSON.parse(text) as T);
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Sends pre-serialized push bodies in order with up to `window` requests in flight, as the app
 * does (PUSH_WINDOW, core/sync/push.ts); returns each batch's latency (ms).
 */
export async function pushSequential(
  baseUrl: string,
  token: string,
  bodies: readonly Uint8Array[],
  window = PUSH_WINDOW,
): Promise<{ latencies: number[]; applied: number }> {
  const latencies: number[] = [];
  let applied = 0;
  const send = async (body: Uint8Array) => {
    const t0 = performance.now();
    const res = await call<PushResponse>(`${baseUrl}/v1/sync/push`, token, body);
    return { res, ms: performance.now() - t0 };
  };
  const inFlight: ReturnType<typeof send>[] = [];
  let next = 0;
  while (next < bodies.length || inFlight.length > 0) {
    // The first batch goes alone, as the app sends it (core/sync/push.ts).
    while (next < bodies.length && inFlight.length < (latencies.length > 0 ? window : 1)) {
      const p = send(bodies[next++] as Uint8Array);
      p.catch(() => undefined);
      inFlight.push(p);
    }
    const { res, ms } = await (inFlight.shift() as ReturnType<typeof send>);
    latencies.push(ms);
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
