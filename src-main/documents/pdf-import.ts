import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { OcrWord } from '../contract/scan.ts';
import { DocumentErrors, MAX_IMPORT_PIXELS, MAX_PDF_PAGES } from '../contract/documents.ts';

// Not named `require`: the ESM build injects a module-level `require` shim into shared chunks.
const resolveFromHere = createRequire(import.meta.url);

export interface ImportedPdfPage {
  /** PNG rendering of the page. */
  image: Buffer;
  width: number;
  height: number;
  dpi: number;
  /** Text layer of a born-digital page (empty for a scanned page, which then goes to OCR). */
  text: string;
  words: OcrWord[];
}

/** Pages with at least this many text-layer characters are treated as born-digital. */
const MIN_TEXT_CHARS = 20;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfJs> | undefined;

function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsPromise;
}

/** Renders every page of a PDF (pdfjs-dist + @napi-rs/canvas) and keeps the text layer where there is one. */
export async function importPdf(bytes: Uint8Array, dpi = 200): Promise<ImportedPdfPage[]> {
  const pdfjs = await loadPdfJs();
  const root = pathToFileURL(dirname(resolveFromHere.resolve('pdfjs-dist/package.json'))).href;
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl: `${root}/standard_fonts/`,
    cMapUrl: `${root}/cmaps/`,
    cMapPacked: true,
    wasmUrl: `${root}/wasm/`,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy();
    const name = (err as { name?: string }).name;
    if (name === 'PasswordException') throw DocumentErrors.raise('DOC_PDF_ENCRYPTED');
    throw DocumentErrors.raise('DOC_PDF_CORRUPT', { reason: (err as Error).message });
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) throw DocumentErrors.raise('DOC_PDF_TOO_MANY_PAGES', { pages: doc.numPages });
    const out: ImportedPdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const scale = dpi / 72;
      const viewport = page.getViewport({ scale });
      // Checked from the page box before a canvas is allocated or a path drawn.
      if (Math.ceil(viewport.width) * Math.ceil(viewport.height) > MAX_IMPORT_PIXELS) {
        throw DocumentErrors.raise('DOC_PDF_PAGE_TOO_LARGE', { page: n, widthPt: Math.round(viewport.width / scale), heightPt: Math.round(viewport.height / scale) });
      }
      const content = await page.getTextContent();
      const words: OcrWord[] = [];
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : ' ');
        if (!item.str.trim()) continue;
        // Text-space box → page pixels at this dpi (PDF y grows upwards).
        const [, , , , e, f] = item.transform as number[];
        const h = Math.abs(item.height || (item.transform as number[])[3]!);
        const [x0, y1] = viewport.convertToViewportPoint(e!, f!) as [number, number];
        const [x1, y0] = viewport.convertToViewportPoint(e! + item.width, f! + h) as [number, number];
        words.push({ text: item.str.normalize('NFC'), confidence: 100, bbox: { x0, y0: Math.min(y0, y1), x1, y1: Math.max(y0, y1) } });
      }
      const width = Math.ceil(viewport.width);
      const height = Math.ceil(viewport.height);
      const { canvas, context } = (doc.canvasFactory as unknown as { create(w: number, h: number): { canvas: { encode(t: string): Promise<Buffer> }; context: unknown } }).create(width, height);
      await page.render({ canvasContext: context as never, canvas: canvas as never, viewport }).promise;
      const image = await canvas.encode('png');
      const clean = text.replace(/[ \t]+/g, ' ').replace(/ ?\n ?/g, '\n').trim().normalize('NFC');
      const digital = clean.replace(/\s/g, '').length >= MIN_TEXT_CHARS;
      out.push({ image, width, height, dpi, text: digital ? clean : '', words: digital ? words : [] });
      page.cleanup();
    }
    return out;
  } catch (err) {
    if (err instanceof Error && 'code' in err && typeof (err as { code: unknown }).code === 'string' && String((err as { code: string }).code).startsWith('DOC_')) throw err;
    throw DocumentErrors.raise('DOC_PDF_CORRUPT', { reason: (err as Error).message });
  } finally {
    await task.destroy();
  }
}

export const PDF_WASM_DIR = (): string => join(dirname(resolveFromHere.resolve('pdfjs-dist/package.json')), 'wasm');
