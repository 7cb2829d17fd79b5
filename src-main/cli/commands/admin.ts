import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CliCommand, ParsedArgs } from '../command.ts';
import { flagString } from '../command.ts';
import { SecretName } from '../../contract/admin.ts';
import { defineErrors } from '../../contract/errors.ts';
import { SIGNATURE_SUFFIX, signUpdate } from '../../features/admin/rollout/update-signature.ts';

const AdminCliErrors = defineErrors({
  CLI_MISSING_ARGUMENT: { vi: 'Thiếu tham số bắt buộc (xem "counter help").', en: 'A required argument is missing (see "counter help").' },
  CLI_MISSING_PASSPHRASE: { vi: 'Thiếu mật khẩu: đặt biến môi trường được nêu trong chi tiết lỗi.', en: 'Passphrase missing: set the environment variable named in the details.' },
});

/** Passphrases come from the environment so they never appear in shell history or process lists. */
function passphrase(envName: string, required = true): string | undefined {
  const v = process.env[envName];
  if (!v && required) throw AdminCliErrors.raise('CLI_MISSING_PASSPHRASE', { variable: envName });
  return v || undefined;
}

function need(args: ParsedArgs, name: string): string {
  const v = flagString(args, name) ?? (name === 'file' ? args.positionals[0] : undefined);
  if (!v) throw AdminCliErrors.raise('CLI_MISSING_ARGUMENT', { argument: name });
  return v;
}

export const adminCommands: CliCommand[] = [
  {
    words: ['update', 'sign'],
    usage: 'counter update sign FILE --key KEYFILE --app-version X.Y.Z   (COUNTER_KEY_PASSPHRASE)',
    summary: 'Sign an app installer with the district rollout key (writes INSTALLER.sig for the update feed)',
    async run(_ctx, args) {
      const installer = need(args, 'file');
      const sig = signUpdate(readFileSync(installer), { version: need(args, 'app-version'), file: basename(installer) }, readFileSync(need(args, 'key'), 'utf8'), passphrase('COUNTER_KEY_PASSPHRASE') as string);
      const out = `${installer}${SIGNATURE_SUFFIX}`;
      writeFileSync(out, JSON.stringify(sig, null, 2));
      return { data: { out, fingerprint: sig.signature.fingerprint, version: sig.statement.version }, text: `Đã ký bản cập nhật / update signed: ${out}\nDấu vân tay / fingerprint: ${sig.signature.fingerprint}` };
    },
  },
  {
    words: ['config', 'keygen'],
    usage: 'counter config keygen --out-dir DIR   (COUNTER_KEY_PASSPHRASE)',
    summary: 'Create the district key pair that signs rollout files',
    async run(ctx, args) {
      const dir = need(args, 'out-dir');
      const key = await ctx.call('config.keygen', { passphrase: passphrase('COUNTER_KEY_PASSPHRASE') as string });
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'district-key.pem'), key.privateKeyPem, { mode: 0o600 });
      writeFileSync(join(dir, 'district-key.pub.pem'), key.publicKeyPem);
      return { data: { fingerprint: key.fingerprint, dir }, text: `Khóa huyện / district key: ${dir}\nDấu vân tay / fingerprint: ${key.fingerprint}` };
    },
  },
  {
    words: ['config', 'export'],
    usage: 'counter config export --key FILE --out FILE [--issuer NAME]   (COUNTER_KEY_PASSPHRASE, COUNTER_SECRETS_PASSPHRASE)',
    summary: 'Export this configuration as a signed rollout file',
    async run(ctx, args) {
      const bundle = await ctx.call('config.export', {
        privateKeyPem: readFileSync(need(args, 'key'), 'utf8'),
        keyPassphrase: passphrase('COUNTER_KEY_PASSPHRASE') as string,
        secretsPassphrase: passphrase('COUNTER_SECRETS_PASSPHRASE', false),
        issuer: flagString(args, 'issuer') ?? '',
      });
      const out = need(args, 'out');
      writeFileSync(out, JSON.stringify(bundle, null, 2));
      return { data: { out, fingerprint: bundle.signature.fingerprint, secrets: Boolean(bundle.secrets) }, text: `Đã xuất / exported: ${out}\nDấu vân tay / fingerprint: ${bundle.signature.fingerprint}` };
    },
  },
  {
    words: ['config', 'import'],
    usage: 'counter config import FILE [--trust FINGERPRINT]   (COUNTER_SECRETS_PASSPHRASE)',
    summary: 'Verify a signed rollout file and apply it',
    async run(ctx, args) {
      const file = need(args, 'file');
      const result = await ctx.call('config.import', {
        bundle: JSON.parse(readFileSync(file, 'utf8')) as unknown,
        secretsPassphrase: passphrase('COUNTER_SECRETS_PASSPHRASE', false),
        trustFingerprint: flagString(args, 'trust'),
      });
      return { data: result, text: `Đã áp dụng / applied: ${result.sections.join(', ')}; mật khẩu / secrets: ${result.secrets.join(', ') || '—'}` };
    },
  },
  {
    words: ['secrets', 'set'],
    usage: 'counter secrets set NAME   (value in COUNTER_SECRET_VALUE)',
    summary: 'Store a credential encrypted in the key store',
    async run(ctx, args) {
      const name = SecretName.parse(args.positionals[0]);
      const r = await ctx.call('secrets.set', { name, value: passphrase('COUNTER_SECRET_VALUE') as string });
      return { data: r, text: `${r.name}: ${r.set ? 'đã lưu / stored' : 'đã xóa / cleared'}` };
    },
  },
  {
    words: ['diagnostics', 'export'],
    usage: 'counter diagnostics export [--out FILE]',
    summary: 'Write a support bundle without personal data',
    async run(ctx, args) {
      const d = await ctx.call('diagnostics.export', { logLines: 2000 });
      const out = flagString(args, 'out') ?? d.fileName;
      writeFileSync(out, d.json);
      return { data: { out }, text: `Đã ghi / written: ${out}` };
    },
  },
  {
    words: ['logs'],
    usage: 'counter logs [--lines N] [--level error]',
    summary: 'The latest log lines',
    async run(ctx, args) {
      const level = flagString(args, 'level') as 'info' | 'warn' | 'error' | undefined;
      const entries = await ctx.call('logs.tail', { lines: Number(flagString(args, 'lines') ?? 50), level });
      return { data: entries, text: entries.map((e) => `${e.at} ${e.level.padEnd(5)} ${e.message}`).join('\n') };
    },
  },
];
