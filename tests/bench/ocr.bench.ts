/**
 * OCR on pages made at run time (ocr-pages.ts), never seen while the settings were chosen: the
 * app's engines through the app's own steps, each in a process of its own (ocr-run.ts), against
 * plain native Debian `tesseract` (OMP_THREAD_LIMIT=1, one process per core and page) on the same
 * pages in the same run. CER = Σ edits / Σ truth characters, per slice.
 *
 *   OCR_BENCH_PAGES  pages of the tuning split (default 8; the held-out split gets half as many, ≥ 4)
 *   OCR_BENCH_SEED   seed of the pages (default 2026)
 *   OCR_BENCH_TUNE=1 also run the candidate settings on the tuning split only, and print their CER
 *
 * The figures are taken on a shared 2-core machine: throughput ratios are measured in the same
 * run, but absolute pages/min move with the load.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchRow } from './row.ts';
import { cerCounts } from './cer.ts';
import { generatePages, type BenchPage } from './ocr-pages.ts';
import type { RunResult, RunSpec } from './ocr-run.ts';
import { OCR_INPUT_DEFAULTS } from '../../src-main/documents/ocr-prep.ts';

const WORKERS = 2;

function nativeCli(p: BenchPage): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile('tesseract', [p.file, 'stdout', '-l', 'vie+eng', '--dpi', String(p.dpi), '--psm', '3'], { timeout: 180_000, env: { ...process.env, OMP_THREAD_LIMIT: '1' }, maxBuffer: 1 << 24 }, (e, out) => (e ? reject(e) : resolve(out))),
  );
}

async function lanes<T>(items: T[], n: number, fn: (t: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    for (let i = next++; i < items.length; i = next++) await fn(items[i]!, i);
  }));
}

/** One configuration in a child process (its peak RSS is its own), with a time limit. */
function run(dir: string, spec: Omit<RunSpec, 'pages'>, pages: BenchPage[]): Promise<RunResult> {
  const file = join(dir, `spec-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify({ ...spec, pages: pages.map((p) => ({ file: p.file, dpi: p.dpi, kind: p.kind })) }));
  return new Promise((resolve, reject) =>
    execFile(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'ocr-run.ts'), file], { timeout: 900_000, killSignal: 'SIGKILL', maxBuffer: 1 << 26 }, (e, out, err) =>
      e ? reject(new Error(`${e.message}\n${err}`)) : resolve(JSON.parse(out) as RunResult),
    ),
  );
}

type Slice = { name: string; test: (p: BenchPage) => boolean };
const SLICES: Slice[] = [
  { name: 'held-out (all)', test: (p) => p.split === 'held-out' },
  { name: 'tune (all)', test: (p) => p.split === 'tune' },
  ...(['letter', 'form', 'table', 'stamp'] as const).map((k) => ({ name: `kind=${k}`, test: (p: BenchPage) => p.kind === k })),
  ...(['serif', 'sans', 'mono'] as const).map((k) => ({ name: `font=${k}`, test: (p: BenchPage) => p.font === k })),
  { name: 'dpi=200', test: (p) => p.dpi === 200 },
  { name: 'dpi=300', test: (p) => p.dpi === 300 },
  { name: 'capture=scan', test: (p) => p.capture === 'scan' },
  { name: 'capture=phone', test: (p) => p.capture === 'phone' },
];

function sliceCer(pages: BenchPage[], texts: string[], test: (p: BenchPage) => boolean): number | undefined {
  let edits = 0;
  let chars = 0;
  pages.forEach((p, i) => {
    if (!test(p)) return;
    const c = cerCounts(p.truth, texts[i] ?? '');
    edits += c.edits;
    chars += c.chars;
  });
  return chars ? (100 * edits) / chars : undefined;
}

const pct = (v: number | undefined) => (v === undefined ? '—' : `${v.toFixed(2)} %`);

function printSlices(title: string, pages: BenchPage[], columns: Array<[string, string[]]>): void {
  const rows = SLICES.map((s) => [`${s.name} (${pages.filter(s.test).length} p.)`, ...columns.map(([, t]) => pct(sliceCer(pages, t, s.test)))]);
  const head = ['slice', ...columns.map(([n]) => n)];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(w[i]!)).join(' | ');
  console.log(`\n${title}\n${line(head)}\n${w.map((x) => '-'.repeat(x)).join('-|-')}\n${rows.map(line).join('\n')}\n`);
}

/** Candidate settings tried on the tuning split only (OCR_BENCH_TUNE=1). */
const CANDIDATES: Array<[string, Omit<RunSpec, 'pages'>]> = [
  // Round 1 (see the closing note of issue 17): lossless, data variant, thresholding, psm per kind.
  ['wasm stored JPEG (before)', { engine: 'wasm', workers: WORKERS, prep: 'stored', psm: 3 }],
  ['wasm lossless, no upscale', { engine: 'wasm', workers: WORKERS, prep: 'lossless', targetDpi: 0, psm: 3 }],
  ['wasm lossless ≥300dpi', { engine: 'wasm', workers: WORKERS, prep: 'lossless', targetDpi: 300, psm: 3 }],
  ['+ drop-ink', { engine: 'wasm', workers: WORKERS, prep: 'lossless', dropColourInk: true, psm: 3 }],
  ['+ drop-ink + dots', { engine: 'wasm', workers: WORKERS, prep: 'lossless', dropColourInk: true, removeDotLeaders: true, psm: 3 }],
  ['+ drop-ink + dots + psm4', { engine: 'wasm', workers: WORKERS, prep: 'lossless', dropColourInk: true, removeDotLeaders: true, psm: 4 }],
  ['+ drop-ink + dots + sauvola', { engine: 'wasm', workers: WORKERS, prep: 'lossless', dropColourInk: true, removeDotLeaders: true, psm: 3, params: { thresholding_method: '2' } }],
  ['+ drop-ink + dots, 4.0.0 data', { engine: 'wasm', workers: WORKERS, prep: 'lossless', dropColourInk: true, removeDotLeaders: true, psm: 3, variant: '4.0.0' }],
  ['native engine + drop-ink + dots', { engine: 'native', workers: WORKERS, prep: 'lossless', dropColourInk: true, removeDotLeaders: true, psm: 3 }],
];

export async function bench(): Promise<BenchRow[]> {
  const count = Number(process.env.OCR_BENCH_PAGES ?? 8);
  const seed = Number(process.env.OCR_BENCH_SEED ?? 2026);
  const dir = mkdtempSync(join(tmpdir(), 'ocr-bench-'));
  try {
    let t0 = performance.now();
    const pages = await generatePages(dir, count, seed);
    console.error(`(ocr: ${pages.length} pages generated in ${((performance.now() - t0) / 1000).toFixed(1)} s, seed ${seed})`);
    const tune = pages.filter((p) => p.split === 'tune');

    if (process.env.OCR_BENCH_TUNE === '1') {
      const cols: Array<[string, string[]]> = [];
      for (const [name, spec] of CANDIDATES) {
        const r = await run(dir, spec, tune);
        cols.push([name, r.texts]);
        console.error(`(tune: ${name}: ${((tune.length / r.runMs) * 60_000).toFixed(1)} pages/min, peak ${r.peakTreeMb.toFixed(0)} MB)`);
      }
      printSlices('OCR tuning candidates — tuning split only', tune, cols);
    }

    // Native baseline: the plain program, as an administrator would run it.
    const nativeText: string[] = [];
    t0 = performance.now();
    await lanes(pages, WORKERS, async (p, i) => void (nativeText[i] = await nativeCli(p)));
    const nativeMin = (performance.now() - t0) / 60_000;

    const app = { workers: WORKERS, prep: 'lossless' as const, ...OCR_INPUT_DEFAULTS };
    // Before: the kept JPEG and automatic layout (psm 3), as the app did before issue 17.
    const before = await run(dir, { engine: 'wasm', workers: WORKERS, prep: 'stored', psm: 3 }, pages);
    const wasm = await run(dir, { engine: 'wasm', ...app }, pages);
    const native = await run(dir, { engine: 'native', ...app }, pages);
    printSlices('OCR CER per slice — all pages, same run', pages, [
      ['native CLI', nativeText],
      ['wasm before', before.texts],
      ['wasm after', wasm.texts],
      ['native engine after', native.texts],
    ]);

    const ppm = (r: RunResult) => (pages.length / r.runMs) * 60_000;
    const nativePpm = pages.length / nativeMin;
    const held = (p: BenchPage) => p.split === 'held-out';
    const nativeHeld = sliceCer(pages, nativeText, held)!;
    const rows: BenchRow[] = [];
    for (const [label, r] of [['tesseract.js (wasm)', wasm], ['native engine (auto choice here)', native]] as const) {
      const c = sliceCer(pages, r.texts, held)!;
      rows.push(
        { area: 'ocr', name: `${label}: pages/min, ${pages.length} generated pages, ${WORKERS} workers (warm)`, value: ppm(r), unit: 'pages/min', baseline: { name: `native CLI ×${WORKERS}`, value: nativePpm }, target: '≥ 0.8× native', met: ppm(r) >= 0.8 * nativePpm },
        { area: 'ocr', name: `${label}: CER, held-out split`, value: c, unit: '%', baseline: { name: 'native CLI', value: nativeHeld }, target: '≤ native', met: c <= nativeHeld + 1e-9 },
        { area: 'ocr', name: `${label}: peak RSS, ${WORKERS} workers (process + tesseract children)`, value: r.peakTreeMb, unit: 'MB', target: '< 600 MB', met: r.peakTreeMb < 600 },
        { area: 'ocr', name: `${label}: start-up (engine + first page per worker)`, value: r.initMs / 1000, unit: 's' },
      );
    }
    rows.push({ area: 'ocr', name: 'wasm before (stored JPEG, old pipeline): CER, held-out split', value: sliceCer(pages, before.texts, held)!, unit: '%', baseline: { name: 'native CLI', value: nativeHeld } });
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
