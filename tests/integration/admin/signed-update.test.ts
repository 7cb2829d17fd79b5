import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { generateDistrictKey } from '../../../src-main/features/admin/rollout/config-bundle.ts';
import { checkFeedUrl, sha512Base64, signUpdate, updateVerifier, verifyUpdate } from '../../../src-main/features/admin/rollout/update-signature.ts';
import { createCore } from '../../../src-main/core.ts';
import { runSync } from '../../support/children.ts';

const PASS = 'mật khẩu khóa huyện';
const district = generateDistrictKey(PASS);
const stranger = generateDistrictKey(PASS);
const installer = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(256 * 1024, 7)]);
const FILE = 'quay-mot-cua-2.0.0-win-x64.exe';

let dir: string;
let server: Server;
let feed: string;
let ca: Buffer;
/** What the feed serves under each path; a test swaps entries to tamper with the update. */
const served = new Map<string, Buffer>();

/** The seam: fetch over real TLS to the local feed, trusting its test CA. */
const tlsFetch: typeof fetch = (input) =>
  new Promise((resolve, reject) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    request(url, { ca, timeout: 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 500 })));
    }).on('error', reject).end();
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'osc-update-'));
  runSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'tls.key', '-out', 'tls.pem', '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { cwd: dir, timeout: 30_000 });
  ca = readFileSync(join(dir, 'tls.pem'));
  server = createServer({ key: readFileSync(join(dir, 'tls.key')), cert: ca }, (req, res) => {
    const body = served.get(new URL(req.url ?? '/', 'https://x').pathname);
    if (body) res.writeHead(200).end(body);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  feed = `https://127.0.0.1:${(server.address() as { port: number }).port}/updates`;
});
afterAll(() => new Promise<void>((r) => server?.close(() => r())));

function serve(bytes: Buffer, sig: unknown): string {
  const downloaded = join(dir, 'downloaded.exe');
  served.set(`/updates/${FILE}`, bytes);
  if (sig === undefined) served.delete(`/updates/${FILE}.sig`);
  else served.set(`/updates/${FILE}.sig`, Buffer.from(JSON.stringify(sig)));
  writeFileSync(downloaded, bytes); // what electron-updater would have downloaded from the feed
  return downloaded;
}

const verifier = (version = '2.0.0') =>
  updateVerifier({ feedUrl: feed, offered: () => ({ version, files: [{ url: FILE }] }), trustedFingerprints: () => [district.fingerprint], readFile, fetcher: tlsFetch });

describe('updates are installed only with the district signature', () => {
  const good = signUpdate(installer, { version: '2.0.0', file: FILE }, district.privateKeyPem, PASS);

  it('accepts the installer the district signed, fetched over https', async () => {
    expect(await verifier()(serve(installer, good))).toBeNull();
  });

  it('refuses a tampered installer', async () => {
    const tampered = Buffer.from(installer);
    tampered[1000] = 0xff - installer[1000]!;
    expect(await verifier()(serve(tampered, good))).toMatch(/^UPDATE_BAD_SIGNATURE: Chữ ký của bản cập nhật không hợp lệ/);
  });

  it('refuses an installer without a signature file', async () => {
    expect(await verifier()(serve(installer, undefined))).toMatch(/^UPDATE_UNSIGNED/);
  });

  it('refuses an installer signed by a key this PC does not trust', async () => {
    const other = signUpdate(installer, { version: '2.0.0', file: FILE }, stranger.privateKeyPem, PASS);
    expect(await verifier()(serve(installer, other))).toMatch(/^UPDATE_UNTRUSTED_KEY/);
  });

  it('refuses a genuine signature of another version (replayed old installer)', async () => {
    expect(await verifier('2.0.1')(serve(installer, good))).toMatch(/^UPDATE_BAD_SIGNATURE/);
  });

  it('refuses a signature whose statement was edited to match the tampered file', async () => {
    const tampered = Buffer.concat([installer, Buffer.from('evil')]);
    const edited = { ...good, statement: { ...good.statement, sha512: sha512Base64(tampered) } };
    expect(await verifier()(serve(tampered, edited))).toMatch(/^UPDATE_BAD_SIGNATURE/);
  });

  it('never throws on any signature file, only refuses (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        expect(() => verifyUpdate(installer, junk, { version: '2.0.0', trustedFingerprints: [district.fingerprint] })).toThrow(/^UPDATE_/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('only https feeds', () => {
  it('refuses http:// and other schemes', () => {
    for (const u of ['http://update.example/', 'ftp://x/', 'file:///C:/x', 'not a url', '//x']) expect(() => checkFeedUrl(u)).toThrow(/UPDATE_FEED_INSECURE/);
    expect(checkFeedUrl('https://update.example/counter/').protocol).toBe('https:');
    expect(() => updateVerifier({ feedUrl: 'http://x/', offered: () => undefined, trustedFingerprints: () => [], readFile })).toThrow(/UPDATE_FEED_INSECURE/);
  });

  it('settings.set refuses an http:// update URL with a coded error', async () => {
    const core = createCore({ dataDir: mkdtempSync(join(tmpdir(), 'osc-upd-set-')), host: 'cli', version: 'test', probes: [] });
    try {
      const r = await core.call('settings.set', { update: { url: 'http://update.example/' } });
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      const ok = await core.call('settings.set', { update: { url: 'https://update.example/' } });
      expect(ok.ok).toBe(true);
    } finally {
      await core.close();
    }
  });
});
