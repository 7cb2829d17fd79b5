import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { runSync } from '../../support/children.ts';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
let dataDir: string;

/** `npm run cli -- …`: the launcher builds out/ if a source changed, then runs out/main/cli.js. */
function counter(...args: string[]) {
  const r = runSync(process.execPath, [join(ROOT, 'src-main', 'launch', 'counter.mjs'), ...args], { cwd: ROOT, timeout: 180_000, allowFailure: true, env: { ...process.env, COUNTER_DATA_DIR: dataDir } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'osc-cli-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the built counter CLI', () => {
  it('runs from out/main/cli.js, with a global flag before the command words', () => {
    const r = counter('--training', 'dossiers', 'list', '--json');
    expect(r.err).not.toMatch(/tsx/);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ total: 0, items: [] });
  }, 200_000);

  it('prints a usage error, never a stack trace or INTERNAL, for scan without its flags', () => {
    const r = counter('scan');
    expect(r.code).toBe(2);
    const lines = r.err.trim().split('\n');
    expect(lines[0]).toMatch(/^Lỗi CLI_MISSING_ARGUMENT: Thiếu tham số bắt buộc/);
    expect(r.err).toContain('--device, --out');
    expect(r.err).toContain('Cách dùng / usage: counter scan --device ID');
    expect(r.err).not.toMatch(/INTERNAL|\n\s+at /);
  }, 200_000);

  it('refuses a misspelt flag with a coded error and a suggestion, as JSON too', () => {
    const r = counter('dossiers', 'list', '--limt', '5', '--json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toMatchObject({ error: { code: 'CLI_UNKNOWN_OPTION', details: { option: '--limt', didYouMean: '--limit' } } });
  }, 200_000);

  it('answers --version, -h and per-command --help', () => {
    expect(counter('--version')).toMatchObject({ code: 0, out: `counter ${version}\n` });
    expect(counter('-h').out).toContain('counter dossiers list');
    const help = counter('scan', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Cách dùng \/ usage: counter scan --device ID/);
  }, 200_000);
});
