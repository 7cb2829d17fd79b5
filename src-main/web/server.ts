import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Core } from '../core.ts';
import { CONTENT_SECURITY_POLICY } from '../contract/security.ts';
import { MAX_RPC_FRAME_BYTES, TransferErrors, UPLOAD_PATH } from '../contract/transfer.ts';
import { readStatic } from './static-files.ts';
import { parseClientFrame, type ServerFrame } from './frames.ts';
import { loopbackNames, requestPath } from './loopback-names.ts';
import { clearUploads, receiveUpload } from './upload.ts';

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

function plain(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
}

/**
 * Serves the built renderer and the contract over a WebSocket, on 127.0.0.1 only. A random token
 * minted at start, an exact Origin check and a Host check keep other local pages, rebound DNS
 * names and processes out. No request, upgrade or frame may throw out of a handler: one bad input
 * must never stop the counter for everyone.
 */
export async function startWebHost(core: Core, opts: { rendererDir: string; port?: number }): Promise<WebHost> {
  const token = randomBytes(24).toString('base64url');
  const uploadDir = join(core.config.dataDir, 'uploads');
  let names = loopbackNames(0);
  let origin = '';
  const log = core.config.log ?? (() => {});

  const allowedHost = (req: IncomingMessage) => names.hosts.has(req.headers.host ?? '');
  const allowedCaller = (req: IncomingMessage, params: URLSearchParams) =>
    allowedHost(req) && names.origins.has(req.headers.origin ?? '') && tokensEqual(params.get('token') ?? String(req.headers['x-counter-token'] ?? ''), token);

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!allowedHost(req)) return plain(res, 421, 'Sai địa chỉ máy chủ / Misdirected request');
    const target = requestPath(req.url);
    if (!target) return plain(res, 400, 'Yêu cầu không hợp lệ / Bad request');
    if (target.pathname === UPLOAD_PATH) {
      if (req.method !== 'POST') return plain(res, 405, 'Chỉ nhận POST / POST only');
      if (!allowedCaller(req, target.params)) {
        res.writeHead(403, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ ok: false, error: TransferErrors.raise('UPLOAD_FORBIDDEN').toBody() }));
        return;
      }
      return receiveUpload(req, res, uploadDir, target.params.get('name') ?? '');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Chỉ nhận GET / GET only');
    const file = await readStatic(opts.rendererDir, req.url ?? '/');
    if (!file) return plain(res, 404, 'Không tìm thấy / Not found');
    res.writeHead(200, {
      'content-type': file.type,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    res.end(file.body);
  };

  const http: Server = createServer((req, res) => {
    serve(req, res).catch((err: unknown) => {
      log('error', 'web request failed', { reason: (err as Error).message });
      plain(res, 500, 'Lỗi nội bộ / Internal error');
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_RPC_FRAME_BYTES });
  const refuseUpgrade = (socket: Duplex, status: string) => {
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };
  http.on('upgrade', (req, socket: Duplex, head) => {
    socket.on('error', () => socket.destroy());
    try {
      const target = requestPath(req.url);
      if (!target || target.pathname !== '/rpc' || !allowedCaller(req, target.params)) return refuseUpgrade(socket, '403 Forbidden');
      wss.handleUpgrade(req, socket, head, (ws) => serveSocket(core, ws, log));
    } catch (err) {
      log('warn', 'web upgrade refused', { reason: (err as Error).message });
      refuseUpgrade(socket, '400 Bad Request');
    }
  });
  http.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  names = loopbackNames(port);
  origin = `http://127.0.0.1:${port}`;
  await clearUploads(uploadDir);

  return {
    url: `${origin}/#token=${token}`,
    port,
    token,
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      await new Promise<void>((r) => http.close(() => r()));
      await clearUploads(uploadDir);
    },
  };
}

function serveSocket(core: Core, ws: WebSocket, log: NonNullable<Core['config']['log']>): void {
  const send = (frame: ServerFrame) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };
  const unsubscribe = core.bus.subscribe((event, payload) => send({ type: 'event', event, payload }));
  ws.on('close', unsubscribe);
  // An oversized or malformed frame makes ws close the socket (1009/1002) and emit this; without a
  // listener it would be an uncaught exception.
  ws.on('error', (err) => log('warn', 'web socket closed on a bad frame', { reason: err.message }));
  ws.on('message', (data) => {
    const frame = parseClientFrame(data.toString());
    if (!frame) return send({ type: 'protocol-error', message: 'bad frame' });
    core.call(frame.method, frame.input, { host: 'web' }).then(
      (result) => send({ type: 'result', id: frame.id, result }),
      (err: unknown) => log('error', 'web call failed', { method: frame.method, reason: (err as Error).message }),
    );
  });
}
