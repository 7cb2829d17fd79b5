import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Device } from '../../contract/devices.ts';
import { ScanErrors, type ScanCaps, type ScanSettings } from '../../contract/scan.ts';
import { execProgram } from '../../platform/exec.ts';
import { addressOf, type ScanDriver, type ScanEvents } from './driver.ts';

/**
 * Windows WIA through `native/wia/wia-scan.ps1` (PowerShell + the WIA Automation COM library that
 * ships with Windows): no compiled helper to sign or install. The script prints one JSON object per
 * line; see native/wia/README.md. It cannot run on this Linux build machine.
 */
export interface WiaLine {
  type: 'device' | 'page' | 'error' | 'done';
  id?: string;
  name?: string;
  feeder?: boolean;
  duplex?: boolean;
  path?: string;
  code?: string;
  hresult?: string;
}

/** WIA_ERROR_* HRESULTs → our codes (wia.h). */
const WIA_ERRORS: Record<string, Parameters<typeof ScanErrors.raise>[0]> = {
  '0x80210003': 'SCAN_FEEDER_EMPTY', // WIA_ERROR_PAPER_EMPTY
  '0x80210002': 'SCAN_JAMMED', // WIA_ERROR_PAPER_JAM
  '0x80210006': 'SCAN_BUSY', // WIA_ERROR_BUSY
  '0x80210016': 'SCAN_DOOR_OPEN', // WIA_ERROR_COVER_OPEN
  '0x80210005': 'SCAN_DEVICE_NOT_FOUND', // WIA_ERROR_OFFLINE
  '0x80210015': 'SCAN_DEVICE_NOT_FOUND', // WIA_S_NO_DEVICE_AVAILABLE
};

export function parseWiaLine(line: string): WiaLine | undefined {
  try {
    const v = JSON.parse(line) as WiaLine;
    return v && typeof v.type === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

export function wiaError(hresult: string | undefined) {
  const code = hresult ? WIA_ERRORS[hresult.toLowerCase()] : undefined;
  return ScanErrors.raise(code ?? 'SCAN_DEVICE_ERROR', { hresult });
}

export class WiaDriver implements ScanDriver {
  readonly name = 'wia';
  constructor(private readonly scriptPath: string) {}

  private args(extra: string[]): string[] {
    return ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', this.scriptPath, ...extra];
  }

  async listDevices(): Promise<Device[]> {
    if (process.platform !== 'win32' || !existsSync(this.scriptPath)) return [];
    const r = await execProgram('powershell.exe', this.args(['-List']), { timeoutMs: 20_000 });
    return r.stdout
      .split('\n')
      .map(parseWiaLine)
      .filter((l): l is WiaLine => l?.type === 'device' && !!l.id)
      .map((l) => ({ id: `wia:${l.id}`, kind: 'scanner' as const, driver: 'wia', name: l.name ?? l.id!, status: 'ready' as const, simulated: false, detail: l.feeder ? (l.duplex ? 'ADF duplex' : 'ADF') : 'flatbed' }));
  }

  async caps(deviceId: string): Promise<ScanCaps> {
    const dev = (await this.listDevices()).find((d) => d.id === deviceId);
    if (!dev) throw ScanErrors.raise('SCAN_DEVICE_NOT_FOUND');
    const base = { resolutions: [150, 200, 300, 600], colorModes: ['color' as const, 'gray' as const, 'bw' as const] };
    return { deviceId, sources: [{ source: 'platen', duplex: false, ...base }, ...(dev.detail?.startsWith('ADF') ? [{ source: 'adf' as const, duplex: dev.detail === 'ADF duplex', ...base }] : [])] };
  }

  async scan(deviceId: string, s: ScanSettings, events: ScanEvents, signal: AbortSignal): Promise<void> {
    if (process.platform !== 'win32') throw ScanErrors.raise('SCAN_UNSUPPORTED_DRIVER');
    const out = mkdtempSync(join(tmpdir(), `counter-wia-${process.pid}-`));
    const args = this.args(['-Scan', '-DeviceId', addressOf(deviceId), '-Source', s.source === 'adf' ? (s.duplex ? 'duplex' : 'feeder') : 'flatbed', '-Dpi', String(s.dpi), '-Color', s.color, '-OutDir', out]);
    try {
      await new Promise<void>((resolve, reject) => {
        const child = spawn('powershell.exe', args, { stdio: ['ignore', 'pipe', 'pipe'] });
        let failure: Error | undefined;
        let chain = Promise.resolve();
        let n = 0;
        signal.addEventListener('abort', () => child.kill(), { once: true });
        createInterface({ input: child.stdout }).on('line', (raw) => {
          const l = parseWiaLine(raw);
          if (l?.type === 'page' && l.path) {
            n++;
            const side = s.duplex ? (n % 2 ? 'front' : 'back') : undefined;
            const path = l.path;
            chain = chain.then(() => events.page({ bytes: readFileSync(path), mime: 'image/png', dpi: s.dpi, side }));
          } else if (l?.type === 'error') failure = wiaError(l.hresult);
        });
        child.on('error', () => reject(ScanErrors.raise('SCAN_UNSUPPORTED_DRIVER')));
        child.on('close', () =>
          chain.then(() => {
            if (signal.aborted) return reject(ScanErrors.raise('SCAN_CANCELLED'));
            // Paper-empty after ≥1 page is the end of the batch, as with SANE.
            if (failure && !(ScanErrors.is(failure, 'SCAN_FEEDER_EMPTY') && n > 0)) return reject(failure);
            if (n === 0) return reject(failure ?? ScanErrors.raise('SCAN_FEEDER_EMPTY'));
            resolve();
          }, reject),
        );
      });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
}
