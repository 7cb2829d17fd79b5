import type { IncomingMessage, ServerResponse } from 'node:http';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { MAX_UPLOAD_BYTES, TransferErrors } from '../contract/transfer.ts';
import type { CounterError } from '../contract/errors.ts';

const KEPT_EXTENSIONS = new Set(['.pdf', '.jpg', '.jpeg', '.png', '.tif', '.tiff']);
/** An upload is handed to an import call right away; anything older was abandoned. */
const ABANDONED_AFTER_MS = 30 * 60 * 1000;

function refuse(res: ServerResponse, status: number, err: CounterError): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', connection: 'close' }).end(JSON.stringify({ ok: false, error: err.toBody() }));
}

async function sweep(dir: string): Promise<void> {
  const now = Date.now();
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const full = join(dir, name);
    const s = await stat(full).catch(() => undefined);
    if (s && now - s.mtimeMs > ABANDONED_AFTER_MS) await rm(full, { force: true });
  }
}

/**
 * Streams one file from the request body to a private file in `dir` and answers with its path, so
 * a large PDF never has to fit in one WebSocket frame. The size is checked while streaming: a body
 * over the limit is cut off and its partial file removed.
 */
export async function receiveUpload(req: IncomingMessage, res: ServerResponse, dir: string, fileName: string, limit = MAX_UPLOAD_BYTES): Promise<void> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) return refuse(res, 413, TransferErrors.raise('UPLOAD_TOO_LARGE', { bytes: declared }));
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await sweep(dir);
  const ext = extname(fileName).toLowerCase();
  const path = join(dir, `${randomUUID()}${KEPT_EXTENSIONS.has(ext) ? ext : ''}`);
  const out = createWriteStream(path, { mode: 0o600, flags: 'wx' });
  let bytes = 0;
  const outcome = await new Promise<'ok' | 'too-large' | 'failed'>((resolve) => {
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > limit) {
        req.unpipe(out);
        req.pause();
        resolve('too-large');
      }
    });
    req.on('error', () => resolve('failed'));
    req.on('aborted', () => resolve('failed'));
    out.on('error', () => resolve('failed'));
    out.on('finish', () => resolve('ok'));
    req.pipe(out);
  });
  if (outcome !== 'ok') {
    out.destroy();
    await rm(path, { force: true });
    if (outcome === 'too-large') return refuse(res, 413, TransferErrors.raise('UPLOAD_TOO_LARGE', { bytes }));
    return refuse(res, 400, TransferErrors.raise('UPLOAD_FAILED'));
  }
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ ok: true, value: { path, bytes } }));
}

/** Removes every upload (the host is stopping; nothing in the folder is needed any more). */
export async function clearUploads(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
