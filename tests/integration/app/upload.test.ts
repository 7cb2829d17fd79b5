import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, request, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { createCore, type Core } from '../../../src-main/core.ts';
import { startWebHost, type WebHost } from '../../../src-main/web/server.ts';
import { receiveUpload } from '../../../src-main/web/upload.ts';
import { MAX_UPLOAD_BYTES, UPLOAD_PATH } from '../../../src-main/contract/transfer.ts';

let core: Core;
let host: WebHost;
let origin: string;
let dataDir: string;

beforeAll(async () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'osc-renderer-'));
  dataDir = mkdtempSync(join(tmpdir(), 'osc-up-'));
  core = createCore({ dataDir, host: 'web', version: '1.2.3', probes: [] });
  host = await startWebHost(core, { rendererDir, port: 0 });
  origin = `http://127.0.0.1:${host.port}`;
});
afterAll(async () => {
  await host?.close();
  await core?.close();
});

function post(url: string, body: Buffer | undefined, headers: Record<string, string | number>): Promise<{ status: number; json: { ok: boolean; value?: { path: string; bytes: number }; error?: { code: string; message: { vi: string } } } }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (d) => (text += String(d)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('streamed upload of the web host', () => {
  it('stores the body in a private file under the data folder and answers its path', async () => {
    const body = randomBytes(3 * 1024 * 1024);
    const { status, json } = await post(`${origin}${UPLOAD_PATH}?name=scan.pdf`, body, { origin, 'x-counter-token': host.token, 'content-type': 'application/octet-stream' });
    expect(status).toBe(200);
    const path = json.value!.path;
    expect(path.startsWith(join(dataDir, 'uploads'))).toBe(true);
    expect(path.endsWith('.pdf')).toBe(true);
    expect(readFileSync(path).equals(body)).toBe(true);
    expect(statSync(path).mode & 0o077).toBe(0);
  });

  it('refuses a caller without the token or from another origin, with a coded error', async () => {
    const a = await post(`${origin}${UPLOAD_PATH}`, Buffer.from('x'), { origin });
    expect(a.status).toBe(403);
    expect(a.json.error?.code).toBe('UPLOAD_FORBIDDEN');
    const b = await post(`${origin}${UPLOAD_PATH}`, Buffer.from('x'), { origin: 'http://evil.example', 'x-counter-token': host.token });
    expect(b.status).toBe(403);
  });

  it('refuses a declared size over the limit before reading the body', async () => {
    const { status, json } = await post(`${origin}${UPLOAD_PATH}`, undefined, { origin, 'x-counter-token': host.token, 'content-length': MAX_UPLOAD_BYTES + 1 });
    expect(status).toBe(413);
    expect(json.error?.code).toBe('UPLOAD_TOO_LARGE');
    expect(json.error?.message.vi).toMatch(/Tệp quá lớn/);
  });
});

describe('receiveUpload size limit while streaming', () => {
  let server: Server;
  let url: string;
  const dir = mkdtempSync(join(tmpdir(), 'osc-up-limit-'));
  beforeAll(async () => {
    server = createServer((req, res) => void receiveUpload(req, res, dir, 'a.png', 64 * 1024));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const a = server.address();
    url = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('cuts off a chunked body over the limit and leaves no partial file', async () => {
    const { status, json } = await post(url, randomBytes(200 * 1024), { 'transfer-encoding': 'chunked' });
    expect(status).toBe(413);
    expect(json.error?.code).toBe('UPLOAD_TOO_LARGE');
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it('accepts a body at the limit', async () => {
    const { status, json } = await post(url, randomBytes(64 * 1024), { 'transfer-encoding': 'chunked' });
    expect(status).toBe(200);
    expect(json.value?.bytes).toBe(64 * 1024);
  });
});
