import type { FormContext } from './form-context.ts';
import { drawLetterOpening, drawSignatures } from './header.ts';

/** Mẫu 02: everything missing and why, listed once ("hướng dẫn đầy đủ một lần", NĐ 61 Art. 17.1a). */
export function drawSupplement(ctx: FormContext): void {
  const { tpl, data } = ctx;
  const w = drawLetterOpening(ctx, 'supplement');
  w.text(tpl.t('supplement.intro', { unit: data.agency.name }));
  w.table(
    [
      { title: tpl.t('receipt.col.no'), share: 0.08, align: 'center' },
      { title: tpl.t('supplement.col.name'), share: 0.46 },
      { title: tpl.t('supplement.col.reason'), share: 0.46 },
    ],
    (data.supplement?.items ?? []).map((it, i) => [String(i + 1), it.name, it.reason]),
  );
  w.gap(3);
  w.text(tpl.t('supplement.closing', { unit: data.agency.name, phone: data.agency.phone || '…' }));
  drawSignatures(w, ctx, tpl.t('common.signApplicant'), tpl.t('common.signOfficer'), data.officer.fullName);
}
