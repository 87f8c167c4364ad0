/**
 * The signature pad's logic, free of the DOM: strokes as lists of points (no pressure: every
 * line is drawn the same width, whatever device drew it), undo and clear, and the export to a
 * PNG — black ink on a transparent background, cropped to the ink — rasterised and encoded
 * here, so the file is the same in every shell and can be checked in a plain unit test.
 */

export interface Point {
  x: number;
  y: number;
}
export type Stroke = readonly Point[];

/** Line width in the pad's own (CSS pixel) coordinates. */
export const INK_WIDTH = 3;

export const isBlank = (strokes: readonly Stroke[]): boolean =>
  strokes.every((s) => s.length === 0);

export const withoutLast = (strokes: readonly Stroke[]): Stroke[] => strokes.slice(0, -1);

/** Adds a point to the stroke being drawn (the last one); repeats of the last point are dropped. */
export function extend(strokes: readonly Stroke[], p: Point): Stroke[] {
  const last = strokes.at(-1);
  if (!last) return [[p]];
  const prev = last.at(-1);
  if (prev && prev.x === p.x && prev.y === p.y) return [...strokes];
  return [...strokes.slice(0, -1), [...last, p]];
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The ink's extent, widened by half the line width; null when nothing was drawn. */
export function inkBounds(strokes: readonly Stroke[], width = INK_WIDTH): Box | null {
  const points = strokes.flat();
  if (points.length === 0) return null;
  const half = width / 2;
  return {
    left: Math.min(...points.map((p) => p.x)) - half,
    top: Math.min(...points.map((p) => p.y)) - half,
    right: Math.max(...points.map((p) => p.x)) + half,
    bottom: Math.max(...points.map((p) => p.y)) + half,
  };
}

/** Distance from p to the segment a–b. */
function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

export interface Raster {
  width: number;
  height: number;
  /** Ink coverage per pixel, 0..255, row by row. */
  alpha: Uint8Array;
}

/**
 * The strokes as a coverage mask, `scale` pixels per pad unit, cropped to the ink plus a margin.
 * Each pixel's coverage falls off over one pixel at the line's edge (anti-aliasing).
 */
export function rasterize(
  strokes: readonly Stroke[],
  opts: { scale?: number; width?: number; margin?: number } = {},
): Raster | null {
  const scale = opts.scale ?? 2;
  const lineWidth = (opts.width ?? INK_WIDTH) * scale;
  const margin = (opts.margin ?? 4) * scale;
  const box = inkBounds(strokes, opts.width ?? INK_WIDTH);
  if (!box) return null;
  const ox = box.left * scale - margin;
  const oy = box.top * scale - margin;
  const width = Math.ceil((box.right - box.left) * scale + 2 * margin);
  const height = Math.ceil((box.bottom - box.top) * scale + 2 * margin);
  const alpha = new Uint8Array(width * height);
  const r = lineWidth / 2;
  for (const stroke of strokes) {
    const pts = stroke.map((p) => ({ x: p.x * scale - ox, y: p.y * scale - oy }));
    const segments =
      pts.length === 1 ? [[pts[0], pts[0]]] : pts.slice(1).map((b, i) => [pts[i], b]);
    for (const [a, b] of segments as [Point, Point][]) {
      const x0 = Math.max(0, Math.floor(Math.min(a.x, b.x) - r - 1));
      const x1 = Math.min(width - 1, Math.ceil(Math.max(a.x, b.x) + r + 1));
      const y0 = Math.max(0, Math.floor(Math.min(a.y, b.y) - r - 1));
      const y1 = Math.min(height - 1, Math.ceil(Math.max(a.y, b.y) + r + 1));
      for (let y = y0; y <= y1; y++) {
        for (let x = x0; x <= x1; x++) {
          const d = segmentDistance({ x: x + 0.5, y: y + 0.5 }, a, b);
          const cover = Math.max(0, Math.min(1, r + 0.5 - d));
          const i = y * width + x;
          const v = Math.round(cover * 255);
          if (v > (alpha[i] as number)) alpha[i] = v;
        }
      }
    }
  }
  return { width, height, alpha };
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** zlib (RFC 1950) compression, as the PNG IDAT chunk holds it; the platform's own deflate. */
async function zlib(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A grey + alpha PNG: black ink whose opacity is the raster's coverage. */
export async function encodePng(raster: Raster): Promise<Uint8Array> {
  const { width, height, alpha } = raster;
  const header = new Uint8Array(13);
  const hv = new DataView(header.buffer);
  hv.setUint32(0, width);
  hv.setUint32(4, height);
  header.set([8, 4, 0, 0, 0], 8); // 8 bits, grey + alpha, deflate, adaptive filters, no interlace
  const rowBytes = 1 + width * 2;
  const pixels = new Uint8Array(rowBytes * height); // grey 0 = black; filter byte 0 per row
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++)
      pixels[y * rowBytes + 1 + x * 2 + 1] = alpha[y * width + x] as number;
  }
  const parts = [
    Uint8Array.from(PNG_SIGNATURE),
    chunk('IHDR', header),
    chunk('IDAT', await zlib(pixels)),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The signature as PNG bytes, or null when nothing was drawn. */
export async function exportPng(
  strokes: readonly Stroke[],
  opts?: Parameters<typeof rasterize>[1],
): Promise<Uint8Array | null> {
  const raster = rasterize(strokes, opts);
  return raster ? encodePng(raster) : null;
}
