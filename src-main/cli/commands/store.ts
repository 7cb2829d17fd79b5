import { resolve } from 'node:path';
import type { CliCommand } from '../command.ts';
import { flagString } from '../command.ts';
import { defineErrors } from '../../contract/errors.ts';

const StoreCliErrors = defineErrors({
  CLI_FILE_REQUIRED: { vi: 'Thiếu đường dẫn tệp.', en: 'A file path is required.' },
});

const truthy = (v: string | boolean | undefined) => v === true || v === '1' || v === 'true';

export function requireFile(positionals: string[]): string {
  const file = positionals[0];
  if (!file) throw StoreCliErrors.raise('CLI_FILE_REQUIRED');
  return resolve(file);
}

export const storeCommands: CliCommand[] = [
  {
    words: ['store', 'status'],
    usage: 'counter store status [--json]',
    summary: 'Database path, schema version and counts',
    async run(ctx) {
      const s = await ctx.call('store.status', {});
      return {
        data: s,
        text: `CSDL / database: ${s.dbPath}\nPhiên bản / schema: ${s.schemaVersion}\nHồ sơ / dossiers: ${s.dossiers}\nThủ tục / procedures: ${s.procedures}\nTệp / blobs: ${s.blobs}\nKhóa / key: ${s.keyKind}\nMã phân biệt máy / installation tag: ${s.installation.tag} (${s.installation.id})`,
      };
    },
  },
  {
    words: ['store', 'check'],
    usage: 'counter store check [--blobs] [--json]',
    summary: 'PRAGMA integrity_check (and verify every stored file with --blobs)',
    async run(ctx, args) {
      const r = await ctx.call('store.check', { blobs: truthy(args.flags.blobs) });
      const text = r.ok
        ? `Toàn vẹn: tốt / integrity ok (${r.blobsChecked} tệp kiểm tra / blobs checked)`
        : `LỖI / PROBLEMS:\n${[...r.problems, ...r.blobsCorrupt.map((b) => `tệp ${b} hỏng / blob ${b} corrupt`), ...r.blobsMissing.map((b) => `thiếu tệp ${b} / blob ${b} missing`)].join('\n')}`;
      return { data: r, text };
    },
  },
  {
    words: ['backup'],
    usage: 'counter backup FILE [--json]',
    summary: 'Online backup of the database and stored files to one file',
    async run(ctx, args) {
      const r = await ctx.call('store.backup', { file: requireFile(args.positionals) });
      return { data: r, text: `Đã sao lưu / backed up ${r.dossiers} hồ sơ, ${r.blobs} tệp → ${r.file} (${r.bytes} bytes)` };
    },
  },
  {
    words: ['restore'],
    usage: 'counter restore FILE [--json]',
    summary: 'Check a backup and restore it (takes effect at the next start)',
    async run(ctx, args) {
      const r = await ctx.call('store.restore', { file: requireFile(args.positionals) });
      return {
        data: r,
        text: `Bản sao lưu hợp lệ (${r.dossiers} hồ sơ, ${r.blobs} tệp, tạo lúc ${r.createdAt}). Sẽ khôi phục khi khởi động lại ứng dụng.\nBackup is valid; it replaces the database at the next start (stop the app first).`,
      };
    },
  },
  {
    words: ['store', 'purge'],
    usage: 'counter store purge [--dry-run] [--json]',
    summary: 'Delete local copies confirmed by the province longer ago than the retention period',
    async run(ctx, args) {
      const r = await ctx.call('store.purge', { dryRun: truthy(args.flags['dry-run']) || flagString(args, 'dry-run') !== undefined });
      const verb = truthy(args.flags['dry-run']) ? 'Sẽ xóa / would purge' : 'Đã xóa / purged';
      const text = r.retentionDays === 0 ? 'Lưu giữ vĩnh viễn (retentionDays = 0) / retention disabled' : `${verb}: ${r.purged.length} hồ sơ, ${r.blobsDeleted} tệp` +
            (r.held.length ? `\nGiữ lại / kept: ${r.held.length} hồ sơ còn dữ liệu chưa gửi lên tỉnh (not delivered yet)` : '');
      return { data: r, text };
    },
  },
];
