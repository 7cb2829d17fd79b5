import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, mkdtempSync, rmSync } from 'node:fs';
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

/** Wall time of one `counter …` run to its exit: the built CLI, or the same source through tsx. */
function cliRun(built: boolean, args: string[]): number {
  const entry = built ? [join(ROOT, 'out', 'main', 'cli.js')] : [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'src-main', 'cli', 'main.ts')];
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...entry, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 });
  if (r.status !== 0) throw new Error(`counter ${args.join(' ')} failed: ${String(r.stderr)}`);
  return performance.now() - t0;
}

async function webStartToPaint(fromSource: boolean): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'osc-bench-'));
  const t0 = performance.now();
  const { url, child } = await startWebHost({ dataDir, fromSource });
  const hostReady = performance.now() - t0;
  try {
    return hostReady + (await firstPaint(url));
  } finally {
    await child.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `counter --version` / `counter info` start-up, built (after) against tsx from source (before). */
function cliRows(): BenchRow[] {
  const dataDir = mkdtempSync(join(tmpdir(), 'osc-bench-cli-'));
  const nodeOnly: number[] = [];
  const rows: BenchRow[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      spawnSync(process.execPath, ['-e', '0'], { timeout: 30_000 });
      nodeOnly.push(performance.now() - t0);
    }
    for (const args of [['--version'], ['info', '--data-dir', dataDir]]) {
      const before: number[] = [];
      const after: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        before.push(cliRun(false, args));
        after.push(cliRun(true, args));
      }
      rows.push({
        area: 'foundation',
        name: `counter ${args[0]} start-up, built CLI (median of ${RUNS})`,
        value: median(after),
        unit: 'ms',
        baseline: { name: 'tsx from source (before)', value: median(before) },
        ...(args[0] === '--version' ? { target: '< 1000 ms', met: median(after) < 1000 } : {}),
      });
    }
    rows.push({ area: 'foundation', name: `bare node -e 0 on this machine (median of ${RUNS})`, value: median(nodeOnly), unit: 'ms' });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}

/** Start-up of the web host to first paint, against a static page served by a bare HTTP server. */
export async function bench(): Promise<BenchRow[]> {
  const staticServer = createServer((_q, r) => r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><h1>Quầy Một cửa</h1>'));
  await new Promise<void>((r) => staticServer.listen(0, '127.0.0.1', r));
  const port = (staticServer.address() as { port: number }).port;
  const baseline: number[] = [];
  const startToPaint: number[] = [];
  const fromSource: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    baseline.push(await firstPaint(`http://127.0.0.1:${port}/`));
    startToPaint.push(await webStartToPaint(false));
    fromSource.push(await webStartToPaint(true));
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
    {
      area: 'foundation',
      name: `web host start → first paint, built out/main/web.js (median of ${RUNS})`,
      value: median(startToPaint),
      unit: 'ms',
      baseline: { name: 'tsx src-main/web/main.ts (before)', value: median(fromSource) },
    },
    ...cliRows(),
    { area: 'foundation', name: 'renderer JS loaded at start (raw)', value: entryRaw / 1024, unit: 'KiB', baseline: { name: 'all JS incl. lazy pdf.js viewer', value: raw / 1024 } },
    { area: 'foundation', name: 'renderer JS loaded at start (gzip)', value: gz / 1024, unit: 'KiB' },
  ];
}
