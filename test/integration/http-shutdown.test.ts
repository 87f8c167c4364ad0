/**
 * The browser host's edges that need a controllable core: graceful shutdown (in-flight
 * requests finish before the core closes) and the default 2 MB body limit against real
 * fetch uploads. The core is a stub here; http-transport.test.ts uses the real one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ok } from '../../shared/api/result';
import { SECRET_HEADER } from '../../shared/api/httpClient';
import { startBrowserHost, type BrowserHost } from '../../main/browserShell/server';

const events: string[] = [];

jest.mock('../../core/index', () => ({
  openCore: () => ({
    dispatch: async (method: string) => {
      if (method === 'slow') {
        events.push('slow:start');
        await new Promise((r) => setTimeout(r, 400));
        events.push('slow:end');
      }
      return ok(method);
    },
    close: () => {
      events.push('core:close');
    },
  }),
}));

describe('browser host lifecycle and limits', () => {
  let tmp: string;
  let host: BrowserHost;

  const post = (method: string, body: BodyInit, init: Partial<RequestInit> = {}) =>
    fetch(`${host.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SECRET_HEADER]: host.secret },
      body,
      ...init,
    });

  beforeEach(async () => {
    events.length = 0;
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldcheck-host-'));
    host = await startBrowserHost({ dataDir: tmp, rendererDir: tmp, port: 0 });
  });

  afterEach(async () => {
    await host.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('refuses a body over 2 MB with 413 and a Result, with and without Content-Length', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) });
    const declared = await post('app.info', big);
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

    const chunk = new TextEncoder().encode('x'.repeat(256 * 1024));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 12; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const streamed = await post('app.info', stream, { duplex: 'half' } as Partial<RequestInit>);
    expect(streamed.status).toBe(413);

    const justUnder = await post(
      'app.info',
      JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024 - 20) }),
    );
    expect(justUnder.status).toBe(200);
  });

  it('close() lets in-flight requests finish, then closes the core and stops listening', async () => {
    const inFlight = post('slow', '{}');
    while (!events.includes('slow:start')) await new Promise((r) => setTimeout(r, 10));
    await host.close();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, value: 'slow' });
    expect(events).toEqual(['slow:start', 'slow:end', 'core:close']);
    await expect(fetch(`${host.origin}/`)).rejects.toThrow();
  });
});
