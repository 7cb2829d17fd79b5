import type { CliCommand } from '../command.ts';
import { flagString } from '../command.ts';
import { requireFile } from './store.ts';
import { readCatalogFile } from '../catalog-file.ts';

export const procedureCommands: CliCommand[] = [
  {
    words: ['procedures', 'list'],
    usage: 'counter procedures list [--field NAME] [--json]',
    summary: 'List the procedure catalogue',
    async run(ctx, args) {
      const list = await ctx.call('procedures.list', { field: flagString(args, 'field') });
      const text = list.length
        ? list.map((p) => `${p.code}  ${p.fieldName.padEnd(22)} ${p.name}${p.sample ? '  [mẫu/sample]' : ''}`).join('\n')
        : 'Danh mục trống / the catalogue is empty';
      return { data: list, text };
    },
  },
  {
    words: ['procedures', 'show'],
    usage: 'counter procedures show CODE [--json]',
    summary: 'One procedure: time limit, fees, components',
    async run(ctx, args) {
      const p = await ctx.call('procedures.get', { code: args.positionals[0] ?? '' });
      const unit = p.processingTime.unit === 'working-days' ? 'ngày làm việc' : 'giờ làm việc';
      const lines = [
        `${p.code} — ${p.name}${p.sample ? ' [mẫu/sample]' : ''}`,
        `Lĩnh vực: ${p.field.name}`,
        `Thời hạn: ${p.processingTime.value} ${unit}`,
        `Lệ phí: ${p.fees.length ? p.fees.map((f) => `${f.name} ${f.amountVnd.toLocaleString('vi-VN')} đ`).join('; ') : 'không'}`,
        'Thành phần hồ sơ:',
        ...p.components.map((c, i) => `  ${i + 1}. ${c.name} (${c.copies.map((x) => `${x.channel}: ${x.originals} chính/${x.certifiedCopies} sao/${x.photocopies} photo`).join(', ')})`),
      ];
      return { data: p, text: lines.join('\n') };
    },
  },
  {
    words: ['procedures', 'import'],
    usage: 'counter procedures import FILE [--format json|csv|xlsx] [--dry-run] [--json]',
    summary: 'Import a procedure catalogue (JSON, CSV in UTF-8 or Windows-1258, Excel .xlsx); valid rows are kept, rejected rows reported',
    async run(ctx, args) {
      const file = requireFile(args.positionals);
      const { content, format, encoding } = await readCatalogFile(file, flagString(args, 'format'));
      const dryRun = args.flags['dry-run'] === true;
      const r = await ctx.call('procedures.import', { content, format, dryRun });
      const lines = [
        ...(encoding ? [`Đọc tệp / read as: ${encoding}`] : []),
        dryRun ? `Kiểm tra (không ghi) / dry run` : `Đã nhập / imported: ${r.imported}`,
        `Bị từ chối / rejected: ${r.rejected.length}`,
        ...r.rejected.map((x) => `  dòng/row ${x.row}${x.code ? ` (${x.code})` : ''}: ${x.errors.join('; ')}`),
      ];
      return { data: { ...r, ...(encoding ? { encoding } : {}) }, text: lines.join('\n') };
    },
  },
];
