import type { ColorMode, ScanCaps } from '../../contract/scan.ts';

/** What `scanimage -A` says about the options we drive. */
export interface SaneOptions {
  sources: string[];
  modes: string[];
  resolutions: number[];
  maxXmm?: number;
  maxYmm?: number;
}

const STANDARD_DPI = [75, 100, 150, 200, 300, 400, 600, 1200];

/** Parses lines like `--resolution 1..1200dpi (in steps of 1) [50]` or `--source Flatbed|ADF [Flatbed]`. */
export function parseSaneOptions(stdout: string): SaneOptions {
  const opt = (name: string) => new RegExp(`^\\s*${name} (.+?)(?: \\[[^\\]]*\\])?$`, 'm').exec(stdout)?.[1];
  const list = (v: string | undefined) => (v ? v.split('|').map((s) => s.trim()).filter(Boolean) : []);
  const res = opt('--resolution');
  let resolutions: number[] = [];
  if (res) {
    const range = /^(\d+)\.\.(\d+)/.exec(res);
    if (range) resolutions = STANDARD_DPI.filter((d) => d >= Number(range[1]) && d <= Number(range[2]));
    else resolutions = list(res.replace(/dpi.*$/, '')).map(Number).filter((n) => Number.isFinite(n) && n > 0);
  }
  const mm = (name: string) => {
    const m = /\.\.([\d.]+)mm/.exec(opt(name) ?? '');
    return m ? Number(m[1]) : undefined;
  };
  return { sources: list(opt('--source')), modes: list(opt('--mode')), resolutions, maxXmm: mm('-x'), maxYmm: mm('-y') };
}

export const isFeeder = (s: string) => /adf|feeder|automatic document/i.test(s);
export const isDuplexSource = (s: string) => /duplex|both sides/i.test(s);

export function saneModeFor(color: ColorMode, modes: string[]): string | undefined {
  const want = color === 'color' ? /colou?r/i : color === 'gray' ? /gr[ae]y/i : /lineart|binary|black/i;
  return modes.find((m) => want.test(m));
}

export function saneCaps(deviceId: string, o: SaneOptions): ScanCaps {
  const colorModes = (['color', 'gray', 'bw'] as const).filter((c) => saneModeFor(c, o.modes));
  const platen = o.sources.length === 0 || o.sources.some((s) => !isFeeder(s));
  const feeder = o.sources.some(isFeeder);
  const duplex = o.sources.some((s) => isFeeder(s) && isDuplexSource(s));
  const base = { resolutions: o.resolutions, colorModes: colorModes.length ? [...colorModes] : ['gray' as const], maxWidthMm: o.maxXmm, maxHeightMm: o.maxYmm };
  return {
    deviceId,
    sources: [...(platen ? [{ source: 'platen' as const, duplex: false, ...base }] : []), ...(feeder ? [{ source: 'adf' as const, duplex, ...base }] : [])],
  };
}

/** Picks the backend's own name for the source we want (backends spell them differently, NAPS2 #615). */
export function saneSourceFor(source: 'platen' | 'adf', duplex: boolean, sources: string[]): string | undefined {
  if (source === 'platen') return sources.find((s) => !isFeeder(s));
  if (duplex) return sources.find((s) => isFeeder(s) && isDuplexSource(s));
  return sources.find((s) => isFeeder(s) && !isDuplexSource(s)) ?? sources.find(isFeeder);
}
