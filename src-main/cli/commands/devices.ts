import type { CliCommand } from '../command.ts';
import { flagString } from '../command.ts';
import { DeviceKind } from '../../contract/devices.ts';

export const deviceCommands: CliCommand[] = [
  {
    words: ['devices', 'list'],
    usage: 'counter devices list [--kind scanner|idcard|qr|printer] [--json]',
    summary: 'Discover scanners, card readers, QR readers and printers',
    async run(ctx, args) {
      const kindFlag = flagString(args, 'kind');
      const kind = kindFlag === undefined ? undefined : DeviceKind.parse(kindFlag);
      const devices = await ctx.call('devices.list', { kind, refresh: true });
      const text = devices.length
        ? devices.map((d) => `${d.kind.padEnd(8)} ${d.status.padEnd(8)} ${d.driver.padEnd(8)} ${d.id}  ${d.name}`).join('\n')
        : 'Không tìm thấy thiết bị nào / no devices found';
      return { data: devices, text };
    },
  },
];
