import { CounterError } from '../../src-main/contract/errors.ts';
import { MAX_UPLOAD_BYTES, TransferErrors, UPLOAD_PATH } from '../../src-main/contract/transfer.ts';
import type { Envelope } from '../../src-main/contract/bridge.ts';
import { takeToken } from './web-bridge.ts';

/** What `scan.import` takes besides the session: server-side paths and/or inline contents. */
export interface ImportSource {
  paths: string[];
  files: Array<{ name: string; base64: string }>;
}

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

async function upload(file: File): Promise<string> {
  let envelope: Envelope;
  try {
    const res = await fetch(`${UPLOAD_PATH}?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { 'x-counter-token': takeToken(), 'content-type': 'application/octet-stream' },
      body: file,
    });
    envelope = (await res.json()) as Envelope;
  } catch {
    throw TransferErrors.raise('UPLOAD_FAILED');
  }
  if (!envelope.ok) throw CounterError.fromBody(envelope.error);
  return (envelope.value as { path: string }).path;
}

/**
 * Hands picked files to the core. In the browser (web host) each file is streamed to the host's
 * upload path, so a 50 MB PDF never has to fit in one WebSocket frame; in Electron the bytes go
 * inline over IPC, which has no frame limit.
 */
export async function importSource(files: File[], inElectron = Boolean(window.counter)): Promise<ImportSource> {
  const big = files.find((f) => f.size > MAX_UPLOAD_BYTES);
  if (big) throw TransferErrors.raise('UPLOAD_TOO_LARGE', { name: big.name, bytes: big.size });
  if (inElectron) return { paths: [], files: await Promise.all(files.map(async (f) => ({ name: f.name, base64: await toBase64(f) }))) };
  return { paths: await Promise.all(files.map(upload)), files: [] };
}
