/**
 * Maps a request path to a file inside the renderer's build folder, refusing anything that
 * could leave it. Shared by the browser shell's static server and Electron's app:// protocol.
 */
import path from 'node:path';

export type RendererPath =
  | { kind: 'file'; file: string }
  /** A path without an extension: a client-side route, answered with index.html. */
  | { kind: 'route'; file: string }
  | { kind: 'refused'; reason: string };

/**
 * `rawPath` is the URL path as received (still percent-encoded, no query). Traversal is
 * refused outright (not normalised away), whether written as `..`, `%2e%2e`, or with
 * backslashes; the resolved file must also stay under `root`.
 */
export function resolveRendererPath(root: string, rawPath: string): RendererPath {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'refused', reason: 'bad encoding' };
  }
  if (decoded.includes('\0')) return { kind: 'refused', reason: 'NUL in path' };
  const segments = decoded.split(/[/\\]+/);
  if (segments.some((s) => s === '..' || s === '.'))
    return { kind: 'refused', reason: 'traversal' };
  if (/^[a-zA-Z]:/.test(segments[1] ?? '')) return { kind: 'refused', reason: 'drive path' };
  const rel = segments.filter((s) => s !== '').join('/');
  const index = path.join(root, 'index.html');
  if (rel === '' || rel === 'index.html') return { kind: 'file', file: index };
  const file = path.resolve(root, rel);
  if (!file.startsWith(path.resolve(root) + path.sep))
    return { kind: 'refused', reason: 'outside root' };
  // Dot-files (e.g. .DS_Store, .env) are never part of the renderer.
  if (segments.some((s) => s.startsWith('.'))) return { kind: 'refused', reason: 'hidden file' };
  if (path.extname(rel) === '') return { kind: 'route', file: index };
  return { kind: 'file', file };
}
