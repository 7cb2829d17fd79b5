import type { FormContext } from './form-context.ts';
import { drawCodeLine, drawHeader } from './header.ts';
import { shortTime } from './wall-clock.ts';

/** Mẫu 05 (06 in the 2025 set): one row per hand-over, with the on-time result. */
export function drawControl(ctx: FormContext): void {
  const { tpl, data } = ctx;
  const w = ctx.writer();
  drawHeader(w, ctx, 'control', data.receivedAt);
  drawCodeLine(w, ctx);
  w.gap(4);
  w.text(tpl.t('control.attached', { name: data.applicant.fullName }), { bold: true });
  w.text(tpl.t('common.contact', { phone: data.applicant.phone || '…', email: data.applicant.email || '…' }));
  w.text(tpl.t('common.request', { procedure: data.procedure.name }));
  w.gap(3);
  const steps = data.control?.steps.length
    ? data.control.steps
    : [{ handedBy: data.agency.name, receivedBy: '…', at: data.receivedAt, result: '' as const, note: '' }];
  w.table(
    [
      { title: tpl.t('control.col.agency'), share: 0.34 },
      { title: tpl.t('control.col.time'), share: 0.28, align: 'center' },
      { title: tpl.t('control.col.result'), share: 0.2, align: 'center' },
      { title: tpl.t('control.col.note'), share: 0.18 },
    ],
    steps.map((s) => [
      tpl.t('control.step', { from: s.handedBy, to: s.receivedBy }),
      `${shortTime(s.at)}\n\n${tpl.t('control.signs')}\n\n`,
      s.result ? tpl.t(`control.result.${s.result}`) : '',
      s.note,
    ]),
  );
}
