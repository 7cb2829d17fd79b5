import { readFileSync } from 'node:fs';
import type { CliCommand } from '../command.ts';
import { flagString } from '../command.ts';
import { ParseHint } from '../../contract/idread.ts';
import type { Identity } from '../../contract/identity.ts';

function describe(id: Identity): string {
  const rows: Array<[string, string | undefined]> = [
    ['Loại / kind', id.kind],
    ['Số định danh / ID', id.idNumber],
    ['CMND cũ / old ID', id.oldIdNumber],
    ['Họ tên / name', id.fullName],
    ['Ngày sinh / born', id.dateOfBirth],
    ['Giới tính / sex', id.sex],
    ['Địa chỉ / address', id.address],
    ['Ngày cấp / issued', id.issueDate],
    ['Hết hạn / expires', id.expiryDate],
    ['Số thẻ / document', id.documentNumber],
    ['Thẻ BHYT / card', id.insurance && `${id.insurance.cardNumber} ${id.insurance.validFrom ?? ''}→${id.insurance.validTo ?? ''} ${id.insurance.facilityCode ?? ''}`],
  ];
  const warnings = id.warnings.map((w) => `! ${w.code}: ${w.message}`);
  return [...rows.filter(([, v]) => v).map(([k, v]) => `${k.padEnd(22)} ${v}`), ...warnings].join('\n');
}

export const identityCommands: CliCommand[] = [
  {
    words: ['id', 'parse'],
    usage: 'counter id parse "<text>"|- [--hint cccd-qr|vneid-qr|bhyt-qr|mrz-td1] [--json]',
    summary: 'Read a CCCD/VNeID/BHYT QR text or a TD1 MRZ ("-" reads stdin)',
    async run(ctx, args) {
      const arg = args.positionals.join(' ');
      const text = arg === '-' ? readFileSync(0, 'utf8') : arg;
      const hint = ParseHint.parse(flagString(args, 'hint') ?? 'auto');
      const identity = await ctx.call('identity.parse', { text, hint });
      return { data: identity, text: describe(identity) };
    },
  },
  {
    words: ['id', 'readers'],
    usage: 'counter id readers [--json]',
    summary: 'Configured QR and vendor ID readers',
    async run(ctx) {
      const readers = await ctx.call('identity.readers', {});
      const text = readers.length ? readers.map((r) => `${r.driver.padEnd(14)} ${r.status.padEnd(8)} ${r.address}`).join('\n') : 'Chưa cấu hình đầu đọc nào / no readers configured';
      return { data: readers, text };
    },
  },
];
