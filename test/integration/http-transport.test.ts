/**
 * The browser shell's HTTP transport, end to end in one process: the real host, the real core
 * on a temp data folder, the real client (shared/api/httpClient). Then the refusals: secret,
 * Host, Origin, preflight, method, content type, body size, malformed JSON, traversal.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startBrowserHost, type BrowserHost } from '../../main/browserShell/server';
import { createHttpClient, SECRET_HEADER } from '../../shared/api/httpClient';
import type { FieldcheckApi } from '../../shared/api/contract';
import { creditCodeCheckChar } from '../../shared/domain/creditCode';
import type { EnterpriseFormValues } from '../../shared/schemas/enterprise';
import { CONTENT_SECURITY_POLICY } from '../../main/securityHeaders';

const BODY_LIMIT = 64 * 1024;

function validCreditCode(body17: string): string {
  const check = creditCodeCheckChar(body17);
  if (!check) throw new Error(`bad test code ${body17}`);
  return body17 + check;
}

const enterprise = (creditCode: string, name = '沈阳示例玩具有限公司'): EnterpriseFormValues => ({
  name,
  creditCode,
  address: '沈阳市和平区南京北街1号',
  regionCode: '210100',
  legalRepresentative: '张三',
  contactPerson: '李四',
  contactPhone: '024-12345678',
  licenceType: '',
  licenceNumber: '',
  creditGrade: '',
  listStatus: 'none',
});

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** node:http, so Host and other forbidden-in-fetch headers can be set freely. */
function raw(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: opts.headers,
        setHost:
          !opts.headers || !Object.keys(opts.headers).some((h) => h.toLowerCase() === 'host'),
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

function errorOf(body: string): { code: string; message: { key: string } } {
  const parsed = JSON.parse(body) as {
    ok: boolean;
    error?: { code: string; message: { key: string } };
  };
  expect(parsed.ok).toBe(false);
  if (!parsed.error) throw new Error('no error in body');
  return parsed.error;
}

describe('browser shell HTTP transport', () => {
  let dataDir: string;
  let rendererDir: string;
  let host: BrowserHost;
  let api: FieldcheckApi;

  beforeAll(async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldcheck-http-'));
    dataDir = path.join(tmp, 'data');
    rendererDir = path.join(tmp, 'renderer');
    fs.mkdirSync(dataDir);
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(
      path.join(rendererDir, 'index.html'),
      '<!doctype html><html><head><script src="app.js"></script></head><body>fieldcheck-test-index</body></html>',
    );
    fs.writeFileSync(path.join(rendererDir, 'app.js'), 'console.log("app");');
    fs.writeFileSync(path.join(rendererDir, 'styles.css'), 'body{}');
    fs.writeFileSync(path.join(tmp, 'secret.txt'), 'outside the renderer folder');
    host = await startBrowserHost({ dataDir, rendererDir, port: 0, bodyLimit: BODY_LIMIT });
    api = createHttpClient({ baseUrl: host.origin, secret: host.secret });
  });

  afterAll(async () => {
    await host?.close();
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  const apiHeaders = (extra: Record<string, string> = {}) => ({
    'content-type': 'application/json',
    [SECRET_HEADER]: host.secret,
    ...extra,
  });

  const enterpriseTotal = async (): Promise<number> => {
    const r = await api['enterprise.list']({});
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value.total;
  };

  describe('startup', () => {
    it('listens on loopback with a 64-hex-digit secret delivered in the URL fragment', () => {
      expect(host.origin).toBe(`http://127.0.0.1:${host.port}`);
      expect(host.secret).toMatch(/^[0-9a-f]{64}$/);
      expect(host.url).toBe(`${host.origin}/#secret=${host.secret}`);
    });
  });

  describe('through the HTTP client', () => {
    it('sets up the profile and creates an enterprise', async () => {
      const profile = await api['profile.setup']({
        name: '王检查',
        credentialNumber: 'LN-2014-0001',
        unitName: '沈阳市质量技术监督局',
        regionCode: '210100',
      });
      expect(profile).toMatchObject({ ok: true, value: { name: '王检查' } });

      const created = await api['enterprise.create'](
        enterprise(validCreditCode('91210100MA0000001')),
      );
      expect(created.ok).toBe(true);
      if (!created.ok) return;
      expect(created.value.id).toMatch(/^[0-9a-f-]{36}$/);

      const got = await api['enterprise.get']({ id: created.value.id });
      expect(got).toMatchObject({ ok: true, value: { name: '沈阳示例玩具有限公司' } });
      expect(await enterpriseTotal()).toBe(1);
    });

    it('answers invalid input with VALIDATION and field errors (HTTP 400)', async () => {
      const bad = enterprise('91210100MA00000010'); // wrong check character
      const res = await fetch(`${host.origin}/api/enterprise.create`, {
        method: 'POST',
        headers: apiHeaders(),
        body: JSON.stringify(bad),
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as {
        ok: false;
        error: { code: string; fieldErrors?: Record<string, { key: string }> };
      };
      expect(body.ok).toBe(false);
      expect(body.error.code).toBe('VALIDATION');
      expect(body.error.fieldErrors?.creditCode?.key).toMatch(/^v\.creditCode\./);

      const viaClient = await api['enterprise.create']({ ...bad, name: '' });
      expect(viaClient.ok).toBe(false);
      if (viaClient.ok) return;
      expect(viaClient.error.fieldErrors).toHaveProperty('name');
      expect(viaClient.error.fieldErrors).toHaveProperty('creditCode');
    });

    it('answers an unknown method with 404 UNKNOWN_METHOD', async () => {
      const res = await raw(host.port, {
        method: 'POST',
        path: '/api/enterprise.dropAll',
        headers: apiHeaders(),
        body: '{}',
      });
      expect(res.status).toBe(404);
      expect(errorOf(res.body).code).toBe('UNKNOWN_METHOD');
    });
  });

  describe('refusals', () => {
    const createBody = () =>
      JSON.stringify(enterprise(validCreditCode('91210100MA0000002'), '不应写入的企业'));

    it('refuses a missing secret with 401', async () => {
      const res = await raw(host.port, {
        method: 'POST',
        path: '/api/enterprise.create',
        headers: { 'content-type': 'application/json' },
        body: createBody(),
      });
      expect(res.status).toBe(401);
      expect(errorOf(res.body)).toMatchObject({
        code: 'UNAUTHORIZED',
        message: { key: 'e.unauthorized' },
      });
    });

    it('refuses a wrong secret with 401 (same length and different length)', async () => {
      for (const wrong of ['0'.repeat(64), 'abc', `${host.secret}00`]) {
        const res = await raw(host.port, {
          method: 'POST',
          path: '/api/enterprise.create',
          headers: apiHeaders({ [SECRET_HEADER]: wrong }),
          body: createBody(),
        });
        expect(res.status).toBe(401);
        expect(errorOf(res.body).code).toBe('UNAUTHORIZED');
      }
    });

    it('refuses a foreign Origin with 403, even with the right secret', async () => {
      for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${host.port + 1}`]) {
        const res = await raw(host.port, {
          method: 'POST',
          path: '/api/enterprise.create',
          headers: apiHeaders({ origin }),
          body: createBody(),
        });
        expect(res.status).toBe(403);
        expect(errorOf(res.body)).toMatchObject({
          code: 'FORBIDDEN',
          message: { key: 'e.forbidden' },
        });
      }
    });

    it('accepts its own Origin (both loopback spellings)', async () => {
      for (const origin of [host.origin, `http://localhost:${host.port}`]) {
        const res = await raw(host.port, {
          method: 'POST',
          path: '/api/app.info',
          headers: apiHeaders({ origin }),
          body: '{}',
        });
        expect(res.status).toBe(200);
      }
    });

    it('refuses a cross-site fetch (Sec-Fetch-Site) with 403', async () => {
      const res = await raw(host.port, {
        method: 'POST',
        path: '/api/enterprise.create',
        headers: apiHeaders({ 'sec-fetch-site': 'cross-site' }),
        body: createBody(),
      });
      expect(res.status).toBe(403);
    });

    it('refuses a wrong Host header with 403 (DNS rebinding), for the API and static files', async () => {
      for (const hostHeader of [
        'evil.example',
        `evil.example:${host.port}`,
        '127.0.0.1',
        `127.0.0.1:${host.port + 1}`,
      ]) {
        const apiRes = await raw(host.port, {
          method: 'POST',
          path: '/api/enterprise.create',
          headers: apiHeaders({ host: hostHeader }),
          body: createBody(),
        });
        expect(apiRes.status).toBe(403);
        const page = await raw(host.port, { path: '/', headers: { host: hostHeader } });
        expect(page.status).toBe(403);
        expect(page.body).not.toContain('fieldcheck-test-index');
      }
      const ok = await raw(host.port, { path: '/', headers: { host: `localhost:${host.port}` } });
      expect(ok.status).toBe(200);
    });

    it('refuses CORS preflights with 403 and never sends CORS headers', async () => {
      const res = await raw(host.port, {
        method: 'OPTIONS',
        path: '/api/enterprise.create',
        headers: {
          origin: 'http://evil.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': `content-type,${SECRET_HEADER}`,
        },
      });
      expect(res.status).toBe(403);
      expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
      const ok = await raw(host.port, {
        method: 'POST',
        path: '/api/app.info',
        headers: apiHeaders(),
        body: '{}',
      });
      expect(Object.keys(ok.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    });

    it('refuses malformed JSON with 400 BAD_REQUEST', async () => {
      const res = await raw(host.port, {
        method: 'POST',
        path: '/api/enterprise.create',
        headers: apiHeaders(),
        body: '{"name": "x",',
      });
      expect(res.status).toBe(400);
      expect(errorOf(res.body)).toMatchObject({
        code: 'BAD_REQUEST',
        message: { key: 'e.badRequest' },
      });
    });

    it('refuses a non-JSON content type with 415', async () => {
      const res = await raw(host.port, {
        method: 'POST',
        path: '/api/enterprise.create',
        headers: apiHeaders({ 'content-type': 'text/plain' }),
        body: createBody(),
      });
      expect(res.status).toBe(415);
      expect(errorOf(res.body).code).toBe('BAD_REQUEST');
    });

    it('refuses an oversized body with 413 (declared and chunked)', async () => {
      const big = JSON.stringify({
        ...enterprise(validCreditCode('91210100MA0000002')),
        pad: 'x'.repeat(BODY_LIMIT),
      });
      const declared = await raw(host.port, {
        method: 'POST',
        path: '/api/enterprise.create',
        headers: apiHeaders(),
        body: big,
      });
      expect(declared.status).toBe(413);
      expect(errorOf(declared.body).code).toBe('BAD_REQUEST');

      const chunked = await new Promise<number>((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port: host.port,
            method: 'POST',
            path: '/api/enterprise.create',
            headers: apiHeaders(),
            agent: false,
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.write(big.slice(0, BODY_LIMIT / 2));
        req.write(big.slice(BODY_LIMIT / 2));
        req.end();
      });
      expect(chunked).toBe(413);
    });

    it('refuses GET on the API with 405 and an Allow header', async () => {
      const res = await raw(host.port, {
        path: '/api/app.info',
        headers: { [SECRET_HEADER]: host.secret },
      });
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('POST');
      expect(errorOf(res.body).code).toBe('BAD_REQUEST');
    });

    it('wrote nothing for any refused request', async () => {
      expect(await enterpriseTotal()).toBe(1);
      const list = await api['enterprise.list']({ q: '不应写入' });
      expect(list).toMatchObject({ ok: true, value: { total: 0 } });
    });
  });

  describe('static files', () => {
    it('serves index.html with a strict CSP and the other security headers', async () => {
      const res = await raw(host.port, { path: '/' });
      expect(res.status).toBe(200);
      expect(res.body).toContain('fieldcheck-test-index');
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers['content-security-policy']).toContain("script-src 'self';");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cache-control']).toBe('no-store');
      // The secret travels only in the fragment: the page itself does not contain it.
      expect(res.body).not.toContain(host.secret);
    });

    it('serves assets with their content types', async () => {
      const js = await raw(host.port, { path: '/app.js' });
      expect(js.status).toBe(200);
      expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
      const css = await raw(host.port, { path: '/styles.css?v=1' });
      expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    });

    it('falls back to index.html for client routes, 404 for missing files', async () => {
      const route = await raw(host.port, { path: '/enterprises/new' });
      expect(route.status).toBe(200);
      expect(route.body).toContain('fieldcheck-test-index');
      const missing = await raw(host.port, { path: '/missing.js' });
      expect(missing.status).toBe(404);
    });

    it('refuses path traversal in every spelling', async () => {
      for (const p of [
        '/../package.json',
        '/../secret.txt',
        '/%2e%2e/secret.txt',
        '/%2E%2E%2Fsecret.txt',
        '/assets/..%2f..%2fsecret.txt',
        '/..%5csecret.txt',
        '/.%2e/secret.txt',
        '/%00index.html',
        '/.env',
      ]) {
        const res = await raw(host.port, { path: p });
        expect([400, 404]).toContain(res.status);
        expect(res.body).not.toContain('outside the renderer folder');
        expect(res.body).not.toContain('"name": "fieldcheck"');
      }
    });

    it('allows only GET and HEAD for static files', async () => {
      const res = await raw(host.port, { method: 'POST', path: '/index.html', body: '' });
      expect(res.status).toBe(405);
      const head = await raw(host.port, { method: 'HEAD', path: '/' });
      expect(head.status).toBe(200);
      expect(head.body).toBe('');
    });
  });
});
