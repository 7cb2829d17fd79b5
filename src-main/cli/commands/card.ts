import type { CliCommand } from '../command.ts';
import { flagString } from '../command.ts';

/** `counter card read --can 001090012345 | --mrz DOCNO,YYMMDD,YYMMDD [--reader NAME]` */
export const cardCommands: CliCommand[] = [
  {
    words: ['card', 'readers'],
    usage: 'counter card readers [--json]',
    summary: 'List PC/SC chip card readers',
    async run(ctx) {
      const readers = await ctx.call('card.readers', {});
      await new Promise((r) => setTimeout(r, 300)); // the watcher reports readers asynchronously
      const now = await ctx.call('card.readers', {});
      const list = now.length ? now : readers;
      const text = list.length ? list.map((r) => `${r.cardPresent ? 'có thẻ ' : 'trống  '} ${r.name}`).join('\n') : 'Không có đầu đọc / no readers';
      return { data: list, text };
    },
  },
  {
    words: ['card', 'read'],
    usage: 'counter card read (--can <12-digit ID or 6-digit CAN> | --mrz <docNo>,<YYMMDD birth>,<YYMMDD expiry>) [--reader NAME] [--json]',
    summary: 'Read the chip ID card (PACE-CAN, else BAC) with passive authentication',
    async run(ctx, args) {
      const can = flagString(args, 'can');
      const mrzFlag = flagString(args, 'mrz');
      const mrz = mrzFlag
        ? (([documentNumber, dateOfBirth, dateOfExpiry]) => ({ documentNumber: documentNumber ?? '', dateOfBirth: dateOfBirth ?? '', dateOfExpiry: dateOfExpiry ?? '' }))(mrzFlag.split(','))
        : undefined;
      const r = await ctx.call('card.read', { can, mrz, readerId: flagString(args, 'reader') });
      const { face, ...rest } = r;
      const id = r.identity;
      const text = [
        `${id.fullName ?? ''}  ${id.idNumber ?? ''}`,
        `Ngày sinh ${id.dateOfBirth ?? '?'}  Giới tính ${id.sex ?? '?'}  Hết hạn ${id.expiryDate ?? '?'}`,
        `Xác thực: ${r.authenticity.result}  (${r.access.toUpperCase()}, ${r.durationMs} ms, DG ${r.dataGroups.join(',')})`,
        ...id.warnings.map((w) => `! ${w.message}`),
      ].join('\n');
      return { data: { ...rest, face: face ? { mime: face.mime, bytes: Math.floor((face.base64.length * 3) / 4) } : undefined }, text };
    },
  },
];
