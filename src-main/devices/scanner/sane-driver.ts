import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { execProgram } from '../../platform/exec.ts';
import { ScanErrors, type ScanCaps, type ScanSettings } from '../../contract/scan.ts';
import type { CounterError } from '../../contract/errors.ts';
import { addressOf, type ScanDriver, type ScanEvents } from './driver.ts';
import { parseScanimageList } from './sane-probe.ts';
import { isFeeder, parseSaneOptions, saneCaps, saneModeFor, saneSourceFor, type SaneOptions } from './sane-options.ts';

export interface SaneDriverOptions {
  /** Private SANE configuration (training mode enables the `test` backend there). */
  configDir?: string;
  /** Extra backend options per device, e.g. `--test-picture Grid` or error injection `--read-return-value SANE_STATUS_JAMMED`. */
  extraArgs?: (device: string) => string[];
}

/** Maps the SANE status that ended a `scanimage` run to our error (exit code = SANE_Status). */
export function saneError(code: number | null, stderr: string): CounterError | undefined {
  if (/feeder jammed|jammed/i.test(stderr) || code === 6) return ScanErrors.raise('SCAN_JAMMED');
  if (/cover (is )?open/i.test(stderr) || code === 8) return ScanErrors.raise('SCAN_DOOR_OPEN');
  if (/device busy/i.test(stderr) || code === 3) return ScanErrors.raise('SCAN_BUSY');
  if (/out of documents|no documents/i.test(stderr) || code === 7) return ScanErrors.raise('SCAN_FEEDER_EMPTY');
  if (/no scanners? (were )?(found|identified)|invalid argument/i.test(stderr) && code !== 0) return ScanErrors.raise('SCAN_DEVICE_NOT_FOUND', { stderr: stderr.slice(-400) });
  if (code !== 0) return ScanErrors.raise('SCAN_DEVICE_ERROR', { code, stderr: stderr.slice(-400) });
  return undefined;
}

/** SANE through the `scanimage` command: `--batch` writes one file per page and `--batch-print` names it. */
export class SaneDriver implements ScanDriver {
  readonly name = 'sane';
  private readonly optionsCache = new Map<string, SaneOptions>();

  constructor(private readonly opts: SaneDriverOptions = {}) {}

  private env(): NodeJS.ProcessEnv {
    return this.opts.configDir ? { ...process.env, SANE_CONFIG_DIR: this.opts.configDir } : process.env;
  }

  async listDevices() {
    if (process.platform === 'win32') return [];
    const r = await execProgram('scanimage', ['-L'], { timeoutMs: 15_000, env: this.env() });
    return r.missing ? [] : parseScanimageList(r.stdout);
  }

  private async options(device: string): Promise<SaneOptions> {
    const cached = this.optionsCache.get(device);
    if (cached) return cached;
    const r = await execProgram('scanimage', ['-d', device, '-A'], { timeoutMs: 20_000, env: this.env() });
    if (r.missing) throw ScanErrors.raise('SCAN_UNSUPPORTED_DRIVER');
    if (r.code !== 0) throw saneError(r.code, r.stderr) ?? ScanErrors.raise('SCAN_DEVICE_NOT_FOUND');
    const o = parseSaneOptions(r.stdout);
    this.optionsCache.set(device, o);
    return o;
  }

  async caps(deviceId: string): Promise<ScanCaps> {
    return saneCaps(deviceId, await this.options(addressOf(deviceId)));
  }

  async scan(deviceId: string, s: ScanSettings, events: ScanEvents, signal: AbortSignal): Promise<void> {
    const device = addressOf(deviceId);
    const o = await this.options(device);
    const args = ['-d', device, '--format=png', '--batch-print', '--resolution', String(s.dpi)];
    if (o.sources.length) {
      const src = saneSourceFor(s.source, s.duplex, o.sources);
      if (!src) throw ScanErrors.raise(s.source === 'adf' ? (s.duplex && o.sources.some(isFeeder) ? 'SCAN_NO_DUPLEX' : 'SCAN_NO_FEEDER') : 'SCAN_DEVICE_ERROR');
      args.push('--source', src);
    }
    const mode = saneModeFor(s.color, o.modes);
    if (mode) args.push('--mode', mode);
    // A4 where the backend allows it (the test backend defaults to 80×100 mm).
    if (o.maxXmm && o.maxYmm) args.push('-x', String(Math.min(210, o.maxXmm)), '-y', String(Math.min(297, o.maxYmm)));
    if (s.source === 'platen') args.push('--batch-count=1');
    args.push(...(this.opts.extraArgs?.(device) ?? []));
    const dir = mkdtempSync(join(tmpdir(), `counter-sane-${process.pid}-`));
    args.push(`--batch=${join(dir, 'page-%04d.png')}`);
    try {
      await this.run(args, s, events, signal);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  private run(args: string[], s: ScanSettings, events: ScanEvents, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(ScanErrors.raise('SCAN_CANCELLED'));
      const child = spawn('scanimage', args, { env: this.env(), stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      let pages = 0;
      let chain = Promise.resolve();
      const onAbort = () => child.kill('SIGINT'); // scanimage cancels the job cleanly on SIGINT
      signal.addEventListener('abort', onAbort, { once: true });
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
      createInterface({ input: child.stdout }).on('line', (file) => {
        const path = file.trim();
        if (!path) return;
        pages++;
        const n = pages;
        chain = chain.then(() => events.page({ bytes: readFileSync(path), mime: 'image/png', dpi: s.dpi, side: s.duplex ? (n % 2 ? 'front' : 'back') : undefined }));
      });
      child.on('error', (err) => reject((err as NodeJS.ErrnoException).code === 'ENOENT' ? ScanErrors.raise('SCAN_UNSUPPORTED_DRIVER') : err));
      child.on('close', (code) => {
        signal.removeEventListener('abort', onAbort);
        chain.then(() => {
          if (signal.aborted) return reject(ScanErrors.raise('SCAN_CANCELLED'));
          // The feeder running empty after ≥1 page is the normal end of a batch (exit 0).
          const err = saneError(code, stderr);
          if (err && !(ScanErrors.is(err, 'SCAN_FEEDER_EMPTY') && pages > 0)) return reject(err);
          if (pages === 0 && s.source === 'adf') return reject(ScanErrors.raise('SCAN_FEEDER_EMPTY'));
          resolve();
        }, reject);
      });
    });
  }
}
