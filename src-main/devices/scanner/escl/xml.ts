import { XMLParser } from 'fast-xml-parser';
import type { ColorMode, ScanCaps, ScanSettings } from '../../../contract/scan.ts';

const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, parseTagValue: false, isArray: (name) => ['ColorMode', 'DocumentFormat', 'DocumentFormatExt', 'DiscreteResolution', 'JobInfo', 'SettingProfile'].includes(name) });

type Node = Record<string, unknown>;
const obj = (v: unknown): Node => (v && typeof v === 'object' ? (v as Node) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

export const ESCL_TO_COLOR: Record<string, ColorMode> = { RGB24: 'color', RGB48: 'color', Grayscale8: 'gray', Grayscale16: 'gray', BlackAndWhite1: 'bw' };
export const COLOR_TO_ESCL: Record<ColorMode, string> = { color: 'RGB24', gray: 'Grayscale8', bw: 'BlackAndWhite1' };

function inputCaps(n: Node) {
  const profiles = arr(obj(n.SettingProfiles).SettingProfile).map(obj);
  const colorModes = new Set<ColorMode>();
  const resolutions = new Set<number>();
  const formats = new Set<string>();
  for (const p of profiles) {
    for (const m of arr(obj(p.ColorModes).ColorMode)) {
      const c = ESCL_TO_COLOR[String(m)];
      if (c) colorModes.add(c);
    }
    for (const f of [...arr(obj(p.DocumentFormats).DocumentFormat), ...arr(obj(p.DocumentFormats).DocumentFormatExt)]) formats.add(String(f));
    const sr = obj(p.SupportedResolutions);
    for (const d of arr(obj(sr.DiscreteResolutions).DiscreteResolution).map(obj)) resolutions.add(Number(d.XResolution));
    const range = obj(obj(sr.ResolutionRange).XResolutionRange);
    if (range.Min !== undefined) for (const d of [75, 100, 150, 200, 300, 600]) if (d >= Number(range.Min) && d <= Number(range.Max)) resolutions.add(d);
  }
  const mm = (v: unknown) => (v === undefined ? undefined : Math.round((Number(v) / 300) * 25.4));
  return { colorModes: [...colorModes], resolutions: [...resolutions].filter(Number.isFinite).sort((a, b) => a - b), formats: [...formats], maxWidthMm: mm(n.MaxWidth), maxHeightMm: mm(n.MaxHeight) };
}

export interface EsclCaps extends ScanCaps {
  makeAndModel: string;
  formats: string[];
  /** The device lists DocumentFormatExt: send it too (sane-airscan does). */
  usesFormatExt: boolean;
}

/** Parses `ScannerCapabilities`; any `http://schemas.hp.com/imaging/escl/…` namespace is accepted. */
export function parseCaps(deviceId: string, xml: string): EsclCaps {
  const root = obj(obj(parser.parse(xml)).ScannerCapabilities);
  if (!Object.keys(root).length) throw new Error('not ScannerCapabilities');
  const sources: ScanCaps['sources'] = [];
  const formats = new Set<string>();
  const platen = obj(obj(root.Platen).PlatenInputCaps);
  if (Object.keys(platen).length) {
    const c = inputCaps(platen);
    c.formats.forEach((f) => formats.add(f));
    sources.push({ source: 'platen', duplex: false, resolutions: c.resolutions, colorModes: c.colorModes, maxWidthMm: c.maxWidthMm, maxHeightMm: c.maxHeightMm });
  }
  const adf = obj(root.Adf);
  const simplex = obj(adf.AdfSimplexInputCaps);
  if (Object.keys(simplex).length) {
    const c = inputCaps(simplex);
    c.formats.forEach((f) => formats.add(f));
    sources.push({ source: 'adf', duplex: Object.keys(obj(adf.AdfDuplexInputCaps)).length > 0, resolutions: c.resolutions, colorModes: c.colorModes, maxWidthMm: c.maxWidthMm, maxHeightMm: c.maxHeightMm });
  }
  return { deviceId, sources, makeAndModel: String(root.MakeAndModel ?? ''), formats: [...formats], usesFormatExt: xml.includes('DocumentFormatExt') };
}

export interface EsclStatus {
  state: string;
  adfState?: string;
}

export function parseStatus(xml: string): EsclStatus {
  const root = obj(obj(parser.parse(xml)).ScannerStatus);
  return { state: String(root.State ?? ''), adfState: root.AdfState === undefined ? undefined : String(root.AdfState) };
}

/** The body of `POST /eSCL/ScanJobs`, as sane-airscan sends it. */
export function scanSettingsXml(s: ScanSettings, format: string, withExt: boolean): string {
  const w = Math.round((210 / 25.4) * 300);
  const h = Math.round((297 / 25.4) * 300);
  return `<?xml version="1.0" encoding="UTF-8"?>
<scan:ScanSettings xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm" xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03">
  <pwg:Version>2.0</pwg:Version>
  <scan:Intent>TextAndGraphic</scan:Intent>
  <pwg:ScanRegions><pwg:ScanRegion><pwg:ContentRegionUnits>escl:ThreeHundredthsOfInches</pwg:ContentRegionUnits><pwg:XOffset>0</pwg:XOffset><pwg:YOffset>0</pwg:YOffset><pwg:Width>${w}</pwg:Width><pwg:Height>${h}</pwg:Height></pwg:ScanRegion></pwg:ScanRegions>
  <pwg:InputSource>${s.source === 'adf' ? 'Feeder' : 'Platen'}</pwg:InputSource>
  <scan:ColorMode>${COLOR_TO_ESCL[s.color]}</scan:ColorMode>
  <pwg:DocumentFormat>${format}</pwg:DocumentFormat>${withExt ? `\n  <scan:DocumentFormatExt>${format}</scan:DocumentFormatExt>` : ''}
  <scan:XResolution>${s.dpi}</scan:XResolution><scan:YResolution>${s.dpi}</scan:YResolution>${s.source === 'adf' ? `\n  <scan:Duplex>${s.duplex}</scan:Duplex>` : ''}
</scan:ScanSettings>`;
}

/** Parses what a client POSTs (used by the simulator, and by tests of our own XML). */
export function parseScanSettings(xml: string): { source: 'platen' | 'adf'; duplex: boolean; color: ColorMode; dpi: number; format: string; width?: number; height?: number } {
  const root = obj(obj(parser.parse(xml)).ScanSettings);
  if (!Object.keys(root).length) throw new Error('not ScanSettings');
  const region = obj(obj(root.ScanRegions).ScanRegion);
  return {
    source: String(root.InputSource ?? 'Platen') === 'Feeder' ? 'adf' : 'platen',
    duplex: String(root.Duplex ?? 'false') === 'true',
    color: ESCL_TO_COLOR[String(root.ColorMode ?? 'RGB24')] ?? 'color',
    dpi: Number(root.XResolution ?? 300),
    format: String(arr(root.DocumentFormatExt)[0] ?? arr(root.DocumentFormat)[0] ?? 'image/jpeg'),
    width: region.Width === undefined ? undefined : Number(region.Width),
    height: region.Height === undefined ? undefined : Number(region.Height),
  };
}
