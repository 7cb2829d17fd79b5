import { readdirSync, readFileSync, statSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { ROOT, startWebHost } from '../e2e/harness.ts';
import type { BenchRow } from './row.ts';

const ARGS = ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const RUNS = 5;

/** Milliseconds from the page request to first contentful paint. */
async function firstPaint(url: string): Promise<number> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    return await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list) => {
            const fcp = list.getEntries().find((e) => e.name === 'first-contentful-paint');
            if (fcp) resolve(fcp.startTime);
          }).observe({ type: 'paint', buffered: true });
        }),
    );
  } finally {
    await browser.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** Start-up of the web host to first paint, against a static page served by a bare HTTP server. */
export async function bench(): Promise<BenchRow[]> {
  const staticServer = createServer((_q, r) => r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><h1>Quầy Một cửa</h1>'));
  await new Promise<void>((r) => staticServer.listen(0, '127.0.0.1', r));
  const port = (staticServer.address() as { port: number }).port;
  const baseline: number[] = [];
  const startToPaint: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    baseline.push(await firstPaint(`http://127.0.0.1:${port}/`));
    const t0 = performance.now();
    const { url, child } = await startWebHost({ dataDir: mkdtempSync(join(tmpdir(), 'osc-bench-')) });
    const hostReady = performance.now() - t0;
    startToPaint.push(hostReady + (await firstPaint(url)));
    child.kill('SIGTERM');
  }
  staticServer.close();

  const assets = join(ROOT, 'out', 'renderer', 'assets');
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  // What start-up loads (the entry chunk) versus everything, lazily loaded parts (pdf.js viewer) included.
  const entry = js.filter((f) => f.startsWith('index-'));
  const raw = js.reduce((n, f) => n + statSync(join(assets, f)).size, 0);
  const gz = entry.reduce((n, f) => n + gzipSync(readFileSync(join(assets, f))).length, 0);
  const entryRaw = entry.reduce((n, f) => n + statSync(join(assets, f)).size, 0);
  return [
    {
      area: 'foundation',
      name: `web host start → first paint (median of ${RUNS})`,
      value: median(startToPaint),
      unit: 'ms',
      baseline: { name: 'static page first paint', value: median(baseline) },
    },
    { area: 'foundation', name: 'renderer JS loaded at start (raw)', value: entryRaw / 1024, unit: 'KiB', baseline: { name: 'all JS incl. lazy pdf.js viewer', value: raw / 1024 } },
    { area: 'foundation', name: 'renderer JS loaded at start (gzip)', value: gz / 1024, unit: 'KiB' },
  ];
}
