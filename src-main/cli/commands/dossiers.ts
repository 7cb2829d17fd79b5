import type { CliCommand } from '../command.ts';
import { flagString } from '../command.ts';
import { DOSSIER_STATUSES, type DossierStatusCode } from '../../domain/dossier/status.ts';
import type { DossierSummary } from '../../contract/dossiers.ts';

const line = (d: DossierSummary) =>
  `${d.code.padEnd(32)} ${d.provisional ? 'TẠM ' : '    '} ${d.receivedAt.slice(0, 10)}  ${String(d.status).padStart(2)} ${DOSSIER_STATUSES[d.status as DossierStatusCode]?.vi.padEnd(24) ?? ''} ${d.applicantName}  —  ${d.procedureName}`;

const num = (v: string | undefined, d: number) => (v === undefined ? d : Number(v));

export const dossierCommands: CliCommand[] = [
  {
    words: ['dossiers', 'list'],
    usage: 'counter dossiers list [--status N] [--limit N] [--offset N] [--json]',
    summary: 'List dossiers, newest first',
    async run(ctx, args) {
      const status = flagString(args, 'status');
      const r = await ctx.call('dossiers.list', {
        status: status === undefined ? undefined : Number(status),
        limit: num(flagString(args, 'limit'), 20),
        offset: num(flagString(args, 'offset'), 0),
      });
      return { data: r, text: [`${r.total} hồ sơ / dossiers`, ...r.items.map(line)].join('\n') };
    },
  },
  {
    words: ['dossiers', 'search'],
    usage: 'counter dossiers search WORDS… [--limit N] [--offset N] [--json]',
    summary: 'Search by name, ID number, code, procedure or OCR text (accents optional)',
    async run(ctx, args) {
      const r = await ctx.call('dossiers.search', {
        query: args.positionals.join(' '),
        limit: num(flagString(args, 'limit'), 20),
        offset: num(flagString(args, 'offset'), 0),
      });
      const rows = r.items.map((d) => `${line(d)}${d.matchedIn === 'page' ? `  [trang/page ${d.pageNo}]` : ''}`);
      return { data: r, text: [...rows, `(${r.items.length}${r.hasMore ? '+' : ''} kết quả / results, ${r.tookMs.toFixed(1)} ms)`].join('\n') };
    },
  },
  {
    words: ['dossiers', 'show'],
    usage: 'counter dossiers show ID --reason TEXT [--json]',
    summary: 'Show one dossier (the read is audited with the reason)',
    async run(ctx, args) {
      const d = await ctx.call('dossiers.get', { id: args.positionals[0] ?? '', reason: flagString(args, 'reason') });
      const text = [
        `${d.officialCode ?? `${d.provisionalCode} (TẠM / provisional)`}`,
        `${d.procedureCode} ${d.procedureName}`,
        `Người nộp / applicant: ${d.applicant.identity.fullName ?? ''} ${d.applicant.identity.idNumber ?? ''} (${d.applicant.identity.kind}, ${d.applicant.trust})`,
        `Nhận / received: ${d.receivedAt}   Hẹn trả / due: ${d.dueAt ?? '—'}`,
        ...d.statusHistory.map((h) => `  ${h.at}  ${h.status} ${DOSSIER_STATUSES[h.status as DossierStatusCode].vi}${h.note ? ` — ${h.note}` : ''}`),
        ...d.components.map((c) => `  • ${c.name}: ${c.pages.length} trang/pages`),
      ];
      return { data: d, text: text.join('\n') };
    },
  },
];
