import type { FormContext } from './form-context.ts';
import { drawApplicant, drawCodeLine, drawHeader, drawSignatures } from './header.ts';
import type { Writer } from './layout/writer.ts';
import { formatDong, longVietnameseTime } from './wall-clock.ts';
import { parseVietQr } from '../../../domain/vietqr/vietqr.ts';

const count = (n: number) => (n ? String(n) : '');

/** Mẫu 01: two copies (Liên 1 kept, Liên 2 for the citizen), each starting on its own A5 page. */
export function drawReceipt(ctx: FormContext): void {
  for (const copy of ['receipt.copy1', 'receipt.copy2'] as const) drawReceiptCopy(ctx.writer(), ctx, ctx.tpl.t(copy));
}

function drawReceiptCopy(w: Writer, ctx: FormContext, copyLabel: string): void {
  const { tpl, data } = ctx;
  drawHeader(w, ctx, 'receipt', data.receivedAt);
  drawCodeLine(w, ctx);
  w.text(copyLabel, { size: 8, align: 'center' });
  // Barcode (Code 128) on the left and the dossier QR on the right of one band.
  const band = 48;
  w.ensure(band);
  w.image(ctx.barcode, w.left, 150, 30, true);
  w.image(ctx.qr, w.right - band, band, band, true);
  w.gap(band + 2);
  drawApplicant(w, ctx);
  w.text(tpl.t('receipt.components'));
  w.table(
    [
      { title: tpl.t('receipt.col.no'), share: 0.07, align: 'center' },
      { title: tpl.t('receipt.col.name'), share: 0.57 },
      { title: tpl.t('receipt.col.original'), share: 0.12, align: 'center' },
      { title: tpl.t('receipt.col.certified'), share: 0.12, align: 'center' },
      { title: tpl.t('receipt.col.copy'), share: 0.12, align: 'center' },
    ],
    data.components.map((c, i) => [String(i + 1), c.name, count(c.original), count(c.certified), count(c.copy)]),
  );
  w.gap(2);
  // Items 2–6 leave room on the right for the fee QR when there is one.
  const qrSize = ctx.feeQr ? 64 : 0;
  const textWidth = w.contentWidth - (qrSize ? qrSize + 6 : 0);
  const itemsTop = w.y;
  const item = (text: string) => w.text(text, { width: textWidth });
  item(tpl.t('receipt.setCount', { count: String(data.setCount).padStart(2, '0') }));
  const pt = data.procedure.processingTime;
  if (pt) item(tpl.t('receipt.processing', { time: tpl.t(`unit.${pt.unit}`, { n: String(pt.value).padStart(2, '0') }) }));
  item(tpl.t('receipt.received', { time: longVietnameseTime(data.receivedAt) }));
  item(tpl.t('receipt.appointment', { time: longVietnameseTime(data.appointmentAt ?? data.receivedAt) }));
  item(tpl.t('receipt.delivery', { place: data.resultDelivery || data.agency.name }));
  if (data.fee && data.fee.amount > 0) item(tpl.t('receipt.fee', { label: data.fee.label, amount: formatDong(data.fee.amount) }));
  if (ctx.feeQr) {
    const bottom = w.y;
    w.y = itemsTop;
    w.image(ctx.feeQr.image, w.right - qrSize, qrSize, qrSize, true);
    w.y -= qrSize;
    w.text(tpl.t('receipt.feeQr', { label: data.fee?.label.toLowerCase() ?? '' }), { size: 6.5, x: w.right - qrSize - 6, width: qrSize + 6, align: 'center' });
    // The short reference the bank statement shows, so the officer can match a payment to this slip.
    const ref = parseVietQr(ctx.feeQr.payload).reference;
    if (ref) w.text(tpl.t('receipt.feeRef', { ref }), { size: 6.5, x: w.right - qrSize - 6, width: qrSize + 6, align: 'center' });
    w.y = Math.min(w.y, bottom);
  }
  w.text(tpl.t('receipt.book', { volume: data.book.volume || '…', number: data.book.number || '…' }));
  drawSignatures(w, ctx, tpl.t('common.signApplicant'), tpl.t('common.signOfficer'), data.officer.fullName);
  w.text(tpl.t('receipt.note'), { size: 6.5 });
}
