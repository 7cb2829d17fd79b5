import { resolve } from 'node:path';
import type { CliCommand } from '../command.ts';
import { flagString } from '../command.ts';
import { ColorMode, ScanSource } from '../../contract/scan.ts';
import { CliErrors } from '../errors.ts';

export const scanCommands: CliCommand[] = [
  {
    words: ['scan'],
    usage: 'counter scan --device ID [--source adf|platen] [--duplex] [--dpi 300] [--color color|gray] --out FILE.pdf [--json]',
    summary: 'Scan into one searchable PDF (OCR vie+eng)',
    async run(ctx, args) {
      const deviceId = flagString(args, 'device');
      const out = flagString(args, 'out');
      if (!deviceId || !out) throw CliErrors.raise('CLI_MISSING_ARGUMENT', { usage: this.usage });
      const settings = {
        source: ScanSource.parse(flagString(args, 'source') ?? 'adf'),
        duplex: args.flags.duplex === true,
        dpi: Number(flagString(args, 'dpi') ?? 300),
        color: ColorMode.parse(flagString(args, 'color') ?? 'color'),
      };
      const session = await ctx.call('scan.open', {});
      await ctx.call('scan.run', { sessionId: session.id, deviceId, settings });
      const done = await ctx.call('scan.wait', { sessionId: session.id, timeoutMs: 600_000 });
      if (done.lastError && done.pages.length === 0) {
        const { CounterError } = await import('../../contract/errors.ts');
        throw new CounterError(done.lastError.code, { vi: done.lastError.vi, en: done.lastError.en });
      }
      const pdf = await ctx.call('scan.buildPdf', { sessionId: session.id, componentId: null, outPath: resolve(out) });
      const flagged = done.pages.filter((p) => p.flags.length).map((p) => `  trang ${p.order}: ${p.flags.map((f) => f.vi).join('; ')}`);
      const text = [
        `Đã quét ${pdf.pages} trang → ${pdf.path} (${Math.round(pdf.bytes / 1024)} KB, PDF/A-2b: ${pdf.pdfa ? 'có' : 'không'})`,
        ...(done.lastError ? [`Dừng vì / stopped: ${done.lastError.vi}`] : []),
        ...flagged,
      ].join('\n');
      return { data: { pdf, pages: done.pages.map(({ text: _t, ...p }) => p), lastError: done.lastError }, text };
    },
  },
];
