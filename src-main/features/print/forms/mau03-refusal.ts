import type { FormContext } from './form-context.ts';
import { drawLetterOpening, drawSignatures } from './header.ts';

/** Mẫu 03: the refusal and its specific reason. */
export function drawRefusal(ctx: FormContext): void {
  const { tpl, data } = ctx;
  const w = drawLetterOpening(ctx, 'refusal');
  w.text(tpl.t('refusal.intro', { unit: data.agency.name }));
  w.text(data.refusal?.reason ?? '', { bold: true, x: w.left + 10 });
  w.gap(3);
  w.text(tpl.t('refusal.closing'));
  drawSignatures(w, ctx, tpl.t('common.signApplicant'), tpl.t('common.signOfficer'), data.officer.fullName);
}
