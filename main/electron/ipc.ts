/**
 * The one IPC channel: `fieldcheck:api` (method, input) → Result. Checks who is asking (our
 * window's main frame, on our origin), that the method exists, and that the input passes the
 * method's schema, before anything reaches the core. Never throws across IPC.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { API, isApiMethod } from '../../shared/api/contract';
import { fail, type Result } from '../../shared/api/result';
import { parseInput } from '../../shared/api/validation';
import { isAppUrl } from './appProtocol';

export const API_CHANNEL = 'fieldcheck:api';

export interface IpcDeps {
  /** The web contents allowed to call the API (our main window's), if any. */
  trustedContents(): WebContents | undefined;
  call(method: string, input: unknown): Promise<Result<unknown>>;
}

export function senderAllowed(
  event: IpcMainInvokeEvent,
  trusted: WebContents | undefined,
): boolean {
  if (!trusted || event.sender.id !== trusted.id) return false;
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  return isAppUrl(frame.url);
}

export async function handleApiCall(
  deps: IpcDeps,
  event: IpcMainInvokeEvent,
  method: unknown,
  input: unknown,
): Promise<Result<unknown>> {
  try {
    if (!senderAllowed(event, deps.trustedContents())) return fail('FORBIDDEN', 'e.forbidden');
    if (!isApiMethod(method))
      return fail('UNKNOWN_METHOD', 'e.unknownMethod', { method: String(method) });
    const parsed = parseInput(API[method].input, input ?? {});
    if (!parsed.ok) return parsed;
    // The core validates again; forward what the page sent, not our parsed copy.
    return await deps.call(method, input ?? {});
  } catch (err) {
    return fail('INTERNAL', 'e.internal', {
      detail: err instanceof Error ? err.message : String(err),
    });
  }
}

export function registerApiIpc(deps: IpcDeps): void {
  ipcMain.handle(API_CHANNEL, (event, method: unknown, input: unknown) =>
    handleApiCall(deps, event, method, input),
  );
}
