import { readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Temp folders of the scan drivers and OSD: `counter-<kind>-<pid>-XXXXXX`, holding plaintext page images. */
const TEMP = /^counter-(?:sane|wia|osd)-(?:(\d+)-)?[A-Za-z0-9]{6}$/;
const LEGACY_AGE_MS = 3_600_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A killed process cannot remove its temp folders, and they hold page images in the clear. At
 * start-up, remove those whose process is gone (and pid-less ones from older versions after an hour).
 * A live process's folders are left alone: another counter instance or a test may be scanning.
 */
export function sweepOrphanScanTemp(dir = tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m) continue;
    const path = join(dir, name);
    try {
      const orphan = m[1] ? Number(m[1]) !== process.pid && !alive(Number(m[1])) : Date.now() - statSync(path).mtimeMs > LEGACY_AGE_MS;
      if (!orphan) continue;
      rmSync(path, { recursive: true, force: true });
      removed.push(name);
    } catch {
      /* raced with its owner or not ours to remove: leave it */
    }
  }
  return removed;
}
