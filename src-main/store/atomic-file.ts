import * as fs from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** The file calls an atomic write makes; a test passes its own to inject Windows errors. */
export type AtomicFs = Pick<typeof fs, 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'unlinkSync' | 'mkdirSync'>;

/**
 * Antivirus scanners, the search indexer and backup agents on Windows hold a just-written file open
 * for a moment, and rename/unlink then fail with EPERM, EACCES or EBUSY. Those are retried with a
 * growing pause, bounded: about 1.3 s in all before the error is thrown.
 */
export const RETRYABLE_CODES: ReadonlySet<string> = new Set(['EPERM', 'EACCES', 'EBUSY']);
export const RETRY_DELAYS_MS: readonly number[] = [5, 10, 20, 40, 80, 160, 320, 640];

export interface AtomicWriteOptions {
  mode?: number;
  fs?: AtomicFs;
  /** Synchronous pause between tries (a test passes a recorder instead of sleeping). */
  sleep?: (ms: number) => void;
  platform?: NodeJS.Platform;
}

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function withRetry<T>(op: () => T, sleep: (ms: number) => void): T {
  for (let attempt = 0; ; attempt++) {
    try {
      return op();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      const delay = RETRY_DELAYS_MS[attempt];
      if (!RETRYABLE_CODES.has(code) || delay === undefined) throw err;
      sleep(delay);
    }
  }
}

/**
 * Writes a file so that a power cut leaves either the old or the new content, never a torn one:
 * temp file, fsync, rename, fsync of the folder (where the platform allows it). A failed write
 * removes its temp file, so a locked target never leaves `.name.xxxx.tmp` litter behind.
 */
export function writeFileAtomic(path: string, data: Uint8Array | string, modeOrOptions: number | AtomicWriteOptions = 0o600): void {
  const o = typeof modeOrOptions === 'number' ? { mode: modeOrOptions } : modeOrOptions;
  const f = o.fs ?? fs;
  const sleep = o.sleep ?? sleepSync;
  const dir = dirname(path);
  f.mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = f.openSync(tmp, 'w', o.mode ?? 0o600);
  try {
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let off = 0;
      while (off < bytes.length) off += f.writeSync(fd, bytes, off, bytes.length - off);
      f.fsyncSync(fd);
    } finally {
      f.closeSync(fd);
    }
    withRetry(() => f.renameSync(tmp, path), sleep);
  } catch (err) {
    try {
      withRetry(() => f.unlinkSync(tmp), sleep);
    } catch {
      // The original error is the one that matters; a temp file that cannot go is swept later.
    }
    throw err;
  }
  syncDir(dir, o.platform ?? process.platform);
}

function syncDir(dir: string, platform: NodeJS.Platform): void {
  // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  if (platform !== 'win32') fsyncFile(dir);
}

export function readFileIfExists(path: string): Buffer | undefined {
  return fs.existsSync(path) ? fs.readFileSync(path) : undefined;
}

/** fsync of a file or folder; Windows cannot open a folder for fsync (NTFS journals renames itself). */
export function fsyncFile(path: string): void {
  let fd: number;
  try {
    fd = fs.openSync(path, 'r');
  } catch (err) {
    if (process.platform === 'win32') return;
    throw err;
  }
  try {
    fs.fsyncSync(fd);
  } catch (err) {
    if (process.platform !== 'win32') throw err;
  } finally {
    fs.closeSync(fd);
  }
}
