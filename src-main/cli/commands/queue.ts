import { writeFileSync } from 'node:fs';
import type { CliCommand } from '../command.ts';
import { flagString } from '../command.ts';
import { OutboxState, type QueueItem, type QueueStatusUpdate } from '../../contract/queue.ts';

const STATE_VI: Record<string, string> = {
  pending: 'chờ gửi',
  sending: 'đang gửi',
  sent: 'đã gửi',
  confirmed: 'đã xác nhận',
  'failed-retrying': 'lỗi, sẽ thử lại',
  quarantined: 'bị từ chối',
};

const STATUS_UPDATE_VI: Record<string, string> = {
  pending: 'chờ gửi',
  sending: 'đang gửi',
  sent: 'đã gửi',
  'failed-retrying': 'lỗi, sẽ thử lại',
  quarantined: 'bị từ chối',
};

const problemLines = (p: QueueItem['problem'], indent: string) =>
  p ? `\n${indent}${p.message.vi}${p.serverReason ? ` — ${p.serverReason}` : ''}\n${indent}→ ${p.advice.vi}` : '';

/** "Cập nhật trạng thái 10. Đã trả kết quả — đã gửi", then the problem and what to do. */
const statusLine = (u: QueueStatusUpdate) =>
  `\n    Cập nhật trạng thái ${u.toStatus}. ${u.toStatusName.vi} — ${STATUS_UPDATE_VI[u.state] ?? u.state}` + problemLines(u.problem, '      ');

const line = (i: QueueItem) =>
  `${i.state.padEnd(16)} ${(i.officialCode ?? i.code).padEnd(28)} ${String(Math.round((i.bytesDone / Math.max(1, i.bytesTotal)) * 100)).padStart(3)}%  ${i.applicantName}` +
  problemLines(i.problem, '    ') +
  i.statusUpdates.map(statusLine).join('');

export const queueCommands: CliCommand[] = [
  {
    words: ['queue', 'status'],
    usage: 'counter queue status [--state quarantined] [--json]',
    summary: 'Delivery queue: network, counts, last successful sync, and the dossiers (or their status updates) not yet delivered',
    async run(ctx, args) {
      const summary = await ctx.call('queue.status', {});
      const stateFlag = flagString(args, 'state');
      const states = stateFlag ? [OutboxState.parse(stateFlag)] : (['pending', 'sending', 'sent', 'failed-retrying', 'quarantined'] as const).slice();
      const { items } = await ctx.call('queue.list', { states, limit: 200 });
      const counts = Object.entries(summary.counts).map(([k, n]) => `${STATE_VI[k] ?? k}: ${n}`).join(', ');
      const statusCounts = Object.entries(summary.statusCounts).map(([k, n]) => `${STATUS_UPDATE_VI[k] ?? k}: ${n}`).join(', ');
      const text = [
        `Máy chủ tỉnh / server: ${summary.network}${summary.authBlocked ? ' (tạm dừng: sai thông tin đăng nhập)' : ''}`,
        `Lần đồng bộ thành công gần nhất / last success: ${summary.lastSuccessAt ?? '—'}`,
        `Hồ sơ / dossiers — ${counts}`,
        `Cập nhật trạng thái / status updates — ${statusCounts}`,
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
