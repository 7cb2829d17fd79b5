import sharp from 'sharp';
import { uprightAndStraight, type PageAnalysis } from './imaging.ts';

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
}

/**
 * The image OCR reads, made from the raw page: upright, straight, grey, at least `targetDpi`, and
 * lossless (PNG). The page kept in the PDF is a separate, smaller JPEG: re-reading that JPEG would
 * add its blocking artefacts to the scan's own.
 */
export async function ocrInput(raw: Buffer, analysis: PageAnalysis, o: OcrInputOptions): Promise<{ image: Buffer; dpi: number }> {
  const target = Math.max(o.dpi, o.targetDpi ?? 300);
  const skew = Math.abs(analysis.skewDeg) >= 0.3 ? analysis.skewDeg : 0;
  let img = sharp(await uprightAndStraight(raw, o.rotate, skew));
  if (target !== o.dpi) img = img.resize({ width: Math.round((((await img.metadata()).width ?? 1) * target) / o.dpi), kernel: 'lanczos3' });
  if (o.dropColourInk && ((await img.metadata()).channels ?? 1) >= 3) {
    const { data, info } = await img.removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const grey = Buffer.alloc(info.width * info.height);
    for (let i = 0, j = 0; j < grey.length; i += info.channels, j++) grey[j] = Math.max(data[i]!, data[i + 1]!, data[i + 2]!);
    return { image: await sharp(grey, { raw: { width: info.width, height: info.height, channels: 1 } }).png({ compressionLevel: 1 }).toBuffer(), dpi: target };
  }
  return { image: await img.greyscale().png({ compressionLevel: 1 }).toBuffer(), dpi: target };
}
