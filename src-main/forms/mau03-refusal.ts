import type { FormContext } from './form-context.ts';
import { drawApplicant, drawCodeLine, drawHeader, drawSignatures } from './header.ts';

/** Mẫu 03: the refusal and its specific reason. */
export function drawRefusal(ctx: FormContext): void {
  const { tpl, data } = ctx;
  const w = ctx.writer();
  drawHeader(w, ctx, 'refusal', data.receivedAt);
  drawCodeLine(w, ctx);
  w.gap(4);
  drawApplicant(w, ctx);
  w.text(tpl.t('refusal.intro', { unit: data.agency.name }));
  w.text(data.refusal?.reason ?? '', { bold: true, x: w.left + 10 });
  w.gap(3);
  w.text(tpl.t('refusal.closing'));
  drawSignatures(w, ctx, tpl.t('common.signApplicant'), tpl.t('common.signOfficer'), data.officer.fullName);
}
