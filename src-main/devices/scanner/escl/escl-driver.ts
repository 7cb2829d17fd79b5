import type { Device } from '../../../contract/devices.ts';
import { ScanErrors, type ScanSettings } from '../../../contract/scan.ts';
import type { CounterError } from '../../../contract/errors.ts';
import { addressOf, type ScanDriver, type ScanEvents } from '../driver.ts';
import { parseCaps, parseStatus, scanSettingsXml, type EsclCaps } from './xml.ts';

export interface EsclDriverOptions {
  /** Scanners typed in by IT (`http://10.0.0.5/eSCL`): discovery fails across subnets (NAPS2 #360). */
  manual?: () => string[];
  /** mDNS discovery; returns base URLs keyed by uuid. */
  discover?: () => Promise<Array<{ url: string; name: string; uuid?: string }>>;
  /** Pause between retries of a 503 (sane-airscan: 1000 ms, up to 30 tries for NextDocument). */
  retryDelayMs?: number;
  maxRetries?: number;
  timeoutMs?: number;
}

/** ADF states that stop a scan, spelled as devices spell them (NAPS2 writes "ScannedAdf…"). */
export function adfError(adfState: string | undefined): CounterError | undefined {
  const s = (adfState ?? '').replace(/^Scanned/, 'Scanner');
  if (/Jam|Mispick|Multipick|PageTooShort|PageTooLong/.test(s)) return ScanErrors.raise('SCAN_JAMMED', { adfState });
  if (/DoorOpen|HatchOpen/.test(s)) return ScanErrors.raise('SCAN_DOOR_OPEN', { adfState });
  if (/InputTrayFailed|InputTrayOverloaded/.test(s)) return ScanErrors.raise('SCAN_DEVICE_ERROR', { adfState });
  return undefined;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

/** eSCL (AirScan / Mopria) over HTTP: caps, ScanJobs, NextDocument until 404, DELETE. */
export class EsclDriver implements ScanDriver {
  readonly name = 'escl';
  private readonly capsCache = new Map<string, EsclCaps>();

  constructor(private readonly opts: EsclDriverOptions = {}) {}

  async listDevices(): Promise<Device[]> {
    const found = new Map<string, Device>();
    for (const url of this.opts.manual?.() ?? []) found.set(url, { id: `escl:${url}`, kind: 'scanner', driver: 'escl', name: url, address: url, status: 'ready', simulated: false });
    for (const d of (await this.opts.discover?.().catch(() => [])) ?? []) {
      if (!found.has(d.url)) found.set(d.url, { id: `escl:${d.url}`, kind: 'scanner', driver: 'escl', name: d.name, address: d.url, status: 'ready', simulated: false, detail: d.uuid });
    }
    return [...found.values()];
  }

  private async request(url: string, init: RequestInit = {}, signal?: AbortSignal): Promise<Response> {
    const timeout = AbortSignal.timeout(this.opts.timeoutMs ?? 30_000);
    try {
      return await fetch(url, { ...init, signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
    } catch (err) {
      if (signal?.aborted) throw ScanErrors.raise('SCAN_CANCELLED');
      throw ScanErrors.raise('SCAN_UNREACHABLE', { url, reason: (err as Error).message });
    }
  }

  async caps(deviceId: string): Promise<EsclCaps> {
    const base = addressOf(deviceId).replace(/\/$/, '');
    const cached = this.capsCache.get(base);
    if (cached) return cached;
    const r = await this.request(`${base}/ScannerCapabilities`);
    if (r.status === 404) throw ScanErrors.raise('SCAN_DEVICE_NOT_FOUND', { url: base });
    if (!r.ok) throw ScanErrors.raise('SCAN_PROTOCOL', { status: r.status });
    let caps: EsclCaps;
    try {
      caps = parseCaps(deviceId, await r.text());
    } catch {
      throw ScanErrors.raise('SCAN_PROTOCOL', { what: 'ScannerCapabilities' });
    }
    this.capsCache.set(base, caps);
    return caps;
  }

  private async status(base: string, signal?: AbortSignal) {
    const r = await this.request(`${base}/ScannerStatus`, {}, signal);
    return r.ok ? parseStatus(await r.text()) : { state: '' };
  }

  async scan(deviceId: string, s: ScanSettings, events: ScanEvents, signal: AbortSignal): Promise<void> {
    const base = addressOf(deviceId).replace(/\/$/, '');
    const caps = await this.caps(deviceId);
    const src = caps.sources.find((c) => c.source === s.source);
    if (!src) throw ScanErrors.raise(s.source === 'adf' ? 'SCAN_NO_FEEDER' : 'SCAN_DEVICE_ERROR');
    if (s.duplex && !src.duplex) throw ScanErrors.raise('SCAN_NO_DUPLEX');
    // Feeder state first: some devices accept a job on an empty or jammed feeder (Canon MF410, Xerox WC3345).
    if (s.source === 'adf') {
      const st = await this.status(base, signal);
      const err = adfError(st.adfState);
      if (err) throw err;
      if (/AdfEmpty/.test(st.adfState ?? '')) throw ScanErrors.raise('SCAN_FEEDER_EMPTY');
    }
    const format = caps.formats.includes('image/jpeg') ? 'image/jpeg' : caps.formats.includes('image/png') ? 'image/png' : (caps.formats[0] ?? 'image/jpeg');
    const retries = this.opts.maxRetries ?? 30;
    const delay = this.opts.retryDelayMs ?? 1000;
    let job: string | undefined;
    for (let attempt = 0; !job; attempt++) {
      const r = await this.request(`${base}/ScanJobs`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: scanSettingsXml(s, format, caps.usesFormatExt) }, signal);
      if (r.status === 201 && r.headers.get('location')) job = new URL(r.headers.get('location')!, `${base}/`).href;
      else if (r.status === 503 && attempt < 10) await sleep(delay, signal);
      else if (r.status === 503) throw ScanErrors.raise('SCAN_BUSY');
      else throw (await this.statusError(base, signal)) ?? ScanErrors.raise('SCAN_PROTOCOL', { status: r.status, step: 'ScanJobs' });
      if (signal.aborted) throw ScanErrors.raise('SCAN_CANCELLED');
    }
    let pages = 0;
    try {
      for (let attempt = 0; ; ) {
        if (signal.aborted) throw ScanErrors.raise('SCAN_CANCELLED');
        const r = await this.request(`${job}/NextDocument`, {}, signal);
        if (r.status === 200) {
          const bytes = Buffer.from(await r.arrayBuffer());
          pages++;
          attempt = 0;
          await events.page({ bytes, mime: r.headers.get('content-type')?.split(';')[0] ?? format, dpi: s.dpi, side: s.duplex ? (pages % 2 ? 'front' : 'back') : undefined });
          if (s.source === 'platen') break;
          continue;
        }
        await r.arrayBuffer().catch(() => undefined);
        if (r.status === 404) {
          // The normal end of a feeder batch; with nothing scanned, the status says why.
          if (pages === 0) throw (await this.statusError(base, signal)) ?? ScanErrors.raise(s.source === 'adf' ? 'SCAN_FEEDER_EMPTY' : 'SCAN_DEVICE_ERROR');
          break;
        }
        if (r.status === 410) throw ScanErrors.raise('SCAN_CANCELLED');
        if (r.status === 503 && attempt++ < retries) {
          const err = await this.statusError(base, signal);
          if (err) throw err;
          await sleep(delay, signal);
          continue;
        }
        throw (await this.statusError(base, signal)) ?? ScanErrors.raise(r.status === 503 ? 'SCAN_BUSY' : 'SCAN_PROTOCOL', { status: r.status, step: 'NextDocument' });
      }
    } finally {
      // sane-airscan sends DELETE both to cancel and to clean up after a normal finish.
      await this.request(job, { method: 'DELETE' }).then((r) => r.arrayBuffer()).catch(() => undefined);
    }
  }

  private async statusError(base: string, signal?: AbortSignal): Promise<CounterError | undefined> {
    const st = await this.status(base, signal).catch(() => ({ state: '', adfState: undefined }));
    const adf = adfError(st.adfState);
    if (adf) return adf;
    if (/AdfEmpty/.test(st.adfState ?? '')) return ScanErrors.raise('SCAN_FEEDER_EMPTY');
    if (st.state === 'Down' || st.state === 'Stopped') return ScanErrors.raise('SCAN_DEVICE_ERROR', { state: st.state });
    return undefined;
  }
}
