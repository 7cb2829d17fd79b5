import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createCore } from '../../../src-main/core.ts';
import { httpFetch, type FetchLike } from '../../../src-main/platform/http.ts';
import { checkCard } from '../../../src-main/features/health/health-card-check.ts';
import { requestTimestamp } from '../../../src-main/features/signing/tsa-client.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
// LAN device traffic stays on Node's fetch on purpose (no proxy between a counter and its scanner).
const LAN_ONLY = ['src-main/devices/scanner/escl/escl-driver.ts'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** A fetch that answers every request itself and remembers the URLs (stands for Electron's net.fetch). */
function recordingFetch(): FetchLike & { urls: string[] } {
  const urls: string[] = [];
  const f = (async (input: string | URL | Request) => {
    urls.push(String(input instanceof Request ? input.url : input));
    return new Response('{"maKetQua":"000"}', { status: 200, headers: { 'content-type': 'application/json', date: new Date().toUTCString() } });
  }) as FetchLike & { urls: string[] };
  f.urls = urls;
  return f;
}

describe('one injectable fetch for every HTTP client of the core', () => {
  it('leaves no direct fetch() call in the core outside the seam', () => {
    const offenders = sources(join(ROOT, 'src-main'))
      .map((f) => relative(ROOT, f).replaceAll('\\', '/'))
      .filter((f) => f !== 'src-main/platform/http.ts' && !LAN_ONLY.includes(f))
      .filter((f) => /(?<![.\w])fetch\(/.test(readFileSync(join(ROOT, f), 'utf8').replace(/\/\/.*$/gm, '')));
    expect(offenders).toEqual([]);
  });

  it('sends the card check and the TSA request through CoreConfig.fetch, and stops when the core closes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'osc-fetch-'));
    const rec = recordingFetch();
    const core = createCore({ dataDir, host: 'cli', version: '0.0.0', fetch: rec });
    try {
      await checkCard('http://bhyt.invalid/check', { maThe: 'GD4797933196419', hoTen: 'Nguyễn Văn An', ngaySinh: '01/01/1990' } as Parameters<typeof checkCard>[1], 1000, '2026-03-05').catch(() => undefined);
      await requestTimestamp('http://tsa.invalid/', new Uint8Array([1, 2, 3]), 1000).catch(() => undefined);
      expect(rec.urls).toEqual(['http://bhyt.invalid/check', 'http://tsa.invalid/']);
    } finally {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
    await httpFetch('http://127.0.0.1:9/').catch(() => undefined);
    expect(rec.urls).toHaveLength(2);
  });
});
