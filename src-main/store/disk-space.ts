import { statfsSync } from 'node:fs';
import { StoreErrors } from './store-errors.ts';

export type DiskLevel = 'ok' | 'low' | 'full';

export interface DiskSpace {
  level: DiskLevel;
  freeBytes: number;
  totalBytes: number;
}

/**
 * Below `lowBytes` the status bar warns; below `refuseBytes` new work (accepts, scans) is refused
 * with STORE_DISK_LOW before a write could fail half-way. A dossier with scanned pages takes a few
 * MB, a backup as much as the store: the defaults leave room for a day of work after the warning.
 */
export interface DiskThresholds {
  lowBytes: number;
  refuseBytes: number;
}

export const DEFAULT_DISK_THRESHOLDS: DiskThresholds = { lowBytes: 2 * 1024 ** 3, refuseBytes: 200 * 1024 ** 2 };

/** Free space for an unprivileged writer (bavail, not bfree) of the file system holding `dir`. */
export function measureDisk(dir: string, t: DiskThresholds = DEFAULT_DISK_THRESHOLDS): DiskSpace {
  const s = statfsSync(dir);
  const freeBytes = Number(s.bavail) * Number(s.bsize);
  const totalBytes = Number(s.blocks) * Number(s.bsize);
  return { level: freeBytes < t.refuseBytes ? 'full' : freeBytes < t.lowBytes ? 'low' : 'ok', freeBytes, totalBytes };
}

/**
 * Watches the data folder's disk: reports level changes (the status bar) and refuses work while the
 * disk is below the refusal threshold. The accept guard measures afresh, so a disk that filled
 * between two polls is still caught.
 */
export class DiskMonitor {
  private last: DiskSpace | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dir: string,
    private readonly onChange: (space: DiskSpace) => void,
    private readonly thresholds: DiskThresholds = DEFAULT_DISK_THRESHOLDS,
  ) {}

  current(): DiskSpace {
    return this.last ?? this.poll();
  }

  poll(): DiskSpace {
    let space: DiskSpace;
    try {
      space = measureDisk(this.dir, this.thresholds);
    } catch {
      // A file system that cannot say (some network shares) is not a reason to stop the counter.
      space = { level: 'ok', freeBytes: -1, totalBytes: -1 };
    }
    if (!this.last || this.last.level !== space.level) this.onChange(space);
    this.last = space;
    return space;
  }

  /** Throws STORE_DISK_LOW while the disk is below the refusal threshold. */
  requireRoom(): void {
    const space = this.poll();
    if (space.level === 'full') throw StoreErrors.raise('STORE_DISK_LOW', { freeBytes: space.freeBytes, refuseBytes: this.thresholds.refuseBytes });
  }

  start(everyMs = 60_000): void {
    this.poll();
    this.timer = setInterval(() => this.poll(), everyMs);
    this.timer.unref();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
