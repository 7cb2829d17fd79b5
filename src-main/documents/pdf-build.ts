import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import fontkit from '@pdf-lib/fontkit';
import {
  PDFDocument, PDFHexString, PDFName, PDFArray, PDFString, TextRenderingMode,
  popGraphicsState, pushGraphicsState, setCharacterSqueeze, setTextRenderingMode, type PDFFont,
} from 'pdf-lib';
import type { OcrWord } from '../contract/scan.ts';
import { loadFormFonts } from './fonts.ts';

export interface PdfPage {
  image: Buffer;
  mime: string;
  width: number;
  height: number;
  dpi: number;
  /** Word boxes in the pixels of `image`. */
  words: OcrWord[];
}

export interface BuildOptions {
  title?: string;
  /** Try for PDF/A-2b: XMP identification, sRGB output intent, embedded fonts, document ID. */
  pdfa?: boolean;
  now?: Date;
}

const ICC_PATHS = ['/usr/share/color/icc/ghostscript/srgb.icc', '/usr/share/color/icc/sRGB.icc', 'C:\\Windows\\System32\\spool\\drivers\\color\\sRGB Color Space Profile.icm'];

const firstExisting = (paths: string[]) => paths.find((p) => existsSync(p));

/**
 * One searchable PDF: each page is the kept page image with an invisible text layer, one text run per
 * OCR word, scaled (Tz) to the word's box so selection and search highlight the right place.
 */
export async function buildSearchablePdf(pages: PdfPage[], opts: BuildOptions = {}): Promise<{ bytes: Uint8Array; pdfa: boolean }> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  // The Noto Sans the app ships (as the printed forms use): a text layer on every machine, or a loud
  // FONT_MISSING, never a PDF that silently cannot be searched.
  const font = await doc.embedFont(loadFormFonts().regular, { subset: true });
  for (const p of pages) {
    const k = 72 / p.dpi;
    const pw = p.width * k;
    const ph = p.height * k;
    const page = doc.addPage([pw, ph]);
    const img = p.mime === 'image/png' ? await doc.embedPng(p.image) : await doc.embedJpg(p.image);
    page.drawImage(img, { x: 0, y: 0, width: pw, height: ph });
    if (p.words.length === 0) continue;
    page.pushOperators(pushGraphicsState(), setTextRenderingMode(TextRenderingMode.Invisible));
    for (const line of groupLines(p.words)) drawLine(page, font, line, k, ph);
    page.pushOperators(setCharacterSqueeze(100), popGraphicsState());
  }
  const now = opts.now ?? new Date();
  const title = opts.title ?? 'Hồ sơ quét';
  doc.setTitle(title);
  doc.setProducer('One-Stop Counter');
  doc.setCreator('One-Stop Counter');
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  const pdfa = opts.pdfa !== false && addPdfA(doc, title, now);
  return { bytes: await doc.save({ useObjectStreams: false }), pdfa };
}

/**
 * Words on one text line share a baseline and a size, so text extractors (pdftotext, PDF.js) read
 * the line as one line instead of words hopping up and down.
 */
export function groupLines(words: OcrWord[]): OcrWord[][] {
  const sorted = [...words].sort((a, b) => a.bbox.y0 + a.bbox.y1 - (b.bbox.y0 + b.bbox.y1));
  const lines: Array<{ y0: number; y1: number; words: OcrWord[] }> = [];
  for (const w of sorted) {
    // Same line = vertical overlap of at least half the smaller height (a slight residual slope
    // moves the last word of a long line down by a few pixels).
    const h = w.bbox.y1 - w.bbox.y0;
    const line = lines.find((l) => Math.min(l.y1, w.bbox.y1) - Math.max(l.y0, w.bbox.y0) >= 0.5 * Math.min(h, l.y1 - l.y0));
    if (line) {
      line.words.push(w);
      line.y0 = Math.min(line.y0, w.bbox.y0);
      line.y1 = Math.max(line.y1, w.bbox.y1);
    } else lines.push({ y0: w.bbox.y0, y1: w.bbox.y1, words: [w] });
  }
  return lines.map((l) => l.words.sort((a, b) => a.bbox.x0 - b.bbox.x0));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function drawLine(page: ReturnType<PDFDocument['addPage']>, font: PDFFont, line: OcrWord[], k: number, ph: number): void {
  const boxH = median(line.map((w) => w.bbox.y1 - w.bbox.y0)) * k;
  const bottom = median(line.map((w) => w.bbox.y1)) * k;
  const size = Math.max(1, boxH * 0.85);
  // Baseline about a fifth of the box above its bottom (descenders hang below it).
  const y = ph - bottom + boxH * 0.2;
  for (const [i, w] of line.entries()) {
    // Each word carries its space and stretches to the next word: extractors then see explicit
    // spaces and no gaps wide enough to split the line into columns.
    const next = line[i + 1];
    const text = sanitize(w.text, font) + (next ? ' ' : '');
    const boxW = ((next ? Math.max(next.bbox.x0, w.bbox.x1) : w.bbox.x1) - w.bbox.x0) * k;
    if (!text || boxW <= 0) continue;
    const natural = font.widthOfTextAtSize(text, size);
    const squeeze = natural > 0 ? Math.max(10, Math.min(500, (100 * boxW) / natural)) : 100;
    page.pushOperators(setCharacterSqueeze(squeeze));
    page.drawText(text, { x: w.bbox.x0 * k, y, size, font });
  }
}

/** Drops characters the font has no glyph for (pdf-lib would throw on them). */
function sanitize(text: string, font: PDFFont): string {
  const chars = [...text.normalize('NFC')].filter((c) => {
    try {
      font.encodeText(c);
      return c.trim() !== '' || c === ' ';
    } catch {
      return false;
    }
  });
  return chars.join('');
}

function pdfDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** PDF/A-2b identification. Not validated here (no veraPDF on this machine). */
function addPdfA(doc: PDFDocument, title: string, now: Date): boolean {
  const iccPath = firstExisting(ICC_PATHS);
  if (!iccPath) return false;
  const ctx = doc.context;
  const icc = ctx.flateStream(readFileSync(iccPath), { N: 3 });
  const iccRef = ctx.register(icc);
  const intent = ctx.obj({ Type: 'OutputIntent', S: 'GTS_PDFA1', OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'), Info: PDFString.of('sRGB IEC61966-2.1'), DestOutputProfile: iccRef });
  doc.catalog.set(PDFName.of('OutputIntents'), ctx.obj([ctx.register(intent)]));
  const date = pdfDate(now);
  const xmp = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(title)}</rdf:li></rdf:Alt></dc:title>
<xmp:CreateDate>${date}</xmp:CreateDate><xmp:ModifyDate>${date}</xmp:ModifyDate><xmp:CreatorTool>One-Stop Counter</xmp:CreatorTool>
<pdf:Producer>One-Stop Counter</pdf:Producer>
<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`;
  const meta = ctx.stream(Buffer.from(xmp, 'utf8'), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), ctx.register(meta));
  const id = createHash('md5').update(title + date).digest('hex');
  ctx.trailerInfo.ID = PDFArray.withContext(ctx);
  (ctx.trailerInfo.ID as PDFArray).push(PDFHexString.of(id));
  (ctx.trailerInfo.ID as PDFArray).push(PDFHexString.of(id));
  return true;
}
