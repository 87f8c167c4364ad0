/**
 * Finds the API for this page. Electron's preload exposes `window.fieldcheck`; the browser
 * shell instead hands a per-launch secret in the URL fragment, which we move to
 * sessionStorage (so a reload keeps working) and strip from the address bar (so it is not
 * bookmarked, copied or shown on screen).
 */
import type { FieldcheckApi } from '../../shared/api/contract';
import { createHttpClient } from '../../shared/api/httpClient';

declare global {
  interface Window {
    fieldcheck?: FieldcheckApi;
  }
}

const SECRET_KEY = 'fieldcheck.secret';
const SECRET_PARAM = /(?:^#|&)secret=([0-9a-fA-F]+)/;

function takeSecretFromFragment(): string | null {
  const match = SECRET_PARAM.exec(location.hash);
  if (!match?.[1]) return null;
  const secret = match[1];
  sessionStorage.setItem(SECRET_KEY, secret);
  history.replaceState(null, '', `${location.pathname}${location.search}#/`);
  return secret;
}

export function resolveApi(): FieldcheckApi | null {
  if (window.fieldcheck) return window.fieldcheck;
  const secret = takeSecretFromFragment() ?? sessionStorage.getItem(SECRET_KEY);
  if (!secret) return null;
  return createHttpClient({ baseUrl: location.origin, secret });
}
