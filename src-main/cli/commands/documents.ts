import { resolve } from 'node:path';
import type { CliCommand } from '../command.ts';
import { flagString } from '../command.ts';
import { CliErrors } from '../errors.ts';

export const ocrCommands: CliCommand[] = [
  {
    words: ['ocr'],
    usage: 'counter ocr FILE... [--lang vie+eng] [--json]',
    summary: 'Recognise text in images or PDFs (born-digital PDFs keep their text layer)',
    async run(ctx, args) {
      if (args.positionals.length === 0) throw CliErrors.raise('CLI_MISSING_ARGUMENT', { usage: this.usage });
      const results = await ctx.call('documents.ocr', { paths: args.positionals.map((p) => resolve(p)), lang: flagString(args, 'lang') ?? 'vie+eng' });
      // JSON keeps the names as given, in the order given.
      const data = results.map((r, i) => ({ ...r, file: args.positionals[i] as string }));
      const text = data.length === 1 ? data[0]!.text : data.map((r) => `== ${r.file} (${r.confidence}%)\n${r.text}`).join('\n\n');
      return { data, text };
    },
  },
];
