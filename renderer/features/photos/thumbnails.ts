/**
 * Thumbnails by content hash. A photo is read once from the core and shrunk to a small JPEG,
 * so a grid of twenty 8 MB photos holds kilobytes, not hundreds of megabytes, and a hash
 * never changes content, so the cache never goes stale.
 */
import { api } from '../../api/client';
import type { MessageRef } from '../../../shared/api/result';
import { dataUrl } from './fileData';

const THUMB_PX = 360;
const MAX_CACHED = 200;
const cache = new Map<string, Promise<Loaded>>();

function shrink(src: string): Promise<string> {
  return new Promise((resolve) => {
    const img = new Image();
    img.onload = () => {
      const scale = Math.min(1, THUMB_PX / Math.max(img.naturalWidth, img.naturalHeight));
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
      canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
      const ctx = canvas.getContext('2d');
      if (!ctx) return resolve(src);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      resolve(canvas.toDataURL('image/jpeg', 0.82));
    };
    // A file the browser cannot decode still gets its tile (with the file name), not a crash.
    img.onerror = () => resolve(src);
    img.src = src;
  });
}

export type Loaded = { url: string } | { error: MessageRef };

/**
 * The full file as a data: URL (the CSP allows data: images), for the preview. On a device
 * that pulled only the metadata the core fetches the bytes from the server first, which can
 * fail while offline (e.fileNotDownloaded).
 */
export async function readFull(sha256: string): Promise<Loaded> {
  const r = await api()['attachments.read']({ sha256 });
  return r.ok ? { url: dataUrl(r.value.mimeType, r.value.dataBase64) } : { error: r.error.message };
}

/** Only images get a thumbnail; callers show a PDF mark for the rest. */
export function thumbnail(sha256: string): Promise<Loaded> {
  const hit = cache.get(sha256);
  if (hit) return hit;
  const job = (async (): Promise<Loaded> => {
    const full = await readFull(sha256);
    return 'url' in full ? { url: await shrink(full.url) } : full;
  })();
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(sha256, job);
  // A failed read may succeed later (the file reaches the server, the network returns).
  void job.then((v) => {
    if ('error' in v) cache.delete(sha256);
  });
  return job;
}
