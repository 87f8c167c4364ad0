/**
 * What every web contents and session of the app is allowed to do: nothing beyond showing
 * our own page. No navigation, no new windows, no <webview>, and one permission: the camera
 * (`media`, video only) for our own app:// page, for on-site photos.
 */
import { app, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../securityHeaders';
import { APP_ORIGIN, isAppUrl } from './appProtocol';

/** Camera only: a request that also asks for the microphone (or anything else) is refused. */
function isOwnCameraRequest(
  permission: string,
  url: string | undefined,
  mediaTypes: readonly string[] | undefined,
): boolean {
  if (permission !== 'media' || !url || !isAppUrl(url)) return false;
  return mediaTypes === undefined || mediaTypes.every((m) => m === 'video');
}

export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_wc, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(isOwnCameraRequest(permission, details.requestingUrl, mediaTypes));
  });
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin, details) => {
    if (permission !== 'media' || requestingOrigin !== APP_ORIGIN) return false;
    return details.mediaType === undefined || details.mediaType === 'video';
  });
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
