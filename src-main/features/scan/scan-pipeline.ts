import { analysePage, processPage, thumbnail, type PageAnalysis } from '../../documents/imaging.ts';
import { detectRotation } from '../../documents/orientation.ts';
import type { RawPage } from '../../devices/scanner/driver.ts';

export interface PreparedPage {
  image: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
  dpi: number;
  analysis: PageAnalysis;
  rotation: number;
}

/**
 * Raw scan → kept page: orientation (OSD), deskew, colour policy and size budget, thumbnail.
 * Blank pages are measured but not rotated by OSD (it would only guess).
 */
export async function preparePage(raw: RawPage, opts: { osd: boolean; cropToContent?: boolean }): Promise<PreparedPage> {
  let analysis = await analysePage(raw.bytes);
  let rotation = 0;
  if (opts.osd && !raw.textLayer && analysis.inkCoverage > 0.5) rotation = (await detectRotation(raw.bytes)) ?? 0;
  const processed = await processPage(raw.bytes, analysis, { dpi: raw.dpi, rotate: rotation || undefined, deskew: !raw.textLayer, cropToContent: opts.cropToContent, colour: 'auto' });
  if (rotation) analysis = { ...(await analysePage(processed.image)), skewDeg: analysis.skewDeg };
  return { image: processed.image, thumb: await thumbnail(processed.image), width: processed.width, height: processed.height, dpi: processed.dpi, analysis, rotation };
}
