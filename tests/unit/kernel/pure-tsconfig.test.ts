import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Type-checks one file with the compiler options of tsconfig.pure.json (contract/ and domain/). */
function pureErrors(code: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.pure.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(String(d.messageText)); } });
  if (!config) throw new Error('tsconfig.pure.json not readable');
  const file = join(mkdtempSync(join(tmpdir(), 'osc-pure-')), 'x.ts');
  writeFileSync(file, code);
  const program = ts.createProgram([file, ...config.fileNames.filter((f) => f.endsWith('.d.ts'))], config.options);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('tsconfig.pure.json: contract/ and domain/ see neither the DOM nor Node', () => {
  it('includes exactly the two pure folders', () => {
    const config = ts.readConfigFile(join(ROOT, 'tsconfig.pure.json'), ts.sys.readFile).config as { include: string[] };
    expect(config.include).toEqual(['src-main/contract', 'src-main/domain']);
  });

  it.each([
    ['the DOM', 'export const t = document.title;', /Cannot find name 'document'/],
    ['Node globals', 'export const b = Buffer.from("x");', /Cannot find name 'Buffer'/],
    ['Node process', 'export const e = process.env.HOME;', /Cannot find name 'process'/],
  ])('refuses %s', (_what, code, why) => {
    expect(pureErrors(code).join('\n')).toMatch(why);
  });

  it('accepts what both runtimes have (TextEncoder, Uint8Array, Intl)', () => {
    expect(pureErrors('export const n = new TextEncoder().encode("ă").length + new Intl.NumberFormat("vi").format(1).length;')).toEqual([]);
  });
});
