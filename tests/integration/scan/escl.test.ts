import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { EsclDriver } from '../../../src-main/devices/scanner/escl/escl-driver.ts';
import type { RawPage } from '../../../src-main/devices/scanner/driver.ts';
import { startEsclSim, type EsclSim } from '../../sim/escl/server.ts';
import { airscanConfig, tmp } from './helpers.ts';

let sim: EsclSim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const scan = async (d: EsclDriver, id: string, duplex: boolean) => {
  const pages: RawPage[] = [];
  await d.scan(id, { source: 'adf', duplex, dpi: 75, color: 'color' }, { page: (p) => void pages.push(p) }, new AbortController().signal);
  return pages;
};

describe('eSCL driver against the simulator', () => {
  it('scans ADF duplex: 503 is retried after a status check, 404 ends the feed, the job is deleted', async () => {
    sim = await startEsclSim({ sheets: 2, busyBefore: [1] });
    const pages = await scan(new EsclDriver({ retryDelayMs: 50 }), `escl:${sim.url}`, true);
    expect(pages.map((p) => p.side)).toEqual(['front', 'back', 'front', 'back']);
    const i503 = sim.requests.indexOf('GET /eSCL/ScanJobs/job-1/NextDocument');
    expect(sim.requests[i503 + 1]).toBe('GET /eSCL/ScannerStatus');
    expect(sim.requests.at(-1)).toBe('DELETE /eSCL/ScanJobs/job-1');
    expect((await sharp(pages[0]!.bytes).metadata()).channels).toBe(3);
  });

  it('reports a jam after the pages already scanned, and an empty feeder', async () => {
    sim = await startEsclSim({ sheets: 3, jamAfter: 1 });
    const d = new EsclDriver({ retryDelayMs: 10 });
    const got: RawPage[] = [];
    await expect(d.scan(`escl:${sim.url}`, { source: 'adf', duplex: false, dpi: 75, color: 'gray' }, { page: (p) => void got.push(p) }, new AbortController().signal)).rejects.toMatchObject({ code: 'SCAN_JAMMED' });
    expect(got).toHaveLength(1);
    await sim.close();
    sim = await startEsclSim({ sheets: 0 });
    await expect(scan(new EsclDriver(), `escl:${sim.url}`, false)).rejects.toMatchObject({ code: 'SCAN_FEEDER_EMPTY' });
  });

  it('reports an open door (NAPS2 spelling of the loaded state is accepted too)', async () => {
    sim = await startEsclSim({ doorOpen: true });
    await expect(scan(new EsclDriver(), `escl:${sim.url}`, false)).rejects.toMatchObject({ code: 'SCAN_DOOR_OPEN' });
    await sim.close();
    sim = await startEsclSim({ sheets: 1, naps2Spelling: true });
    expect(await scan(new EsclDriver(), `escl:${sim.url}`, false)).toHaveLength(1);
  });

  it('is accepted by sane-airscan: scanimage ADF Duplex batch through the simulator', async () => {
    sim = await startEsclSim({ sheets: 2, busyBefore: [1] });
    const env = { ...process.env, SANE_CONFIG_DIR: airscanConfig(sim.url) };
    const out = tmp('airscan-out-');
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve) =>
      execFile('scanimage', ['-d', 'airscan:e0:Sim', '--source', 'ADF Duplex', '--resolution', '75', '--mode', 'Color', '--format=png', `--batch=${join(out, 'p%d.png')}`], { env, timeout: 60_000 }, (e, _o, stderr) => resolve({ code: e ? ((e as { code?: number }).code ?? 1) : 0, stderr })),
    );
    expect(r.stderr).toContain('Document feeder out of documents');
    expect(r.code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toEqual(['p1.png', 'p2.png', 'p3.png', 'p4.png']);
    // airscan asks for the full width it was offered (2550/300 in at 75 dpi)
    expect(Math.abs(((await sharp(readFileSync(join(out, 'p1.png'))).metadata()).width ?? 0) - (2550 / 300) * 75)).toBeLessThan(1);
    expect(sim.requests).toContain('GET /eSCL/ScannerStatus'); // airscan checked status after the 503
  }, 90_000);
});
