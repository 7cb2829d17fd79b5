import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import type { FormKind, FormSet, PaymentSettings } from '../../../contract/print.ts';
import { buildVietQr } from '../../../domain/vietqr/vietqr.ts';
import { paymentReference } from '../../../domain/vietqr/reference.ts';
import { code128Png, dossierQrText, qrPng } from './codes.ts';
import type { FormContext } from './form-context.ts';
import { loadFormFonts } from '../../../documents/fonts.ts';
import { Writer } from './layout/writer.ts';
import { drawReceipt } from './mau01-receipt.ts';
import { drawSupplement } from './mau02-supplement.ts';
import { drawRefusal } from './mau03-refusal.ts';
import { drawControl } from './mau05-control.ts';
import { formTemplate } from './templates/template.ts';
import { validateFormData } from './validate.ts';

export interface RenderOptions {
  formSet?: FormSet;
  texts?: Record<string, string>;
  payment?: PaymentSettings;
}

export interface RenderedPdf {
  bytes: Uint8Array;
  sha256: string;
  pages: number;
  formNumber: string;
  /** The VietQR payload printed on the slip, if any (for the same QR on screen). */
  vietQr?: string;
}

const LAYOUTS: Record<FormKind, (ctx: FormContext) => void> = {
  receipt: drawReceipt,
  supplement: drawSupplement,
  refusal: drawRefusal,
  control: drawControl,
};

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The fee's VietQR payload for a dossier, or undefined when no fee is due or payment is off. */
export function feePayload(payment: PaymentSettings | undefined, amount: number | undefined, dossierCode: string): string | undefined {
  if (!payment?.enabled || !amount) return undefined;
  return buildVietQr({ bankBin: payment.bankBin, accountNumber: payment.accountNumber, amount, reference: paymentReference(payment.referencePrefix, dossierCode) });
}

/** View model → validated → laid out on A5 with embedded Noto fonts → PDF bytes and their SHA-256. */
export async function renderForm(kind: FormKind, input: unknown, opts: RenderOptions = {}): Promise<RenderedPdf> {
  const fonts = loadFormFonts();
  const data = validateFormData(kind, input, fonts);
  const tpl = formTemplate(opts.formSet ?? 'TT01-2018', opts.texts);
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([doc.embedFont(fonts.regular, { subset: true }), doc.embedFont(fonts.bold, { subset: true })]);
  const payload = feePayload(opts.payment, data.fee?.amount, data.dossierCode);
  const [qr, barcode, fee] = await Promise.all([
    qrPng(dossierQrText(data.dossierCode, data.trackingUrl)),
    code128Png(data.dossierCode),
    payload ? qrPng(payload) : undefined,
  ]);
  const ctx: FormContext = {
    doc,
    tpl,
    data,
    writer: () => new Writer(doc, { regular, bold }),
    qr: await doc.embedPng(qr),
    barcode: await doc.embedPng(barcode),
    feeQr: fee && payload ? { image: await doc.embedPng(fee), payload } : undefined,
  };
  LAYOUTS[kind](ctx);
  const form = tpl.form(kind);
  doc.setTitle(`Mẫu số ${form.number} – ${data.dossierCode}`);
  doc.setSubject(form.title);
  doc.setCreator('Quầy Một cửa / One-Stop Counter');
  doc.setProducer('One-Stop Counter');
  doc.setLanguage('vi-VN');
  const bytes = await doc.save();
  return { bytes, sha256: sha256Hex(bytes), pages: doc.getPageCount(), formNumber: form.number, vietQr: payload };
}
