import sharp from 'sharp';
import { estimateSkew } from './deskew.ts';

/** Figures measured on a page; the quality gate and the pipeline decide from these. */
export interface PageAnalysis {
  /** Share of ink pixels inside the margins, in %. */
  inkCoverage: number;
  /** Mean luma 0–255 of the whole page. */
  meanLuma: number;
  /** Luma of the darkest 0.5 % of pixels: high means faded text. */
  inkLuma: number;
  /** Share of ink pixels in the outer 1.5 % strips, in % (content running off the page). */
  edgeInk: number;
  /** Skew angle found (degrees; positive = clockwise). */
  skewDeg: number;
  /** Mean |R−G|+|G−B| over the page: near zero for black-and-white paper. */
  colourfulness: number;
  /** Content box in analysis pixels, and the analysis width it refers to. */
  content: { left: number; top: number; width: number; height: number } | undefined;
  analysisWidth: number;
}

const ANALYSIS_WIDTH = 800;

/** Measures a page on a small greyscale copy (sharp runs on libvips' own threads, not the JS thread). */
export async function analysePage(input: Buffer): Promise<PageAnalysis> {
  const small = sharp(input, { failOn: 'error' }).rotate().resize({ width: ANALYSIS_WIDTH, withoutEnlargement: false });
  const [{ data: grey, info }, colour] = await Promise.all([
    small.clone().greyscale().median(3).raw().toBuffer({ resolveWithObject: true }),
    small.clone().removeAlpha().resize({ width: 200 }).raw().toBuffer({ resolveWithObject: true }),
  ]);
  const w = info.width;
  const h = info.height;
  let sum = 0;
  const hist = new Uint32Array(256);
  for (let i = 0; i < grey.length; i++) {
    const v = grey[i] as number;
    sum += v;
    hist[v]!++;
  }
  const meanLuma = sum / grey.length;
  const inkLuma = percentile(hist, grey.length, 0.005);
  // Ink is what is clearly darker than the paper; the paper level is the page's bright percentile.
  const paper = percentile(hist, grey.length, 0.6);
  const inkThreshold = Math.min(paper - 60, 170);
  const mx = Math.round(w * 0.03);
  const my = Math.round(h * 0.03);
  let ink = 0;
  let inner = 0;
  let edge = 0;
  let edgeTotal = 0;
  const ex = Math.max(2, Math.round(w * 0.015));
  const ey = Math.max(2, Math.round(h * 0.015));
  let left = w;
  let right = -1;
  let top = h;
  let bottom = -1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const dark = (grey[y * w + x] as number) < inkThreshold;
      const inEdge = x < ex || y < ey || x >= w - ex || y >= h - ey;
      if (inEdge) {
        edgeTotal++;
        if (dark) edge++;
      }
      if (x >= mx && y >= my && x < w - mx && y < h - my) {
        inner++;
        if (dark) {
          ink++;
          if (x < left) left = x;
          if (x > right) right = x;
          if (y < top) top = y;
          if (y > bottom) bottom = y;
        }
      }
    }
  }
  let colourSum = 0;
  const c = colour.data;
  const ch = colour.info.channels;
  if (ch >= 3) {
    for (let i = 0; i + 2 < c.length; i += ch) colourSum += Math.abs((c[i] as number) - (c[i + 1] as number)) + Math.abs((c[i + 1] as number) - (c[i + 2] as number));
  }
  const colourfulness = ch >= 3 ? colourSum / (c.length / ch) : 0;
  return {
    inkCoverage: inner ? (100 * ink) / inner : 0,
    meanLuma,
    inkLuma,
    edgeInk: edgeTotal ? (100 * edge) / edgeTotal : 0,
    skewDeg: ink > 50 ? estimateSkew(grey, w, h, inkThreshold) : 0,
    colourfulness,
    content: right >= 0 ? { left, top, width: right - left + 1, height: bottom - top + 1 } : undefined,
    analysisWidth: w,
  };
}

function percentile(hist: Uint32Array, total: number, q: number): number {
  let acc = 0;
  for (let v = 0; v < 256; v++) {
    acc += hist[v] as number;
    if (acc >= total * q) return v;
  }
  return 255;
}

export interface ProcessOptions {
  dpi: number;
  /** Degrees to rotate first (from OSD or the officer), multiple of 90. */
  rotate?: number;
  deskew?: boolean;
  /** Crop to the content box (ID cards on the glass); A4 pages keep their paper. */
  cropToContent?: boolean;
  /** 'auto' keeps colour only for colourful pages. */
  colour?: 'auto' | 'color' | 'gray';
  /** Target size of the stored page image. */
  maxBytes?: number;
  maxDpi?: number;
}

export interface ProcessedPage {
  image: Buffer;
  mime: 'image/jpeg';
  width: number;
  height: number;
  dpi: number;
  grey: boolean;
  skewCorrected: number;
}

/**
 * Turns a raw scan into the page we keep in the PDF: upright, straight, greyscale unless colourful,
 * 200–300 dpi and about 1 MB. The original bytes are kept separately by the caller.
 */
export async function processPage(input: Buffer, analysis: PageAnalysis, opts: ProcessOptions): Promise<ProcessedPage> {
  const maxDpi = opts.maxDpi ?? 300;
  const maxBytes = opts.maxBytes ?? 1_000_000;
  const grey = opts.colour === 'gray' || (opts.colour !== 'color' && analysis.colourfulness < 12);
  const skew = opts.deskew !== false && Math.abs(analysis.skewDeg) >= 0.3 ? analysis.skewDeg : 0;
  const meta = await sharp(input).metadata();
  let base = await uprightAndStraight(input, opts.rotate, skew);
  if (opts.cropToContent && analysis.content) {
    const m = base.info;
    const k = (m.width ?? 1) / analysis.analysisWidth;
    const pad = Math.round(20 * k);
    const c = analysis.content;
    const left = Math.max(0, Math.round(c.left * k) - pad);
    const top = Math.max(0, Math.round(c.top * k) - pad);
    const width = Math.min((m.width ?? 0) - left, Math.round(c.width * k) + 2 * pad);
    const height = Math.min((m.height ?? 0) - top, Math.round(c.height * k) + 2 * pad);
    if (width > 50 && height > 50) base = await fromRaw(base).extract({ left, top, width, height }).raw().toBuffer({ resolveWithObject: true });
  }
  let dpi = Math.min(opts.dpi, maxDpi);
  const fullWidth = base.info.width ?? meta.width ?? 1;
  for (const [quality, scaleDpi] of [[80, dpi], [68, dpi], [68, Math.min(dpi, 200)], [55, Math.min(dpi, 150)]] as const) {
    const width = Math.round((fullWidth * scaleDpi) / opts.dpi);
    let p = fromRaw(base).resize({ width: Math.min(width, fullWidth) });
    if (grey) p = p.greyscale();
    const { data, info } = await p.jpeg({ quality, mozjpeg: false, chromaSubsampling: '4:2:0' }).toBuffer({ resolveWithObject: true });
    dpi = scaleDpi;
    if (data.length <= maxBytes || scaleDpi <= 150) return { image: data, mime: 'image/jpeg', width: info.width, height: info.height, dpi, grey, skewCorrected: skew };
  }
  throw new Error('unreachable');
}

export interface RawImage {
  data: Buffer;
  info: { width: number; height: number; channels: number };
}

export const fromRaw = (r: RawImage) => sharp(r.data, { raw: { width: r.info.width, height: r.info.height, channels: r.info.channels as 1 | 2 | 3 | 4 } });

/**
 * EXIF orientation and the quarter turn (OSD), then the skew, as two pipelines: sharp keeps only
 * the last `rotate(angle)` of one pipeline, so chaining them would drop the quarter turn. Pixels
 * stay raw in between, so nothing is JPEG-compressed twice.
 */
export async function uprightAndStraight(input: Buffer, quarterTurn: number | undefined, skewDeg: number): Promise<RawImage> {
  let img = sharp(input, { failOn: 'error' }).autoOrient();
  if (quarterTurn) img = img.rotate(quarterTurn);
  const upright = await img.raw().toBuffer({ resolveWithObject: true });
  if (!skewDeg) return upright;
  return fromRaw(upright).rotate(-skewDeg, { background: { r: 255, g: 255, b: 255 } }).raw().toBuffer({ resolveWithObject: true });
}

export async function thumbnail(input: Buffer, width = 240): Promise<Buffer> {
  return sharp(input).resize({ width }).jpeg({ quality: 70 }).toBuffer();
}

export async function rotateImage(input: Buffer, degrees: number): Promise<Buffer> {
  return sharp(input).rotate(degrees).jpeg({ quality: 85 }).toBuffer();
}
