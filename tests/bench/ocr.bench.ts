/**
 * OCR on the fixture pages: our pipeline (sharp page pipeline + tesseract.js pool, one worker per
 * core) against native Debian `tesseract` (OMP_THREAD_LIMIT=1, one process per core) on the same
 * pages in the same run. Figures are pages/minute and CER against the ground truth.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchRow } from './row.ts';
import { cer } from './cer.ts';
import { OcrPool } from '../../src-main/documents/ocr-pool.ts';
import { analysePage, processPage } from '../../src-main/documents/imaging.ts';

const FIX = join(import.meta.dirname, '..', '..', 'fixtures', 'scans');

function native(file: string): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile('tesseract', [file, 'stdout', '-l', 'vie+eng', '--dpi', '300', '--psm', '3'], { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, maxBuffer: 1 << 24 }, (e, out) => (e ? reject(e) : resolve(out))),
  );
}

async function parallel<T>(items: T[], n: number, fn: (t: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: n }, async () => {
    for (let t = queue.shift(); t !== undefined; t = queue.shift()) await fn(t);
  }));
}

export async function bench(): Promise<BenchRow[]> {
  const cores = availableParallelism();
  const pages = readdirSync(FIX).filter((f) => f.endsWith('.jpg') && !f.startsWith('blank')).sort();
  const rounds = 2; // each page twice, to amortise start-up
  const work = Array.from({ length: rounds }, () => pages).flat();
  const truth = new Map(pages.map((p) => [p, readFileSync(join(FIX, p.replace(/\.jpg$/, '.txt')), 'utf8')]));

  // Ours: the pool is created (and warmed) first, as in the app, where it lives for the day.
  const pool = new OcrPool({ dataDir: mkdtempSync(join(tmpdir(), 'ocr-bench-')), size: cores });
  await Promise.all(Array.from({ length: cores }, () => pool.recognize({ image: readFileSync(join(FIX, pages[0]!)) })));
  const oursText = new Map<string, string>();
  let t0 = Date.now();
  await Promise.all(work.map(async (p) => {
    const raw = readFileSync(join(FIX, p));
    const img = await processPage(raw, await analysePage(raw), { dpi: 300 });
    oursText.set(p, (await pool.recognize({ image: img.image })).text);
  }));
  const oursMin = (Date.now() - t0) / 60_000;
  await pool.close();

  const nativeText = new Map<string, string>();
  t0 = Date.now();
  await parallel(work, cores, async (p) => void nativeText.set(p, await native(join(FIX, p))));
  const nativeMin = (Date.now() - t0) / 60_000;

  const meanCer = (m: Map<string, string>) => (100 * pages.reduce((a, p) => a + cer(truth.get(p)!, m.get(p) ?? ''), 0)) / pages.length;
  const oursPpm = work.length / oursMin;
  const nativePpm = work.length / nativeMin;
  const oursCer = meanCer(oursText);
  const nativeCer = meanCer(nativeText);
  return [
    { area: 'ocr', name: `pages/min, ${pages.length} fixture pages ×${rounds}, ${cores} workers`, value: oursPpm, unit: 'pages/min', baseline: { name: `native tesseract ×${cores} (OMP=1)`, value: nativePpm }, target: '≥ 0.7× native', met: oursPpm >= 0.7 * nativePpm },
    { area: 'ocr', name: 'CER vs ground truth (mean per page)', value: oursCer, unit: '%', baseline: { name: 'native tesseract', value: nativeCer }, target: '≤ native', met: oursCer <= nativeCer + 1e-9 },
  ];
}
