import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { CliCommand } from '../command.ts';
import { flagString } from '../command.ts';
import { requireFile } from './store.ts';
import { defineErrors } from '../../contract/errors.ts';

const CatalogCliErrors = defineErrors({
  CATALOG_FILE_UNREADABLE: { vi: 'Không đọc được tệp danh mục thủ tục.', en: 'Cannot read the procedure catalog file.' },
  CATALOG_FORMAT_UNKNOWN: { vi: 'Tệp danh mục phải là .json hoặc .csv (hoặc chỉ rõ --format).', en: 'The catalog file must be .json or .csv (or pass --format).' },
});

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
    usage: 'counter procedures import FILE [--format json|csv] [--dry-run] [--json]',
    summary: 'Import a procedure catalogue; valid rows are kept, rejected rows reported',
    async run(ctx, args) {
      const file = requireFile(args.positionals);
      const fmt = flagString(args, 'format') ?? extname(file).slice(1).toLowerCase();
      if (fmt !== 'json' && fmt !== 'csv') throw CatalogCliErrors.raise('CATALOG_FORMAT_UNKNOWN', { file });
      let content: string;
      try {
        content = readFileSync(file, 'utf8');
      } catch (err) {
        throw CatalogCliErrors.raise('CATALOG_FILE_UNREADABLE', { file, reason: String(err) });
      }
      const dryRun = args.flags['dry-run'] !== undefined && args.flags['dry-run'] !== 'false';
      const r = await ctx.call('procedures.import', { content, format: fmt, dryRun });
      const lines = [
        dryRun ? `Kiểm tra (không ghi) / dry run` : `Đã nhập / imported: ${r.imported}`,
        `Bị từ chối / rejected: ${r.rejected.length}`,
        ...r.rejected.map((x) => `  dòng/row ${x.row}${x.code ? ` (${x.code})` : ''}: ${x.errors.join('; ')}`),
      ];
      return { data: r, text: lines.join('\n') };
    },
  },
];
