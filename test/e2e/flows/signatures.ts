/** Drawing and checking signatures on the pad, shared by the e2e specs that sign forms. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Writes a short 'signature' on the open dialog's pad: two strokes, drawn with the mouse. */
export async function drawSignature(page: Page): Promise<void> {
  const pad = page.getByRole('img', { name: /签名框/ });
  const box = await pad.boundingBox();
  if (!box) throw new Error('signature pad not visible');
  const at = (fx: number, fy: number) => [box.x + box.width * fx, box.y + box.height * fy] as const;
  const stroke = async (points: (readonly [number, number])[]) => {
    const [first, ...rest] = points;
    if (!first) return;
    await page.mouse.move(...first);
    await page.mouse.down();
    for (const p of rest) await page.mouse.move(...p, { steps: 6 });
    await page.mouse.up();
  };
  await stroke([at(0.2, 0.6), at(0.3, 0.3), at(0.4, 0.7), at(0.5, 0.35)]);
  await stroke([at(0.55, 0.5), at(0.8, 0.45)]);
  await expect(pad).toHaveAttribute('data-blank', 'false');
}

/** The signature image is shown and has really loaded (not a broken image). */
export async function expectSignatureImage(panel: Locator, alt: string): Promise<void> {
  const img = panel.getByRole('img', { name: alt });
  await expect(img).toBeVisible();
  await expect
    .poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth))
    .toBeGreaterThan(10);
}
