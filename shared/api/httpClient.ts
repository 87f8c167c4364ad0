/**
 * The HTTP transport's client side: the same FieldcheckApi over `fetch`. Used by the renderer
 * in the browser shell and by tests that drive the API through HTTP.
 */
import { API_METHODS, apiPath, type FieldcheckApi } from './contract';
import { fail, type Result } from './result';

/** Header that carries the per-launch secret of the browser shell. */
export const SECRET_HEADER = 'x-fieldcheck-secret';

export interface HttpClientOptions {
  baseUrl: string;
  secret: string;
  fetch?: typeof fetch;
}

export function createHttpClient(opts: HttpClientOptions): FieldcheckApi {
  const doFetch = opts.fetch ?? fetch;
  const call = async (method: string, input: unknown): Promise<Result<unknown>> => {
    let res: Response;
    try {
      res = await doFetch(`${opts.baseUrl}${apiPath(method as never)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SECRET_HEADER]: opts.secret },
        body: JSON.stringify(input ?? {}),
      });
    } catch (err) {
      return fail('TRANSPORT', 'e.transport', {
        detail: err instanceof Error ? err.message : String(err),
      });
    }
    try {
      return (await res.json()) as Result<unknown>;
    } catch {
      return fail('TRANSPORT', 'e.transport', { detail: `HTTP ${res.status}` });
    }
  };
  return Object.fromEntries(
    API_METHODS.map((m) => [m, (input: unknown) => call(m, input)]),
  ) as unknown as FieldcheckApi;
}
