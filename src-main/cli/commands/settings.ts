import type { CliCommand } from '../command.ts';
import { flagString } from '../command.ts';
import { Settings } from '../../contract/settings.ts';
import { defineErrors } from '../../contract/errors.ts';

const SettingsCliErrors = defineErrors({
  SETTINGS_UNKNOWN_SECTION: { vi: 'Không có mục cài đặt này.', en: 'No such settings section.' },
});

/** Reading the configuration from a shell: what IT staff (and the rollout e2e test) compare between PCs. */
export const settingsCommands: CliCommand[] = [
  {
    words: ['settings', 'get'],
    usage: 'counter settings get [--section agency|server|calendar|print|…] [--json]',
    summary: 'Print the configuration of this PC (or one section)',
    async run(ctx, args) {
      const all = await ctx.call('settings.get', {});
      const section = flagString(args, 'section');
      if (section !== undefined && !(section in Settings.shape)) {
        throw SettingsCliErrors.raise('SETTINGS_UNKNOWN_SECTION', { section, known: Object.keys(Settings.shape) });
      }
      const data = section === undefined ? all : all[section as keyof Settings];
      return { data, text: JSON.stringify(data, null, 2) };
    },
  },
  {
    words: ['secrets', 'status'],
    usage: 'counter secrets status [--json]',
    summary: 'Which credentials are stored (never their values)',
    async run(ctx) {
      const list = await ctx.call('secrets.status', {});
      return { data: list, text: list.map((s) => `${s.name.padEnd(22)} ${s.set ? 'đã lưu / stored' : 'chưa có / not set'}`).join('\n') };
    },
  },
];
