import type { CliCommand, ParsedArgs } from '../command.ts';
import { flagString } from '../command.ts';
import { SigningErrors, type KeySelector, type SignOptions } from '../../contract/signing.ts';

/** The PIN comes from this variable (scripts) or a hidden prompt; never from a flag, which would land in shell history. */
export const PIN_ENV = 'COUNTER_TOKEN_PIN';
export const P12_PASSWORD_ENV = 'COUNTER_P12_PASSWORD';

/** Reads a line from the terminal without echoing it. */
async function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) return '';
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise((resolve) => {
    let value = '';
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          resolve(value);
          return;
        }
        if (ch === '\u0003') process.exit(130);
        value = ch === '\u007f' ? value.slice(0, -1) : value + ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function keyFromArgs(args: ParsedArgs): Promise<KeySelector> {
  const p12 = flagString(args, 'p12');
  if (p12) {
    const password = process.env[P12_PASSWORD_ENV] ?? (await promptHidden('Mật khẩu tệp .p12 / .p12 password: '));
    return { kind: 'pkcs12', path: p12, password };
  }
  const certId = flagString(args, 'cert');
  if (!certId) throw SigningErrors.raise('CERT_NOT_FOUND', { hint: '--cert ID (see: counter pdf tokens)' });
  const pin = process.env[PIN_ENV] ?? (await promptHidden('Mã PIN / PIN: '));
  if (!pin) throw SigningErrors.raise('PIN_REQUIRED');
  return { kind: 'pkcs11', tokenLabel: flagString(args, 'token'), certId, pin, modulePath: flagString(args, 'module') };
}

function optionsFromArgs(args: ParsedArgs): SignOptions {
  const page = flagString(args, 'stamp-page');
  const o: SignOptions = { reason: flagString(args, 'reason'), location: flagString(args, 'location'), tsaUrl: flagString(args, 'tsa') };
  if (page) o.stamp = { page: page === 'last' ? undefined : Number(page), unit: flagString(args, 'unit') };
  return o;
}

export const pdfCommands: CliCommand[] = [
  {
    words: ['pdf', 'tokens'],
    usage: 'counter pdf tokens [--module LIB] [--json]',
    summary: 'List signing tokens and their certificates (PKCS#11)',
    async run(ctx, args) {
      const tokens = await ctx.call('signing.tokens', { modulePath: flagString(args, 'module') });
      const text = tokens.length
        ? tokens
            .map((t) => [`${t.label} (${t.manufacturer} ${t.model}, số sê-ri ${t.serialNumber})${t.pinLocked ? ' [ĐÃ KHÓA / LOCKED]' : ''}`, ...t.certificates.map((c) => `  --cert ${c.id}  ${c.commonName}  hết hạn ${c.notAfter.slice(0, 10)}`)].join('\n'))
            .join('\n')
        : 'Không tìm thấy thiết bị ký số / no token found';
      return { data: tokens, text };
    },
  },
  {
    words: ['pdf', 'sign'],
    usage: 'counter pdf sign FILE (--token LABEL --cert ID | --p12 FILE) --out FILE [--module LIB] [--reason TEXT] [--location TEXT] [--stamp-page N|last --unit TEXT] [--tsa URL] [--json]',
    summary: `Sign a PDF (PAdES); PIN from ${PIN_ENV} or a prompt`,
    async run(ctx, args) {
      const path = args.positionals[0];
      if (!path) throw SigningErrors.raise('FILE_READ_FAILED', { hint: 'counter pdf sign FILE' });
      const r = await ctx.call('signing.signFile', { path, outPath: flagString(args, 'out'), key: await keyFromArgs(args), options: optionsFromArgs(args) });
      return { data: r, text: `Đã ký / signed: ${r.outPath} (${r.bytes} bytes${r.timestamped ? ', có dấu thời gian / timestamped' : ''})` };
    },
  },
  {
    words: ['pdf', 'verify'],
    usage: 'counter pdf verify FILE [--json]',
    summary: 'Verify the signatures of a PDF: valid / invalid / unknown',
    async run(ctx, args) {
      const path = args.positionals[0];
      if (!path) throw SigningErrors.raise('FILE_READ_FAILED', { hint: 'counter pdf verify FILE' });
      const r = await ctx.call('signing.verifyFile', { path });
      const lines = [`Kết quả / result: ${r.status}`];
      for (const s of r.signatures) {
        lines.push(`  ${s.fieldName}: ${s.status} — ${s.signerName}${s.signingTime ? `, ${s.signingTime}` : ''}${s.timestamped ? ' (dấu thời gian)' : ''}`);
        for (const p of s.problems) lines.push(`    ${p.code}: ${p.vi}`);
      }
      if (r.signatures.length === 0) lines.push('  Tài liệu chưa được ký số / not signed');
      return { data: r, text: lines.join('\n') };
    },
  },
];
