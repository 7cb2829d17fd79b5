import { createCanvas } from '@napi-rs/canvas';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

/**
 * Renders one page of a PDF to PNG in the core (pdfjs-dist on @napi-rs/canvas), so the renderer can
 * show it as an <img src="data:…"> under its CSP (no <object>/<iframe> of PDFs).
 */
export async function renderPdfPagePng(pdf: Uint8Array, pageNumber: number, widthPx: number): Promise<{ png: Buffer; pages: number }> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  const { getDocument } = await pdfjs;
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  try {
    const page = await doc.getPage(Math.min(Math.max(1, pageNumber), doc.numPages));
    const base = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: widthPx / base.width });
    const canvas = createCanvas(Math.round(viewport.width), Math.round(viewport.height));
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
    return { png: canvas.toBuffer('image/png'), pages: doc.numPages };
  } finally {
    await doc.cleanup();
  }
}
