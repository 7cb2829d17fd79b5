import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A plain n-page A4 PDF with some text per page, standing in for a scanned component or a form. */
export async function samplePdf(pages = 3, opts: { objectStreams?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`Component page ${i + 1}`, { x: 60, y: 760, size: 18, font });
    for (let l = 0; l < 30; l++) page.drawText(`Line ${l} of page ${i + 1}: lorem ipsum dolor sit amet`, { x: 60, y: 720 - l * 20, size: 10, font });
  }
  return doc.save({ useObjectStreams: opts.objectStreams ?? true });
}
