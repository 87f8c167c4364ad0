/**
 * The one entry point every transport uses: method name and raw input in, Result out.
 * Validation happens here, so an invalid input never reaches a handler or the store.
 */
import { API, isApiMethod, type ApiHandlers, type ApiMethod } from '../shared/api/contract';
import { fail, type Result } from '../shared/api/result';
import { parseInput } from '../shared/api/validation';
import { withStorableText } from '../shared/sync/unstorableText';
import { storageErrorToResult } from './storageErrors';

export type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>;

export function createDispatch(handlers: ApiHandlers): Dispatch {
  return async (method, input) => {
    if (!isApiMethod(method))
      return fail('UNKNOWN_METHOD', 'e.unknownMethod', { method: String(method) });
    // U+0000 and lone surrogates (pasted) become U+FFFD here, before anything is stored: the
    // server's database cannot hold them, so they would stop the record's sync and its audit
    // upload (shared/sync/unstorableText.ts).
    const parsed = parseInput(API[method].input, withStorableText(input ?? {}));
    if (!parsed.ok) return parsed;
    try {
      const handler = handlers[method] as (
        i: unknown,
      ) => Result<unknown> | Promise<Result<unknown>>;
      return await handler(parsed.value);
    } catch (err) {
      return storageErrorToResult(err, method);
    }
  };
}

export type { ApiMethod };
