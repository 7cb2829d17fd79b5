import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, rmdirSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSync } from '../../support/children.ts';
import { toErrorBody } from '../../../src-main/contract/errors.ts';
import { EventBus } from '../../../src-main/rpc/event-bus.ts';
import { StatusService } from '../../../src-main/kernel/status-service.ts';
import type { CoreStatus } from '../../../src-main/contract/status.ts';
import { Settings } from '../../../src-main/contract/settings.ts';
import { backupStore } from '../../../src-main/store/backup/backup.ts';
import { DiskMonitor, measureDisk } from '../../../src-main/store/disk-space.ts';
import { openStore, type Store } from '../../../src-main/store/store.ts';
import { AGENCY, draft } from '../../unit/store/helpers.ts';

/**
 * A real small file system (tmpfs, 24 MB) so "disk full" is the kernel's ENOSPC / SQLite's
 * SQLITE_FULL, not a simulation. Mounting needs root, which this machine's test runs have.
 */
let mountDir = '';
beforeAll(() => {
  mountDir = mkdtempSync(join(tmpdir(), 'small-disk-'));
  runSync('mount', ['-t', 'tmpfs', '-o', 'size=24m', 'tmpfs', mountDir], { timeout: 10_000 });
});
afterAll(() => {
  if (runSync('umount', [mountDir], { timeout: 10_000, allowFailure: true }).status !== 0) runSync('umount', ['-l', mountDir], { timeout: 10_000 });
  rmdirSync(mountDir);
});

/** Fills the disk with a filler file until at most `leaveBytes` are free (or ENOSPC). */
function fill(dir: string, name: string, leaveBytes: number): void {
  const fd = openSync(join(dir, name), 'a');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    while (measureDisk(dir).freeBytes > leaveBytes + chunk.length) writeSync(fd, chunk);
    if (leaveBytes === 0) for (;;) writeSync(fd, chunk.subarray(0, 4096));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    closeSync(fd);
  }
}

function tempFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tmp$|-journal$/.test(f));
}

const page = (store: Store, i: number) => {
  const p = store.blobs.put(Buffer.from(`trang ${i} `.repeat(2000)));
  return draft({ components: [{ code: 'TK', name: 'Tờ khai', originals: 1, certifiedCopies: 0, photocopies: 0, pages: [{ pageNo: 1, sha256: p.sha256, size: p.size, mime: 'image/png' }] }] });
};

describe('a nearly full and a full disk (real tmpfs)', () => {
  it('warns in the status bar while work continues, then refuses accepts with STORE_DISK_LOW before anything fails', () => {
    const data = join(mountDir, 'warn');
    const store = openStore({ dataDir: data, agency: () => AGENCY });
    const bus = new EventBus();
    const status = new StatusService(bus, Settings.parse({}), false);
    const seen: string[] = [];
    // The same wiring as core.ts, with thresholds sized for a 24 MB disk.
    const disk = new DiskMonitor(data, (space) => status.diskChanged(space), { lowBytes: 10 * 1024 ** 2, refuseBytes: 4 * 1024 ** 2 });
    try {
      bus.subscribe((event, s) => event === 'status.changed' && seen.push((s as CoreStatus).disk?.level ?? 'none'));
      store.dossiers.guardAccept(() => disk.requireRoom());
      disk.start();
      expect(status.get().disk?.level).toBe('ok');
      store.dossiers.accept(page(store, 1));
      fill(data, 'filler-1', 7 * 1024 ** 2);
      disk.poll();
      expect(status.get().disk).toMatchObject({ level: 'low' });
      store.dossiers.accept(page(store, 2));
      fill(data, 'filler-2', 2 * 1024 ** 2);
      let refused: unknown;
      try {
        store.dossiers.accept(page(store, 3));
      } catch (err) {
        refused = err;
      }
      expect(toErrorBody(refused)).toMatchObject({ code: 'STORE_DISK_LOW', message: { vi: expect.stringMatching(/^Ổ đĩa chứa dữ liệu gần đầy/) } });
      expect(status.get().disk?.level).toBe('full');
      expect(seen).toEqual(['ok', 'low', 'full']);
      expect(store.dossiers.list({ limit: 10, offset: 0 }).total).toBe(2);
    } finally {
      disk.close();
      store.close();
      rmSync(data, { recursive: true, force: true });
    }
  });

  it('on a full disk every failure says "Ổ đĩa đầy", nothing accepted is lost and no temp file is left', async () => {
    const data = join(mountDir, 'full');
    let store = openStore({ dataDir: data, agency: () => AGENCY });
    const accepted = [store.dossiers.accept(page(store, 1)).id, store.dossiers.accept(page(store, 2)).id];
    try {
    fill(data, 'filler', 0);
    const failures: unknown[] = [];
    for (let i = 0; i < 5; i++) {
      try {
        // Without the guard the accept reaches SQLite (or the blob write) and the disk itself refuses.
        accepted.push(store.dossiers.accept(i % 2 === 0 ? draft({ summary: `hồ sơ số ${i}` }) : page(store, 100 + i)).id);
      } catch (err) {
        failures.push(err);
      }
    }
    try {
      await backupStore(store, join(data, 'backup.sqlite'));
    } catch (err) {
      failures.push(err);
    }
    expect(failures.length).toBeGreaterThanOrEqual(2);
    for (const f of failures) expect(toErrorBody(f)).toMatchObject({ code: 'DISK_FULL', message: { vi: expect.stringMatching(/^Ổ đĩa đầy/) } });
    expect(tempFiles(data)).toEqual([]);
    } finally {
      rmSync(join(data, 'filler'), { force: true });
      store.close();
    }
    store = openStore({ dataDir: data, agency: () => AGENCY, checkIntegrity: 'always' });
    try {
      for (const id of accepted) expect(store.dossiers.get(id).id).toBe(id);
      expect(store.dossiers.list({ limit: 100, offset: 0 }).total).toBe(accepted.length);
    } finally {
      store.close();
    }
  });
});
