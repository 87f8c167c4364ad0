/**
 * The signature pad's pure logic: strokes, undo, and the PNG export (checked by parsing the
 * file with Node's own zlib and CRC, not with the encoder's code).
 */
import zlib from 'node:zlib';
import {
  exportPng,
  extend,
  inkBounds,
  isBlank,
  withoutLast,
  type Stroke,
} from '../../renderer/features/signatures/padModel';

interface Decoded {
  width: number;
  height: number;
  colorType: number;
  /** [grey, alpha] per pixel. */
  pixel(x: number, y: number): [number, number];
}

function decodePng(bytes: Uint8Array): Decoded {
  const buf = Buffer.from(bytes);
  expect([...buf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let at = 8;
  const chunks: { type: string; data: Buffer }[] = [];
  while (at < buf.length) {
    const len = buf.readUInt32BE(at);
    const type = buf.subarray(at + 4, at + 8).toString('ascii');
    const data = buf.subarray(at + 8, at + 8 + len);
    expect(buf.readUInt32BE(at + 8 + len)).toBe(zlib.crc32(buf.subarray(at + 4, at + 8 + len)));
    chunks.push({ type, data });
    at += 12 + len;
  }
  expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
  const ihdr = chunks[0]?.data as Buffer;
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  expect([ihdr[8], ihdr[10], ihdr[11], ihdr[12]]).toEqual([8, 0, 0, 0]);
  const raw = zlib.inflateSync(chunks[1]?.data as Buffer);
  const rowBytes = 1 + width * 2;
  expect(raw.length).toBe(rowBytes * height);
  for (let y = 0; y < height; y++) expect(raw[y * rowBytes]).toBe(0);
  return {
    width,
    height,
    colorType: ihdr[9] as number,
    pixel: (x, y) => [
      raw[y * rowBytes + 1 + x * 2] as number,
      raw[y * rowBytes + 2 + x * 2] as number,
    ],
  };
}

describe('signature pad model', () => {
  it('builds strokes point by point, undoes the last stroke and knows when it is blank', () => {
    let strokes: Stroke[] = [];
    expect(isBlank(strokes)).toBe(true);
    strokes = extend([...strokes, []], { x: 1, y: 1 });
    strokes = extend(strokes, { x: 1, y: 1 }); // a repeated point adds nothing
    strokes = extend(strokes, { x: 5, y: 2 });
    strokes = extend([...strokes, []], { x: 9, y: 9 });
    expect(strokes).toEqual([
      [
        { x: 1, y: 1 },
        { x: 5, y: 2 },
      ],
      [{ x: 9, y: 9 }],
    ]);
    expect(inkBounds(strokes, 2)).toEqual({ left: 0, top: 0, right: 10, bottom: 10 });
    strokes = withoutLast(strokes);
    expect(strokes).toHaveLength(1);
    expect(isBlank(withoutLast(strokes))).toBe(true);
  });

  it('exports nothing for an empty pad', async () => {
    expect(await exportPng([])).toBeNull();
    expect(await exportPng([[]])).toBeNull();
  });

  it('exports a valid PNG of black ink on transparency, cropped to the ink', async () => {
    const line: Stroke = [
      { x: 100, y: 50 },
      { x: 150, y: 50 },
    ];
    const png = await exportPng([line], { scale: 2, width: 3, margin: 4 });
    const img = decodePng(png as Uint8Array);
    expect(img.colorType).toBe(4); // grey + alpha
    // 50 units + 3 of line width + 2 × 4 margin, at 2 px per unit.
    expect(img.width).toBe(122);
    expect(img.height).toBe(22);
    const midY = Math.floor(img.height / 2);
    expect(img.pixel(Math.floor(img.width / 2), midY)).toEqual([0, 255]);
    expect(img.pixel(9, midY)[1]).toBe(255); // the line's start (margin 8 px + cap)
    expect(img.pixel(0, 0)).toEqual([0, 0]);
    expect(img.pixel(img.width - 1, img.height - 1)).toEqual([0, 0]);
    expect(img.pixel(Math.floor(img.width / 2), 1)[1]).toBe(0); // above the line
  });

  it('anti-aliases a line that falls between pixels', async () => {
    const slant: Stroke = [
      { x: 0, y: 0 },
      { x: 40, y: 13 },
    ];
    const img = decodePng((await exportPng([slant], { scale: 1 })) as Uint8Array);
    const column = Array.from({ length: img.height }, (_, y) => img.pixel(20, y)[1]);
    expect(column.some((a) => a === 255)).toBe(true);
    expect(column.some((a) => a > 0 && a < 255)).toBe(true);
  });

  it('a tap leaves a dot', async () => {
    const img = decodePng((await exportPng([[{ x: 10, y: 10 }]], { scale: 1 })) as Uint8Array);
    expect(img.pixel(Math.floor(img.width / 2), Math.floor(img.height / 2))[1]).toBeGreaterThan(
      200,
    );
  });
});
