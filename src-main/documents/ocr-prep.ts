import sharp from 'sharp';
import { fromRaw, uprightAndStraight, type PageAnalysis } from './imaging.ts';
import { removeDotLeaders } from './dot-leaders.ts';

export interface OcrInputOptions {
  /** Resolution of the raw page. */
  dpi: number;
  /** Pages below this are enlarged to it (Tesseract reads best at 20–30 px x-height; default 300). */
  targetDpi?: number;
  /** Degrees to rotate first (OSD), multiple of 90. */
  rotate?: number;
  /**
   * Grey from the brightest channel instead of luma: red seals and blue signatures turn pale,
   * black print stays black. On a grey page it is the same as luma.
   */
  dropColourInk?: boolean;
  /** Clear the dotted lines of printed forms first (see dot-leaders.ts). */
  removeDotLeaders?: boolean;
}

/**
 * The image OCR reads, made from the raw page: upright, straight, grey, at least `targetDpi`, and
 * lossless (PNG). The page kept in the PDF is a separate, smaller JPEG: re-reading that JPEG would
 * add its blocking artefacts to the scan's own.
 */
export interface OcrInput {
  image: Buffer;
  dpi: number;
  width: number;
}

export async function ocrInput(raw: Buffer, analysis: PageAnalysis, o: OcrInputOptions): Promise<OcrInput> {
  const target = Math.max(o.dpi, o.targetDpi ?? 300);
  const skew = Math.abs(analysis.skewDeg) >= 0.3 ? analysis.skewDeg : 0;
  const upright = await uprightAndStraight(raw, o.rotate, skew);
  let img = fromRaw(upright);
  if (target !== o.dpi) img = img.resize({ width: Math.round((upright.info.width * target) / o.dpi), kernel: 'lanczos3' });
  let grey: Buffer;
  let info: { width: number; height: number };
  if (o.dropColourInk && upright.info.channels >= 3) {
    const rgb = await img.removeAlpha().raw().toBuffer({ resolveWithObject: true });
    info = rgb.info;
    grey = Buffer.alloc(info.width * info.height);
    const c = rgb.info.channels;
    for (let i = 0, j = 0; j < grey.length; i += c, j++) grey[j] = Math.max(rgb.data[i]!, rgb.data[i + 1]!, rgb.data[i + 2]!);
  } else {
    const g = await img.greyscale().extractChannel(0).raw().toBuffer({ resolveWithObject: true });
    info = g.info;
    grey = g.data;
  }
  if (o.removeDotLeaders) removeDotLeaders(grey, info.width, info.height, target);
  // The PNG carries its dpi: Tesseract otherwise guesses one ("Invalid resolution") for its size limits.
  const image = await sharp(grey, { raw: { width: info.width, height: info.height, channels: 1 } }).withMetadata({ density: target }).png({ compressionLevel: 1 }).toBuffer();
  return { image, dpi: target, width: info.width };
}

/**
 * What the app uses, chosen on the bench's tuning split only (tests/bench/ocr.bench.ts,
 * OCR_BENCH_TUNE=1; 8 pages, seed 2026): CER 28.9 % with the kept JPEG → 26.3 % lossless ≥ 300 dpi
 * → 19.9 % dropping colour ink → 4.9 % without dotted lines → 2.5 % with OCR_PSM (tables).
 */
export const OCR_INPUT_DEFAULTS: Pick<OcrInputOptions, 'targetDpi' | 'dropColourInk' | 'removeDotLeaders'> = { targetDpi: 300, dropColourInk: true, removeDotLeaders: true };

/**
 * Page segmentation mode of both engines: 4 = one column of text of varying sizes. Same CER as
 * Tesseract's automatic layout (3) on letters, forms and stamped pages, and it reads a bordered
 * table row by row instead of column by column (table CER 19.7 % → 5.3 % on the tuning split).
 */
export const OCR_PSM = 4;

/** Word boxes found on an OCR image enlarged by `k` (OCR dpi / page dpi), back in page pixels. */
export function scaleWords<T extends { bbox: { x0: number; y0: number; x1: number; y1: number } }>(words: T[], k: number): T[] {
  if (k === 1) return words;
  const s = (v: number) => Math.round(v / k);
  return words.map((w) => ({ ...w, bbox: { x0: s(w.bbox.x0), y0: s(w.bbox.y0), x1: s(w.bbox.x1), y1: s(w.bbox.y1) } }));
}
