import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { loadFormFonts } from '../../../documents/fonts.ts';
import { Writer } from './layout/writer.ts';
import { formTemplate } from './templates/template.ts';
import type { RenderOptions, RenderedPdf } from './render.ts';
import { qrPng } from './codes.ts';

/** One A5 page with every Vietnamese letter shape and a QR, to check a printer and its profile. */
export async function renderTestPage(printer: string, opts: RenderOptions = {}): Promise<RenderedPdf> {
  const fonts = loadFormFonts();
  const tpl = formTemplate(opts.formSet ?? 'TT01-2018', opts.texts);
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const w = new Writer(doc, { regular: await doc.embedFont(fonts.regular, { subset: true }), bold: await doc.embedFont(fonts.bold, { subset: true }) });
  w.text(tpl.t('test.title'), { size: 12, bold: true, align: 'center' });
  w.gap(6);
  w.text(tpl.t('test.printer', { printer: printer || '(mặc định)' }));
  w.gap(4);
  w.text(tpl.t('test.body'), { size: 11 });
  w.gap(6);
  w.image(await doc.embedPng(await qrPng(`TEST:${printer}`)), w.left, 72, 72);
  w.gap(6);
  w.rule();
  doc.setTitle(tpl.t('test.title'));
  const bytes = await doc.save();
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), pages: doc.getPageCount(), formNumber: 'test' };
}
