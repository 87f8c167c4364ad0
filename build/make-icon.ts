/**
 * Draws build/icon.png (512×512): a round seal — red outer ring, thin blue inner ring, red
 * five-pointed star on white — with 4×4 supersampling. No dependencies: a minimal PNG writer over node:zlib.
 * Run: npx tsx build/make-icon.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const SIZE = 512;
const SS = 4;
type RGBA = [number, number, number, number];

const RED: RGBA = [200, 16, 46, 255];
const BLUE: RGBA = [0, 61, 165, 255];
const WHITE: RGBA = [255, 255, 255, 255];
const CLEAR: RGBA = [0, 0, 0, 0];

const c = SIZE / 2;
const R_OUTER = 248;
const R_RING_IN = 218;
const R_BLUE_OUT = 204;
const R_BLUE_IN = 192;
const R_STAR = 160;

const star: [number, number][] = Array.from({ length: 10 }, (_, i) => {
  const r = i % 2 === 0 ? R_STAR : R_STAR * 0.382;
  const a = -Math.PI / 2 + (i * Math.PI) / 5;
  return [c + r * Math.cos(a), c + 10 + r * Math.sin(a)];
});

function inPolygon(x: number, y: number, poly: [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i] as [number, number];
    const [xj, yj] = poly[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function colourAt(x: number, y: number): RGBA {
  const d = Math.hypot(x - c, y - c);
  if (d > R_OUTER) return CLEAR;
  if (d > R_RING_IN) return RED;
  if (d > R_BLUE_OUT) return WHITE;
  if (d > R_BLUE_IN) return BLUE;
  return inPolygon(x, y, star) ? RED : WHITE;
}

const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let y = 0; y < SIZE; y++) {
  const row = y * (SIZE * 4 + 1);
  raw[row] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const acc = [0, 0, 0, 0];
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const p = colourAt(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS);
        const a = p[3] / 255;
        acc[0] += p[0] * a;
        acc[1] += p[1] * a;
        acc[2] += p[2] * a;
        acc[3] += p[3];
      }
    }
    const n = SS * SS;
    const alpha = acc[3] / n;
    const o = row + 1 + x * 4;
    const un = alpha > 0 ? 255 / alpha / n : 0; // un-premultiply
    raw[o] = Math.round(acc[0] * un);
    raw[o + 1] = Math.round(acc[1] * un);
    raw[o + 2] = Math.round(acc[2] * un);
    raw[o + 3] = Math.round(alpha);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let k = n;
  for (let i = 0; i < 8; i++) k = k & 1 ? 0xedb88320 ^ (k >>> 1) : k >>> 1;
  return k >>> 0;
});
function crc32(buf: Buffer): number {
  let crc = 0xffffffff;
  for (const b of buf) crc = (CRC_TABLE[(crc ^ b) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = path.join(__dirname, 'icon.png');
fs.writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
