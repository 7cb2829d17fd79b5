import { readFileSync, writeFileSync } from 'node:fs';
import type { CliCommand, CliContext } from '../command.ts';
import { flagString } from '../command.ts';
import { FormData, PrintErrors, type FormDataInput } from '../../contract/print.ts';
import { kindOfNumber } from '../../features/print/forms/templates/template.ts';
import { formDataFromDossier } from '../../domain/dossier/form-from-dossier.ts';

async function formData(ctx: CliContext, dossierId: string | undefined, dataFile: string | undefined): Promise<FormDataInput> {
  if (dataFile) {
    try {
      return JSON.parse(readFileSync(dataFile, 'utf8')) as FormDataInput;
    } catch (e) {
      throw PrintErrors.raise('FORM_DATA_INVALID', { file: dataFile, reason: (e as Error).message });
    }
  }
  if (!dossierId) throw PrintErrors.raise('FORM_DATA_INVALID', { fields: [{ field: '--dossier / --data', problem: 'one is required' }] });
  const dossier = await ctx.call('dossiers.get', { id: dossierId, reason: 'In biểu mẫu / print form' });
  const settings = await ctx.call('settings.get', {});
  const procedure = await ctx.call('procedures.get', { code: dossier.procedureCode }).catch(() => undefined);
  return formDataFromDossier(dossier, settings, { procedure });
}

export const printCommands: CliCommand[] = [
  {
    words: ['print', 'form'],
    usage: 'counter print form NN (--dossier ID | --data FILE.json) [--out FILE.pdf] [--printer NAME] [--json]',
    summary: 'Print (or save) Mẫu 01/02/03/05 for a dossier or a view-model file',
    async run(ctx, args) {
      const settings = await ctx.call('settings.get', {});
      const number = args.positionals[0] ?? '';
      const kind = kindOfNumber(settings.print.formSet, number, settings.print.texts);
      if (!kind) throw PrintErrors.raise('FORM_UNKNOWN', { number, formSet: settings.print.formSet });
      const parsed = FormData.safeParse(await formData(ctx, flagString(args, 'dossier'), flagString(args, 'data')));
      if (!parsed.success) throw PrintErrors.raise('FORM_DATA_INVALID', { fields: parsed.error.issues.map((i) => ({ field: i.path.join('.'), problem: i.message })) });
      const data = parsed.data;
      const out = flagString(args, 'out');
      if (out) {
        const r = await ctx.call('print.forms.render', { form: kind, data });
        writeFileSync(out, Buffer.from(r.pdfBase64, 'base64'));
        const { pdfBase64: _pdf, ...meta } = r;
        void _pdf;
        return { data: { ...meta, out }, text: `Mẫu số ${r.formNumber} → ${out} (${r.pages} trang, SHA-256 ${r.sha256})` };
      }
      const job = await ctx.call('print.forms.print', { form: kind, data, printer: flagString(args, 'printer') });
      return { data: job, text: `Đã gửi in / sent: ${job.printer} ${job.jobId} ×${job.copies} (SHA-256 ${job.sha256})` };
    },
  },
  {
    words: ['print', 'ticket'],
    usage: 'counter print ticket --number N [--printer ID] [--counter 01] [--service TEXT] [--json]',
    summary: 'Print a queue ticket on an ESC/POS printer',
    async run(ctx, args) {
      const r = await ctx.call('print.ticket', {
        number: Number(flagString(args, 'number') ?? NaN),
        printerId: flagString(args, 'printer'),
        counter: flagString(args, 'counter') ?? '',
        service: flagString(args, 'service') ?? '',
      });
      return { data: r, text: `Đã in phiếu / printed on ${r.printerId}: ${r.bytes} bytes, trạng thái/status ${r.status}` };
    },
  },
  {
    words: ['print', 'test'],
    usage: 'counter print test --printer NAME [--json]',
    summary: 'Print a Vietnamese test page on a system printer',
    async run(ctx, args) {
      const job = await ctx.call('print.test', { printer: flagString(args, 'printer') ?? '' });
      return { data: job, text: `Đã gửi trang in thử / test page sent: ${job.printer} ${job.jobId}` };
    },
  },
  {
    words: ['print', 'printers'],
    usage: 'counter print printers [--json]',
    summary: 'List system printers',
    async run(ctx) {
      const list = await ctx.call('print.printers.list', {});
      return { data: list, text: list.map((p) => `${p.isDefault ? '*' : ' '} ${p.status.padEnd(8)} ${p.name}`).join('\n') || 'Không có máy in / no printers' };
    },
  },
];
