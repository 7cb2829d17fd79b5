import { mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Device } from '../../contract/devices.ts';
import { ScanErrors, type ScanCaps, type ScanSettings } from '../../contract/scan.ts';
import { addressOf, type ScanDriver, type ScanEvents } from './driver.ts';
import { IMPORTABLE, importFile } from './file-import.ts';

export interface HotFolderOptions {
  folders: () => string[];
  /** A file counts as complete once its size and mtime have not changed for this long (paperless: 5 s). */
  stableMs?: number;
  pollMs?: number;
  /** How long a scan waits for the first file to appear before reporting an empty feeder. */
  waitFirstMs?: number;
}

interface Seen {
  size: number;
  mtimeMs: number;
  since: number;
}

/**
 * A folder that vendor scan software writes into. Scanning "feeds" every complete file in name order
 * (PDFs and images), moves each into `done/` so it is never taken twice, and ends when no file is
 * left or still growing — the hot-folder equivalent of eSCL's 404.
 */
export class HotFolderDriver implements ScanDriver {
  readonly name = 'hotfolder';
  constructor(private readonly opts: HotFolderOptions) {}

  async listDevices(): Promise<Device[]> {
    return this.opts.folders().map((f) => ({ id: `hotfolder:${f}`, kind: 'scanner' as const, driver: 'hotfolder', name: `Thư mục quét ${basename(f)}`, address: f, status: 'ready' as const, simulated: false }));
  }

  async caps(deviceId: string): Promise<ScanCaps> {
    return { deviceId, sources: [{ source: 'adf', duplex: true, resolutions: [200, 300], colorModes: ['color', 'gray'] }] };
  }

  private pending(dir: string): string[] {
    try {
      return readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isFile() && IMPORTABLE.includes(extname(e.name).toLowerCase()) && !e.name.startsWith('.'))
        .map((e) => e.name)
        .sort();
    } catch {
      throw ScanErrors.raise('SCAN_DEVICE_NOT_FOUND', { folder: dir });
    }
  }

  async scan(deviceId: string, _s: ScanSettings, events: ScanEvents, signal: AbortSignal): Promise<void> {
    const dir = addressOf(deviceId);
    const stableMs = this.opts.stableMs ?? 5000;
    const pollMs = this.opts.pollMs ?? 500;
    const done = join(dir, 'done');
    mkdirSync(done, { recursive: true });
    const seen = new Map<string, Seen>();
    const started = Date.now();
    let taken = 0;
    for (;;) {
      if (signal.aborted) throw ScanErrors.raise('SCAN_CANCELLED');
      const names = this.pending(dir);
      if (names.length === 0) {
        if (taken > 0 || Date.now() - started > (this.opts.waitFirstMs ?? 10_000)) break;
      }
      const now = Date.now();
      for (const name of names) {
        const path = join(dir, name);
        let st;
        try {
          st = statSync(path);
        } catch {
          continue;
        }
        const prev = seen.get(name);
        if (!prev || prev.size !== st.size || prev.mtimeMs !== st.mtimeMs) {
          seen.set(name, { size: st.size, mtimeMs: st.mtimeMs, since: now });
          continue;
        }
        if (now - prev.since < stableMs || st.size === 0) continue;
        const pages = await importFile(path);
        renameSync(path, join(done, `${Date.now()}-${name}`));
        seen.delete(name);
        taken++;
        for (const p of pages) await events.page(p);
      }
      await new Promise((r) => setTimeout(r, pollMs));
    }
    if (taken === 0) throw ScanErrors.raise('SCAN_FEEDER_EMPTY');
  }
}
