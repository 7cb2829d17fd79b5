import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { request } from 'node:http';
import WebSocket from 'ws';
import { createCore } from '../../../src-main/core.ts';
import { startWebHost, type WebHost } from '../../../src-main/web/server.ts';

let host: WebHost;
let origin: string;
let secretDir: string;

/** A raw GET whose path is sent as given (fetch would normalise the dots away). */
function rawGet(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port: host.port, path }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject).end();
  });
}

beforeAll(async () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'osc-renderer-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Quầy Một cửa</title>');
  secretDir = mkdtempSync(join(tmpdir(), 'osc-secret-'));
  writeFileSync(join(secretDir, 'secret.txt'), 'do not serve');
  const core = createCore({ dataDir: mkdtempSync(join(tmpdir(), 'osc-')), host: 'web', version: '1.2.3', probes: [] });
  host = await startWebHost(core, { rendererDir, port: 0 });
  origin = `http://127.0.0.1:${host.port}`;
});
afterAll(() => host?.close());

function connect(query: string, headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/rpc${query}`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function call(ws: WebSocket, method: string, input: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    ws.on('message', (d) => {
      const frame = JSON.parse(String(d));
      if (frame.type === 'result' && frame.id === 7) resolve(frame.result);
    });
    ws.send(JSON.stringify({ id: 7, method, input }));
  });
}

describe('web host', () => {
  it('listens on loopback only and prints a URL carrying the token in the fragment', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{20,}$/);
  });

  it('serves the renderer with a strict CSP', async () => {
    const res = await fetch(`${origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('Quầy Một cửa');
  });

  it('does not serve files outside the renderer folder', async () => {
    const name = basename(secretDir);
    for (const p of [`/../${name}/secret.txt`, `/%2e%2e/${name}/secret.txt`, `/..%2f${name}%2fsecret.txt`, '/..\\..\\etc\\passwd']) {
      expect(await rawGet(p)).toBe(404);
    }
    expect(await rawGet('/index.html')).toBe(200);
  });

  it('refuses a socket without the token, with a wrong token, or from another origin', async () => {
    await expect(connect('', { origin })).rejects.toThrow(/403/);
    await expect(connect('?token=wrong', { origin })).rejects.toThrow(/403/);
    await expect(connect(`?token=${host.token}`, { origin: 'http://evil.example' })).rejects.toThrow(/403/);
  });

  it('answers contract calls and validation errors over the socket', async () => {
    const ws = await connect(`?token=${host.token}`, { origin });
    expect(await call(ws, 'app.info', {})).toMatchObject({ ok: true, value: { version: '1.2.3', host: 'web' } });
    ws.removeAllListeners('message');
    expect(await call(ws, 'settings.set', { ui: { language: 42 } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    ws.close();
  });
});
