import type { PDFDocument, PDFImage } from 'pdf-lib';
import type { FormData } from '../../../contract/print.ts';
import type { FormTemplate } from './templates/template.ts';
import type { Writer } from './layout/writer.ts';

/** What every form's layout function gets. */
export interface FormContext {
  doc: PDFDocument;
  tpl: FormTemplate;
  data: FormData;
  /** A writer on a fresh page (each copy of Mẫu 01 asks for its own). */
  writer(): Writer;
  qr: PDFImage;
  barcode: PDFImage;
  /** The VietQR fee code, when a fee is due and payment is configured. */
  feeQr?: { image: PDFImage; payload: string };
}
