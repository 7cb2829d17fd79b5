import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as netConnect } from 'node:net';
import fc from 'fast-check';
import WebSocket from 'ws';
import { startHostProcess, type HostProcess } from './host-process.ts';

let host: HostProcess;
let origin: string;

beforeAll(async () => {
  host = await startHostProcess(mkdtempSync(join(tmpdir(), 'osc-web-')));
  origin = `http://127.0.0.1:${host.port}`;
}, 60_000);
afterAll(() => host?.stop());

/** Writes raw bytes to the port and returns whatever the host answered before closing (bounded). */
function raw(text: string | Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = netConnect(host.port, '127.0.0.1');
    let got = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(got);
    };
    const timer = setTimeout(done, 2000);
    socket.on('data', (d) => {
      got += String(d);
      if (/\r\n\r\n/.test(got) && !/^HTTP\/1\.1 101/.test(got)) done();
    });
    socket.on('error', done);
    socket.on('close', done);
    socket.write(text);
  });
}

function statusOf(answer: string): number {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
}

const get = (path: string, hostHeader = `127.0.0.1:${host.port}`) => raw(`GET ${path} HTTP/1.1\r\nHost: ${hostHeader}\r\nConnection: close\r\n\r\n`);
const upgrade = (path: string, extra = '') =>
  raw(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n${extra}\r\n`);

async function stillAnswers(): Promise<void> {
  expect(host.child.exitCode, host.output()).toBeNull();
  const res = await fetch(`${origin}/`);
  expect(res.status).toBe(200);
}

function openSocket(headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/rpc?token=${host.token}`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

describe('web host under hostile input (own process)', () => {
  it('answers malformed paths with 4xx and keeps running', async () => {
    for (const p of ['/%', '/%E0%A4%A', '/%%%', '/%00', '//', '/..%c0%af']) {
      const status = statusOf(await get(p));
      expect(status, p).toBeGreaterThanOrEqual(400);
      expect(status, p).toBeLessThan(500);
    }
    // A malformed query names no file either way; the page itself is served.
    expect(statusOf(await get('/?%'))).toBe(200);
    await stillAnswers();
  });

  it('survives random request paths (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^\/[\x21-\x7e]{0,40}$/), async (p) => {
        const status = statusOf(await get(p));
        return status >= 200 && status < 500;
      }),
      { numRuns: 60 },
    );
    await stillAnswers();
  });

  it('refuses malformed upgrades without dying', async () => {
    for (const p of ['//', '/%', '//rpc', 'http://[', '/rpc?token=%', '*']) {
      const answer = await upgrade(p, `Origin: ${origin}\r\n`);
      expect(statusOf(answer), p).toBeGreaterThanOrEqual(400);
    }
    await stillAnswers();
  });

  it('closes a socket that sends an oversized frame, and keeps running', async () => {
    const ws = await openSocket({ origin });
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    ws.on('error', () => {});
    ws.send(Buffer.alloc(40 * 1024 * 1024, 0x41));
    expect(await closed).toBe(1009);
    await stillAnswers();
  }, 30_000);

  it('accepts only the loopback Host names with the right port (DNS rebinding)', async () => {
    expect(statusOf(await get('/', 'evil.example'))).toBe(421);
    expect(statusOf(await get('/', `evil.example:${host.port}`))).toBe(421);
    expect(statusOf(await get('/', `127.0.0.1:${host.port + 1}`))).toBe(421);
    expect(statusOf(await get('/', `localhost:${host.port}`))).toBe(200);
    expect(statusOf(await get('/', `127.0.0.1:${host.port}`))).toBe(200);
    const rebound = await raw(
      `GET /rpc?token=${host.token} HTTP/1.1\r\nHost: evil.example:${host.port}\r\nOrigin: http://evil.example:${host.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
    );
    expect(statusOf(rebound)).toBe(403);
    await expect(openSocket({ origin: 'http://evil.example' })).rejects.toThrow(/403/);
    await stillAnswers();
  });
});
