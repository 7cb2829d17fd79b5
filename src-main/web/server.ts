import { createServer, type Server } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Core } from '../core.ts';
import { CONTENT_SECURITY_POLICY } from '../contract/security.ts';
import { readStatic } from './static-files.ts';
import { parseClientFrame, type ServerFrame } from './frames.ts';

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Serves the built renderer and the contract over a WebSocket, on 127.0.0.1 only. A random token
 * minted at start and an exact Origin check keep other local pages and processes out.
 */
export async function startWebHost(core: Core, opts: { rendererDir: string; port?: number }): Promise<WebHost> {
  const token = randomBytes(24).toString('base64url');
  let origin = '';

  const http: Server = createServer(async (req, res) => {
    const file = await readStatic(opts.rendererDir, req.url ?? '/');
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Không tìm thấy / Not found');
      return;
    }
    res.writeHead(200, {
      'content-type': file.type,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    res.end(file.body);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  http.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    const given = url.searchParams.get('token') ?? '';
    if (url.pathname !== '/rpc' || req.headers.origin !== origin || !tokensEqual(given, token)) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(core, ws));
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/#token=${token}`,
    port,
    token,
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      await new Promise<void>((r) => http.close(() => r()));
    },
  };
}

function serveSocket(core: Core, ws: WebSocket): void {
  const send = (frame: ServerFrame) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };
  const unsubscribe = core.bus.subscribe((event, payload) => send({ type: 'event', event, payload }));
  ws.on('close', unsubscribe);
  ws.on('message', async (data) => {
    const frame = parseClientFrame(data.toString());
    if (!frame) return send({ type: 'protocol-error', message: 'bad frame' });
    const result = await core.call(frame.method, frame.input, { host: 'web' });
    send({ type: 'result', id: frame.id, result });
  });
}
