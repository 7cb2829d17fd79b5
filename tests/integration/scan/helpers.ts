import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSync } from '../../support/children.ts';

export const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'scans');
export const fixture = (name: string) => readFileSync(join(FIXTURES, name));

/** A private SANE configuration with only the `test` backend, A4-capable (CI starts with nothing). */
export function saneTestConfig(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sane-test-'));
  writeFileSync(join(dir, 'dll.conf'), 'test\n');
  const base = existsSync('/etc/sane.d/test.conf') ? readFileSync('/etc/sane.d/test.conf', 'utf8').replace(/^geometry_max.*$/m, '') : '';
  writeFileSync(join(dir, 'test.conf'), `${base}\ngeometry_max 300.0\n`);
  return dir;
}

/** sane-airscan pointed at one eSCL URL, discovery off, nothing leaves loopback. */
export function airscanConfig(url: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'airscan-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'dll.conf'), 'airscan\n');
  writeFileSync(join(dir, 'airscan.conf'), `[devices]\n"Sim" = ${url}, eSCL\n[options]\ndiscovery = disable\n`);
  return dir;
}

export function pdftotext(file: string): string {
  return runSync('pdftotext', [file, '-'], { timeout: 30_000 }).stdout.normalize('NFC').replace(/[ \t]+/g, ' ');
}

export const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
