/**
 * Who may talk to the host. Loopback alone is not enough: a web page in any browser on this
 * computer can send requests to 127.0.0.1, and DNS rebinding can make such a page look
 * same-origin. So the Host header must name us exactly, API calls from a browser must come
 * from our own origin, and (checked elsewhere) every API call carries the per-launch secret.
 */
import type { IncomingMessage } from 'node:http';

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function allowedOrigins(port: number): string[] {
  return allowedHosts(port).map((h) => `http://${h}`);
}

/** The Host header is exactly `127.0.0.1:<port>` or `localhost:<port>` (DNS-rebinding defence). */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return typeof host === 'string' && allowedHosts(port).includes(host.toLowerCase());
}

/**
 * API calls: an Origin header, when present, must be our own origin; a browser's
 * Sec-Fetch-Site, when present, must say the request is same-origin. Non-browser clients
 * (tests, curl) send neither and are held by the secret instead.
 */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedOrigins(port).includes(origin.toLowerCase())) return false;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  return true;
}

/** `application/json`, optionally with parameters such as `; charset=utf-8`. */
export function isJsonContentType(req: IncomingMessage): boolean {
  const type = req.headers['content-type'];
  if (typeof type !== 'string') return false;
  return type.split(';')[0]?.trim().toLowerCase() === 'application/json';
}
