import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { analysePage, processPage } from '../../../src-main/documents/imaging.ts';
import { ocrInput } from '../../../src-main/documents/ocr-prep.ts';
import { fixture } from '../scan/helpers.ts';

describe('a quarter turn (OSD) and a skew correction on the same page', () => {
  it('keeps both: the kept page and the OCR image come out turned, not only deskewed', async () => {
    const raw = fixture('receipt-hen-tra.jpg'); // wider than tall
    const m = await sharp(raw).metadata();
    expect(m.width!).toBeGreaterThan(m.height!);
    const analysis = { ...(await analysePage(raw)), skewDeg: 2 };
    const kept = await processPage(raw, analysis, { dpi: 300, rotate: 90 });
    expect(kept.skewCorrected).toBe(2);
    expect(kept.height).toBeGreaterThan(kept.width);
    const ocr = await ocrInput(raw, analysis, { dpi: 300, rotate: 90 });
    const o = await sharp(ocr.image).metadata();
    expect(o.height!).toBeGreaterThan(o.width!);
    expect(o.format).toBe('png');
  });

  it('enlarges a 200-dpi page to 300 dpi for OCR and greys red and blue ink out when asked', async () => {
    const page = await sharp({ create: { width: 400, height: 100, channels: 3, background: { r: 205, g: 40, b: 45 } } }).png().toBuffer();
    const flat = { inkCoverage: 0, meanLuma: 0, inkLuma: 0, edgeInk: 0, skewDeg: 0, colourfulness: 50, content: undefined, analysisWidth: 400 };
    const big = await ocrInput(page, flat, { dpi: 200 });
    expect(big.dpi).toBe(300);
    expect((await sharp(big.image).metadata()).width).toBe(600);
    const luma = await sharp(big.image).raw().toBuffer();
    const pale = await sharp((await ocrInput(page, flat, { dpi: 300, dropColourInk: true })).image).raw().toBuffer();
    expect(luma[0]!).toBeLessThan(110); // a red seal is dark grey in luma
    expect(pale[0]!).toBeGreaterThan(200); // and near paper white from the brightest channel
  });
});
