import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { SaneDriver } from '../../../src-main/devices/scanner/sane-driver.ts';
import type { RawPage } from '../../../src-main/devices/scanner/driver.ts';
import { ScanErrors } from '../../../src-main/contract/scan.ts';
import { CounterError } from '../../../src-main/contract/errors.ts';
import { saneTestConfig } from './helpers.ts';

describe('SANE driver through scanimage and the test backend', () => {
  const configDir = saneTestConfig();

  it('lists the test devices and their sources', async () => {
    const d = new SaneDriver({ configDir });
    const devices = await d.listDevices();
    expect(devices.map((x) => x.id)).toContain('sane:test:0');
    const caps = await d.caps('sane:test:0');
    expect(caps.sources.map((s) => s.source)).toEqual(['platen', 'adf']);
    expect(caps.sources[1]!.duplex).toBe(false);
    expect(caps.sources[0]!.resolutions).toContain(300);
  });

  it('scans an ADF batch page by page until the feeder is empty', async () => {
    const d = new SaneDriver({ configDir, extraArgs: () => ['--test-picture', 'Grid'] });
    const pages: RawPage[] = [];
    await d.scan('sane:test:0', { source: 'adf', duplex: false, dpi: 75, color: 'gray' }, { page: (p) => void pages.push(p) }, new AbortController().signal);
    expect(pages).toHaveLength(10); // the test backend's feeder holds 10 sheets
    const meta = await sharp(pages[0]!.bytes).metadata();
    expect(meta.format).toBe('png');
    expect(meta.width).toBe(Math.round((210 / 25.4) * 75)); // A4 width asked for
  }, 60_000);

  it('reports an injected paper jam in Vietnamese', async () => {
    const d = new SaneDriver({ configDir, extraArgs: () => ['--read-return-value', 'SANE_STATUS_JAMMED'] });
    const err = await d.scan('sane:test:0', { source: 'adf', duplex: false, dpi: 75, color: 'gray' }, { page: () => {} }, new AbortController().signal).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CounterError);
    expect((err as CounterError).code).toBe('SCAN_JAMMED');
    expect((err as CounterError).messages.vi).toBe(ScanErrors.table.SCAN_JAMMED.vi);
  }, 30_000);

  it('refuses duplex on a feeder without it', async () => {
    const d = new SaneDriver({ configDir });
    await expect(d.scan('sane:test:0', { source: 'adf', duplex: true, dpi: 75, color: 'gray' }, { page: () => {} }, new AbortController().signal)).rejects.toMatchObject({ code: 'SCAN_NO_DUPLEX' });
  });
});
