/** The QR code of a printed form, as an SVG data: URI sized for the page margin. */
import QRCode from 'qrcode';

/** Printed size: 22 mm holds a version-10 code at about 0.4 mm a module, easy for a phone. */
const SIZE = '22mm';

export async function qrDataUri(payload: string): Promise<string> {
  const svg = await QRCode.toString(payload, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 0,
  });
  const sized = svg.replace('<svg ', `<svg width="${SIZE}" height="${SIZE}" `);
  return `data:image/svg+xml;base64,${Buffer.from(sized, 'utf8').toString('base64')}`;
}
