import type { CliCommand } from '../command.ts';

export const appCommands: CliCommand[] = [
  {
    words: ['info'],
    usage: 'counter info [--json]',
    summary: 'Version, host, mode and data folder',
    async run(ctx) {
      const info = await ctx.call('app.info', {});
      const text = [
        `${info.name} ${info.version}`,
        `Chạy trên / host: ${info.host} · Node ${info.nodeVersion} · ${info.platform}`,
        `Chế độ đào tạo / training mode: ${info.trainingMode ? 'bật / on' : 'tắt / off'}`,
        `Thư mục dữ liệu / data folder: ${info.dataDir}`,
      ].join('\n');
      return { data: info, text };
    },
  },
];
