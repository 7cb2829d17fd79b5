import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Temp files of atomic writes and backups: `.<name>.<random>.tmp` (and restore's `<name>.tmp`). */
const TEMP = /^\..+\.[0-9a-f]+\.tmp$|^restore-pending\.sqlite\.tmp$/;
/** Another process on the same data folder may be writing one right now; only old ones are litter. */
const STALE_MS = 3600_000;

/**
 * Removes temp files a crash or a full disk left behind in the data folder and the blob folders,
 * so they neither fill the disk further nor confuse IT. Returns how many were removed.
 */
export function removeStaleTempFiles(dataDir: string, now: number = Date.now()): number {
  let removed = 0;
  const sweep = (dir: string, depth: number): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (depth > 0) sweep(path, depth - 1);
      } else if (TEMP.test(e.name) && now - statSync(path).mtimeMs > STALE_MS) {
        rmSync(path, { force: true });
        removed++;
      }
    }
  };
  sweep(dataDir, 2);
  return removed;
}
