import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic, RETRY_DELAYS_MS, type AtomicFs } from '../../../src-main/store/atomic-file.ts';
import { tempDir } from './helpers.ts';

const errno = (code: string) => Object.assign(new Error(`${code}: operation not permitted (injected)`), { code });

/**
 * The real file system, with the first `failures` calls of one operation failing the way a Windows
 * antivirus lock makes them fail.
 */
function lockedFs(op: 'renameSync' | 'unlinkSync' | 'writeSync', code: string, failures: number): AtomicFs & { calls: number } {
  const real = fs as unknown as Record<string, (...a: unknown[]) => unknown>;
  const wrapped = {
    calls: 0,
    openSync: fs.openSync,
    writeSync: fs.writeSync,
    fsyncSync: fs.fsyncSync,
    closeSync: fs.closeSync,
    renameSync: fs.renameSync,
    unlinkSync: fs.unlinkSync,
    mkdirSync: fs.mkdirSync,
  } as AtomicFs & { calls: number };
  (wrapped as unknown as Record<string, unknown>)[op] = (...args: unknown[]) => {
    wrapped.calls++;
    if (wrapped.calls <= failures) throw errno(code);
    return real[op]?.(...args);
  };
  return wrapped;
}

const tmpLeft = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('writeFileAtomic on a Windows-like file system', () => {
  const t = tempDir('atomic-');
  afterAll(() => t.cleanup());
  afterEach(() => {
    for (const f of fs.readdirSync(t.dir)) fs.rmSync(join(t.dir, f), { force: true });
  });

  it.each(['EPERM', 'EACCES', 'EBUSY'])('retries a rename refused with %s and then writes the new content', (code) => {
    const path = join(t.dir, 'settings.json');
    fs.writeFileSync(path, 'old');
    const slept: number[] = [];
    const f = lockedFs('renameSync', code, 3);
    writeFileAtomic(path, 'new', { fs: f, sleep: (ms) => slept.push(ms) });
    expect(fs.readFileSync(path, 'utf8')).toBe('new');
    expect(f.calls).toBe(4);
    expect(slept).toEqual(RETRY_DELAYS_MS.slice(0, 3));
    expect(tmpLeft(t.dir)).toEqual([]);
  });

  it('gives up after a bounded back-off, keeps the old content and removes the temp file', () => {
    const path = join(t.dir, 'page.bin');
    fs.writeFileSync(path, 'old');
    const slept: number[] = [];
    const f = lockedFs('renameSync', 'EBUSY', Infinity);
    expect(() => writeFileAtomic(path, 'new', { fs: f, sleep: (ms) => slept.push(ms) })).toThrow(/EBUSY/);
    expect(f.calls).toBe(RETRY_DELAYS_MS.length + 1);
    expect(slept).toEqual([...RETRY_DELAYS_MS]);
    expect(slept.reduce((a, b) => a + b, 0)).toBeLessThan(2000);
    expect(fs.readFileSync(path, 'utf8')).toBe('old');
    expect(tmpLeft(t.dir)).toEqual([]);
  });

  it('does not retry an error that waiting cannot cure, and still removes the temp file', () => {
    const path = join(t.dir, 'full.bin');
    const slept: number[] = [];
    const f = lockedFs('writeSync', 'ENOSPC', 1);
    expect(() => writeFileAtomic(path, 'data', { fs: f, sleep: (ms) => slept.push(ms) })).toThrow(/ENOSPC/);
    expect(slept).toEqual([]);
    expect(fs.existsSync(path)).toBe(false);
    expect(tmpLeft(t.dir)).toEqual([]);
  });

  it('retries the clean-up of the temp file when that is locked too', () => {
    const path = join(t.dir, 'k.bin');
    const f = lockedFs('renameSync', 'EACCES', Infinity);
    const unlink = f.unlinkSync;
    let unlinkTries = 0;
    f.unlinkSync = (p) => {
      if (++unlinkTries <= 2) throw errno('EPERM');
      unlink(p);
    };
    expect(() => writeFileAtomic(path, 'x', { fs: f, sleep: () => {} })).toThrow(/EACCES/);
    expect(unlinkTries).toBe(3);
    expect(tmpLeft(t.dir)).toEqual([]);
  });

  it('still writes with the plain mode argument the callers use', () => {
    const path = join(t.dir, 'plain.txt');
    writeFileAtomic(path, 'Quầy Một cửa', 0o644);
    expect(fs.readFileSync(path, 'utf8')).toBe('Quầy Một cửa');
    expect(fs.statSync(path).mode & 0o777).toBe(0o644);
  });
});
