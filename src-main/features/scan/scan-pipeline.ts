import { analysePage, processPage, thumbnail, type PageAnalysis } from '../../documents/imaging.ts';
import type { RawPage } from '../../devices/scanner/driver.ts';
import { OCR_INPUT_DEFAULTS, ocrInput, type OcrInput } from '../../documents/ocr-prep.ts';

export interface PreparedPage {
  image: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
  dpi: number;
  analysis: PageAnalysis;
  rotation: number;
  /** The lossless image OCR reads (absent for cropped pages, which OCR from the kept image). */
  ocr?: OcrInput;
}

/**
 * Raw scan → kept page: orientation (OSD), deskew, colour policy and size budget, thumbnail.
 * Blank pages are measured but not rotated by OSD (it would only guess).
 */
export async function preparePage(
  raw: RawPage,
  opts: { osd: boolean; detectRotation?: (image: Buffer) => Promise<number | undefined>; cropToContent?: boolean },
): Promise<PreparedPage> {
  let analysis = await analysePage(raw.bytes);
  let rotation = 0;
  if (opts.osd && opts.detectRotation && !raw.textLayer && analysis.inkCoverage > 0.5) rotation = (await opts.detectRotation(raw.bytes)) ?? 0;
  const processed = await processPage(raw.bytes, analysis, { dpi: raw.dpi, rotate: rotation || undefined, deskew: !raw.textLayer, cropToContent: opts.cropToContent, colour: 'auto' });
  if (rotation) analysis = { ...(await analysePage(processed.image)), skewDeg: analysis.skewDeg };
  const ocr = raw.textLayer || opts.cropToContent ? undefined : await ocrInput(raw.bytes, analysis, { dpi: raw.dpi, rotate: rotation || undefined, ...OCR_INPUT_DEFAULTS });
  return { image: processed.image, thumb: await thumbnail(processed.image), width: processed.width, height: processed.height, dpi: processed.dpi, analysis, rotation, ocr };
}
