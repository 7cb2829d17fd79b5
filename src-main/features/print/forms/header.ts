import type { FormKind } from '../../../contract/print.ts';
import type { FormContext } from './form-context.ts';
import type { Writer } from './layout/writer.ts';
import { longVietnameseDate } from './wall-clock.ts';

/** Agency on the left, national motto on the right, place and date, the form title and number. */
export function drawHeader(w: Writer, ctx: FormContext, kind: FormKind, at: string): void {
  const { tpl, data } = ctx;
  const leftWidth = w.contentWidth * 0.44;
  const rightX = w.left + leftWidth + 4;
  const rightWidth = w.right - rightX;
  w.text(tpl.form(kind).basis, { size: 6.5, align: 'right' });
  const headerTop = w.y;
  if (data.agency.parentName) w.text(data.agency.parentName.toUpperCase(), { size: 8, width: leftWidth, align: 'center' });
  w.text(data.agency.name.toUpperCase(), { size: 8, bold: true, width: leftWidth, align: 'center' });
  const leftBottom = w.y;
  w.y = headerTop;
  w.text(tpl.t('header.motto1'), { size: 7.5, bold: true, x: rightX, width: rightWidth, align: 'center' });
  w.text(tpl.t('header.motto2'), { size: 8, bold: true, x: rightX, width: rightWidth, align: 'center' });
  w.y = Math.min(w.y, leftBottom) - 2;
  w.text(tpl.t('header.placeDate', { place: data.agency.place, date: longVietnameseDate(at) }), { size: 8, x: rightX, width: rightWidth, align: 'center' });
  w.gap(4);
  w.text(tpl.form(kind).title, { size: 11, bold: true, align: 'center' });
}

/** The code line (and the provisional warning) under the title. */
export function drawCodeLine(w: Writer, ctx: FormContext): void {
  w.text(ctx.tpl.t('common.code', { code: ctx.data.dossierCode }), { size: 9, bold: true, align: 'center' });
  if (ctx.data.provisional) w.text(ctx.tpl.t('common.provisional'), { size: 7.5, align: 'center' });
}

/** Applicant, owner, address, contact and the request, shared by Mẫu 01/02/03. */
export function drawApplicant(w: Writer, ctx: FormContext): void {
  const { tpl, data } = ctx;
  w.text(tpl.t('common.unit', { unit: data.agency.name }));
  w.text(tpl.t('common.applicant', { name: data.applicant.fullName }), { bold: true });
  if (data.applicant.idNumber) w.text(tpl.t('common.idNumber', { id: data.applicant.idNumber }));
  if (data.owner) w.text(tpl.t('common.owner', { name: data.owner.fullName }));
  w.text(tpl.t('common.address', { address: data.applicant.address || '…' }));
  w.text(tpl.t('common.contact', { phone: data.applicant.phone || '…', email: data.applicant.email || '…' }));
  const procedure = data.procedure.code ? `${data.procedure.name} (mã ${data.procedure.code})` : data.procedure.name;
  w.text(tpl.t('common.request', { procedure }));
}

/** Two signature blocks side by side. */
export function drawSignatures(w: Writer, ctx: FormContext, left: string, right: string, rightName = ''): void {
  const half = w.contentWidth / 2;
  w.ensure(60);
  w.gap(4);
  const top = w.y;
  w.text(left, { size: 8.5, bold: true, width: half, align: 'center' });
  w.text(ctx.tpl.t('common.signHint'), { size: 7.5, width: half, align: 'center' });
  w.y = top;
  w.text(right, { size: 8.5, bold: true, x: w.left + half, width: half, align: 'center' });
  w.text(ctx.tpl.t('common.signHint'), { size: 7.5, x: w.left + half, width: half, align: 'center' });
  w.gap(30);
  if (rightName) w.text(rightName, { size: 8.5, bold: true, x: w.left + half, width: half, align: 'center' });
}

/** Header, code line and applicant block on a new page: how Mẫu 02 and Mẫu 03 begin. */
export function drawLetterOpening(ctx: FormContext, kind: FormKind): Writer {
  const w = ctx.writer();
  drawHeader(w, ctx, kind, ctx.data.receivedAt);
  drawCodeLine(w, ctx);
  w.gap(4);
  drawApplicant(w, ctx);
  return w;
}
