/**
 * What every web contents and session of the app is allowed to do: nothing beyond showing
 * our own page. No navigation, no new windows, no <webview>, no permissions.
 */
import { app, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../securityHeaders';

/** Permissions the app needs. Empty for now; the camera (`media`) comes with photo capture. */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set<string>();

export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_wc, permission, callback) => {
    callback(ALLOWED_PERMISSIONS.has(permission));
  });
  ses.setPermissionCheckHandler((_wc, permission) => ALLOWED_PERMISSIONS.has(permission));
  ses.setDevicePermissionHandler(() => false);
  // Belt and braces: anything that reaches the page over the network also gets our CSP.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
}

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Applies hardenWebContents to every web contents the app ever creates. */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
