/**
 * One OCR configuration over the bench pages, in a process of its own so its peak memory is the
 * memory of that configuration: the app's engine (created and warmed as at start-up), then every
 * page through the app's own steps. Reads a RunSpec (JSON file named on the command line), prints
 * a RunResult as JSON. Started by ocr.bench.ts.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analysePage, processPage } from '../../src-main/documents/imaging.ts';
import { ocrInput } from '../../src-main/documents/ocr-prep.ts';
import { OcrPool } from '../../src-main/documents/ocr-pool.ts';
import { NativeOcrEngine } from '../../src-main/documents/ocr-native.ts';
import { findNativeTesseract } from '../../src-main/documents/ocr-select.ts';
import type { OcrEngine } from '../../src-main/documents/ocr-engine.ts';
import type { LangVariant } from '../../src-main/documents/ocr-lang.ts';

export interface RunSpec {
  engine: 'wasm' | 'native';
  workers: number;
  /** 'stored': OCR reads the kept JPEG (processPage), as before; 'lossless': ocrInput. */
  prep: 'stored' | 'lossless';
  targetDpi?: number;
  dropColourInk?: boolean;
  removeDotLeaders?: boolean;
  variant?: LangVariant;
  /** Native only: a tessdata folder other than the system one. */
  tessdataDir?: string;
  /** Page segmentation mode for every page (else the engine's OCR_PSM), and per page kind. */
  psm?: number;
  psmByKind?: Record<string, number>;
  params?: Record<string, string>;
  pages: Array<{ file: string; dpi: number; kind: string }>;
}

export interface RunResult {
  texts: string[];
  initMs: number;
  runMs: number;
  /** Peak resident memory of this process (VmHWM), MB. */
  peakRssMb: number;
  /** Peak of this process plus its tesseract children, sampled every 50 ms, MB. */
  peakTreeMb: number;
}

function kb(status: string, field: string): number {
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
}

/** RSS of this process and its direct children (the native engine's tesseract processes). */
function treeRssKb(): number {
  let total = kb(readFileSync('/proc/self/status', 'utf8'), 'VmRSS');
  for (const tid of readdirSync(`/proc/${process.pid}/task`)) {
    let kids = '';
    try {
      kids = readFileSync(`/proc/${process.pid}/task/${tid}/children`, 'utf8');
    } catch {
      continue;
    }
    for (const pid of kids.trim().split(/\s+/).filter(Boolean)) {
      try {
        total += kb(readFileSync(`/proc/${pid}/status`, 'utf8'), 'VmRSS');
      } catch {
        // ended between the two reads
      }
    }
  }
  return total;
}

async function engineFor(spec: RunSpec, dataDir: string): Promise<OcrEngine> {
  if (spec.engine === 'wasm') return new OcrPool({ dataDir, size: spec.workers, variant: spec.variant, params: spec.params });
  const native = await findNativeTesseract(['vie', 'eng']);
  if (!native) throw new Error('native tesseract with vie+eng not found');
  return new NativeOcrEngine({ native: spec.tessdataDir ? { ...native, tessdataDir: spec.tessdataDir } : native, dataDir, size: spec.workers, params: spec.params });
}

async function main(): Promise<void> {
  const spec = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as RunSpec;
  let peakTree = 0;
  const sampler = setInterval(() => (peakTree = Math.max(peakTree, treeRssKb())), 50);
  let t0 = performance.now();
  const engine = await engineFor(spec, mkdtempSync(join(tmpdir(), 'ocr-run-')));
  // Warm every worker once, as the app's pool is warm after its first pages.
  const first = spec.pages[0]!;
  await Promise.all(Array.from({ length: spec.workers }, () => engine.recognize({ image: readFileSync(first.file), dpi: first.dpi })));
  const initMs = performance.now() - t0;
  t0 = performance.now();
  // Pages come in one after another, as from a feeder: one more in preparation than there are workers.
  const texts: string[] = [];
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < spec.pages.length; i = next++) texts[i] = await page(spec.pages[i]!);
  };
  const page = async (p: RunSpec['pages'][number]): Promise<string> => {
      const raw = readFileSync(p.file);
      const analysis = await analysePage(raw);
      const psm = spec.psmByKind?.[p.kind] ?? spec.psm;
      if (spec.prep === 'stored') {
        const kept = await processPage(raw, analysis, { dpi: p.dpi });
        return (await engine.recognize({ image: kept.image, dpi: kept.dpi, psm })).text;
      }
      const input = await ocrInput(raw, analysis, { dpi: p.dpi, targetDpi: spec.targetDpi, dropColourInk: spec.dropColourInk, removeDotLeaders: spec.removeDotLeaders });
      return (await engine.recognize({ image: input.image, dpi: input.dpi, psm })).text;
  };
  await Promise.all(Array.from({ length: spec.workers + 1 }, lane));
  const runMs = performance.now() - t0;
  clearInterval(sampler);
  await engine.close();
  const peakRssMb = kb(readFileSync('/proc/self/status', 'utf8'), 'VmHWM') / 1024;
  const result: RunResult = { texts, initMs, runMs, peakRssMb, peakTreeMb: Math.max(peakTree / 1024, peakRssMb) };
  process.stdout.write(JSON.stringify(result));
}

await main();
