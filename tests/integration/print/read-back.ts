import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import jsQR from 'jsqr';
import { runSync } from '../../support/children.ts';

/**
 * The text of a printed PDF as pdftotext reads it, without whitespace: after the PDF → PostScript →
 * PDF round trip, pdftotext guesses word gaps and line-end hyphens differently, the letters stay.
 */
export function pdfText(path: string): string {
  return squash(runSync('pdftotext', [path, '-'], { timeout: 30_000 }).stdout);
}

export function squash(text: string): string {
  return text.replace(/[\s-]+/g, '');
}

/**
 * Every QR code on one page: render with pdftoppm, then run jsQR over overlapping tiles (jsQR finds
 * one code per image and loses its way on a whole page of text, so each tile holds at most a code).
 */
export async function pdfQrCodes(path: string, page: number): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'qr-'));
  runSync('pdftoppm', ['-r', '200', '-png', '-f', String(page), '-l', String(page), path, join(dir, 'p')], { timeout: 60_000 });
  const png = join(dir, readdirSync(dir)[0]!);
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const tile = 360;
  const stride = 180;
  const found = new Set<string>();
  for (let y0 = 0; y0 < info.height; y0 += stride) {
    for (let x0 = 0; x0 < info.width; x0 += stride) {
      const w = Math.min(tile, info.width - x0);
      const h = Math.min(tile, info.height - y0);
      const rgba = new Uint8ClampedArray(w * h * 4);
      for (let y = 0; y < h; y++) rgba.set(data.subarray(((y0 + y) * info.width + x0) * 4, ((y0 + y) * info.width + x0 + w) * 4), y * w * 4);
      const qr = jsQR(rgba, w, h, { inversionAttempts: 'dontInvert' });
      if (qr?.data) found.add(qr.data);
    }
  }
  return [...found];
}
