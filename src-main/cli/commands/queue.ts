import { writeFileSync } from 'node:fs';
import type { CliCommand } from '../command.ts';
import { flagString } from '../command.ts';
import { OutboxState, type QueueItem } from '../../contract/queue.ts';

const STATE_VI: Record<string, string> = {
  pending: 'chờ gửi',
  sending: 'đang gửi',
  sent: 'đã gửi',
  confirmed: 'đã xác nhận',
  'failed-retrying': 'lỗi, sẽ thử lại',
  quarantined: 'bị từ chối',
};

const line = (i: QueueItem) =>
  `${i.state.padEnd(16)} ${(i.officialCode ?? i.code).padEnd(28)} ${String(Math.round((i.bytesDone / Math.max(1, i.bytesTotal)) * 100)).padStart(3)}%  ${i.applicantName}` +
  (i.problem ? `\n    ${i.problem.message.vi}${i.problem.serverReason ? ` — ${i.problem.serverReason}` : ''}\n    → ${i.problem.advice.vi}` : '');

export const queueCommands: CliCommand[] = [
  {
    words: ['queue', 'status'],
    usage: 'counter queue status [--state quarantined] [--json]',
    summary: 'Delivery queue: network, counts, last successful sync, and the dossiers not yet confirmed',
    async run(ctx, args) {
      const summary = await ctx.call('queue.status', {});
      const stateFlag = flagString(args, 'state');
      const states = stateFlag ? [OutboxState.parse(stateFlag)] : (['pending', 'sending', 'sent', 'failed-retrying', 'quarantined'] as const).slice();
      const { items } = await ctx.call('queue.list', { states, limit: 200 });
      const counts = Object.entries(summary.counts).map(([k, n]) => `${STATE_VI[k] ?? k}: ${n}`).join(', ');
      const text = [
        `Máy chủ tỉnh / server: ${summary.network}${summary.authBlocked ? ' (tạm dừng: sai thông tin đăng nhập)' : ''}`,
        `Lần đồng bộ thành công gần nhất / last success: ${summary.lastSuccessAt ?? '—'}`,
        counts,
        ...items.map(line),
      ].join('\n');
      return { data: { summary, items }, text };
    },
  },
  {
    words: ['queue', 'retry'],
    usage: 'counter queue retry [<dossier-id>…] [--json]',
    summary: 'Retry now; naming a quarantined dossier releases it after its cause was fixed',
    async run(ctx, args) {
      const ids = args.positionals.length ? args.positionals : undefined;
      const r = await ctx.call('queue.retry', { dossierIds: ids });
      return { data: r, text: `Đã đặt gửi lại ${r.retried} hồ sơ / ${r.retried} queued for retry` };
    },
  },
  {
    words: ['queue', 'export'],
    usage: 'counter queue export [--out queue.json] [--json]',
    summary: 'Export every queue row (for IT)',
    async run(ctx, args) {
      const data = await ctx.call('queue.export', {});
      const out = flagString(args, 'out');
      if (out) writeFileSync(out, JSON.stringify(data, null, 2));
      return { data, text: out ? `Đã xuất ${data.items.length} dòng vào ${out}` : JSON.stringify(data, null, 2) };
    },
  },
];
