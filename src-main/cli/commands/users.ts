import type { CliCommand } from '../command.ts';
import { flagString } from '../command.ts';
import { defineErrors } from '../../contract/errors.ts';
import type { Role } from '../../contract/users.ts';

const UserCliErrors = defineErrors({
  CLI_PASSWORD_REQUIRED: {
    vi: 'Thiếu mật khẩu: dùng --password hoặc biến môi trường COUNTER_PASSWORD.',
    en: 'Password required: pass --password or set COUNTER_PASSWORD.',
  },
});

const password = (flag: string | undefined) => {
  const p = flag ?? process.env.COUNTER_PASSWORD;
  if (!p) throw UserCliErrors.raise('CLI_PASSWORD_REQUIRED');
  return p;
};

export const userCommands: CliCommand[] = [
  {
    words: ['users', 'list'],
    usage: 'counter users list [--json]',
    summary: 'List user accounts',
    async run(ctx) {
      const users = await ctx.call('users.list', {});
      return { data: users, text: users.map((u) => `${u.username.padEnd(16)} ${u.role.padEnd(9)} ${u.active ? 'hoạt động' : 'khóa    '} ${u.displayName}`).join('\n') || '(không có / none)' };
    },
  },
  {
    words: ['users', 'add'],
    usage: 'counter users add USERNAME --name "Họ tên" --role officer|health|it-admin [--password P] [--json]',
    summary: 'Create a user (scrypt-hashed password)',
    async run(ctx, args) {
      const u = await ctx.call('users.create', {
        username: args.positionals[0] ?? '',
        displayName: flagString(args, 'name') ?? args.positionals[0] ?? '',
        role: (flagString(args, 'role') ?? 'officer') as Role,
        password: password(flagString(args, 'password')),
      });
      return { data: u, text: `Đã tạo / created ${u.username} (${u.role})` };
    },
  },
  {
    words: ['users', 'passwd'],
    usage: 'counter users passwd USERNAME [--password P]',
    summary: 'Set a user password',
    async run(ctx, args) {
      const u = (await ctx.call('users.list', {})).find((x) => x.username.toLowerCase() === (args.positionals[0] ?? '').toLowerCase());
      const r = await ctx.call('users.setPassword', { id: u?.id ?? '', password: password(flagString(args, 'password')) });
      return { data: r, text: 'Đã đổi mật khẩu / password changed' };
    },
  },
  {
    words: ['users', 'disable'],
    usage: 'counter users disable USERNAME',
    summary: 'Disable a user account',
    async run(ctx, args) {
      const u = (await ctx.call('users.list', {})).find((x) => x.username.toLowerCase() === (args.positionals[0] ?? '').toLowerCase());
      const r = await ctx.call('users.setActive', { id: u?.id ?? '', active: false });
      return { data: r, text: `Đã khóa / disabled ${r.username}` };
    },
  },
  {
    words: ['audit', 'list'],
    usage: 'counter audit list [--subject S] [--limit N] [--json]',
    summary: 'Read the audit log, newest first',
    async run(ctx, args) {
      const limit = flagString(args, 'limit');
      const rows = await ctx.call('audit.list', { subject: flagString(args, 'subject'), limit: limit ? Number(limit) : 50 });
      return { data: rows, text: rows.map((r) => `${r.at}  ${(r.userId ?? '-').slice(0, 8).padEnd(8)} ${r.action.padEnd(14)} ${r.subject}  ${r.reason}`).join('\n') };
    },
  },
];
