import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentErrors } from '../contract/documents.ts';
import { execProgram } from '../platform/exec.ts';
import type { OcrEngine, OcrEngineKind, OcrEngineStatus, OcrJob, PageOcr } from './ocr-engine.ts';
import { NativeOcrEngine, type NativeTesseract } from './ocr-native.ts';
import { OcrPool } from './ocr-pool.ts';

/** "tesseract 5.3.0\n leptonica-1.82.0 …" → "5.3.0"; also "tesseract v5.5.0.20241111". */
export function parseTesseractVersion(stdout: string): string | undefined {
  return /^tesseract v?(\d+\.\d+(?:\.\d+)?)/m.exec(stdout)?.[1];
}

/** `--list-langs`: a heading line, then one language per line. */
export function parseListLangs(stdout: string): string[] {
  return stdout
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.trim())
    .filter((l) => /^[A-Za-z0-9_-]+$/.test(l));
}

/** Where a native Tesseract may be: named by env, bundled next to the app (extraResources), or installed. */
export function nativeCandidates(env: NodeJS.ProcessEnv = process.env, platform = process.platform): Array<{ binary: string; tessdataDir?: string }> {
  const exe = platform === 'win32' ? 'tesseract.exe' : 'tesseract';
  const out: Array<{ binary: string; tessdataDir?: string }> = [];
  if (env.COUNTER_TESSERACT) out.push({ binary: env.COUNTER_TESSERACT, tessdataDir: env.COUNTER_TESSDATA || undefined });
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) out.push({ binary: join(resources, 'tesseract', exe), tessdataDir: join(resources, 'tesseract', 'tessdata') });
  if (platform === 'win32') {
    for (const root of [env.ProgramFiles, env['ProgramFiles(x86)'], env.LOCALAPPDATA && join(env.LOCALAPPDATA, 'Programs')]) if (root) out.push({ binary: join(root, 'Tesseract-OCR', exe) });
  }
  out.push({ binary: exe });
  return out;
}

/** The first native Tesseract ≥ 4 (LSTM) that has every language asked for; undefined if none. */
export async function findNativeTesseract(langs: string[], env: NodeJS.ProcessEnv = process.env): Promise<NativeTesseract | undefined> {
  for (const c of nativeCandidates(env)) {
    if ((c.binary.includes('/') || c.binary.includes('\\')) && !existsSync(c.binary)) continue;
    const v = await execProgram(c.binary, ['--version'], { timeoutMs: 5000 });
    const version = v.code === 0 ? parseTesseractVersion(v.stdout + v.stderr) : undefined;
    if (!version || Number(version.split('.')[0]) < 4) continue;
    const dir = c.tessdataDir && existsSync(c.tessdataDir) ? c.tessdataDir : undefined;
    const l = await execProgram(c.binary, [...(dir ? ['--tessdata-dir', dir] : []), '--list-langs'], { timeoutMs: 5000 });
    const have = parseListLangs(l.stdout + l.stderr);
    if (langs.every((x) => have.includes(x))) return { binary: c.binary, version, langs: have, tessdataDir: dir };
  }
  return undefined;
}

export type OcrEnginePreference = 'auto' | OcrEngineKind;

export function parseEnginePreference(s: string | undefined): OcrEnginePreference {
  const v = (s ?? 'auto').trim().toLowerCase();
  if (v === '' || v === 'auto') return 'auto';
  if (v === 'native' || v === 'tesseract-native') return 'tesseract-native';
  if (v === 'wasm' || v === 'tesseract-wasm') return 'tesseract-wasm';
  throw DocumentErrors.raise('DOC_OCR_ENGINE_UNKNOWN', { value: s });
}

export interface AutoOcrOptions {
  dataDir: string;
  lang?: string;
  size?: number;
  /** Default: env COUNTER_OCR_ENGINE, else 'auto' (native where found, wasm otherwise). */
  prefer?: OcrEnginePreference;
}

/** Picks the engine once, on first use: native Tesseract when present, tesseract.js otherwise. */
export async function createOcrEngine(o: AutoOcrOptions): Promise<OcrEngine> {
  const lang = o.lang ?? 'vie+eng';
  const prefer = o.prefer ?? parseEnginePreference(process.env.COUNTER_OCR_ENGINE);
  if (prefer !== 'tesseract-wasm') {
    const native = await findNativeTesseract(lang.split('+'));
    if (native) return new NativeOcrEngine({ native, dataDir: o.dataDir, lang, size: o.size });
    if (prefer === 'tesseract-native') throw DocumentErrors.raise('DOC_OCR_ENGINE_MISSING', { lang });
  }
  return new OcrPool({ dataDir: o.dataDir, lang, size: o.size });
}

/**
 * The engine the areas hold from start-up: synchronous to create, the choice (a few milliseconds of
 * `tesseract --version`) made on the first page or status probe.
 */
export class AutoOcrEngine implements OcrEngine {
  private engine: Promise<OcrEngine> | undefined;
  private chosen: OcrEngine | undefined;
  private closed = false;

  constructor(private readonly o: AutoOcrOptions) {}

  get kind(): OcrEngineKind {
    return this.chosen?.kind ?? 'tesseract-wasm';
  }

  get size(): number {
    return this.chosen?.size ?? 0;
  }

  /** The engine in use, choosing it now if not yet done. */
  resolve(): Promise<OcrEngine> {
    if (this.closed) return Promise.reject(DocumentErrors.raise('DOC_OCR_CANCELLED'));
    this.engine ??= createOcrEngine(this.o).then((e) => (this.chosen = e));
    this.engine.catch(() => (this.engine = undefined)); // a failed choice is tried again next time
    return this.engine;
  }

  async recognize(job: OcrJob): Promise<PageOcr> {
    return (await this.resolve()).recognize(job);
  }

  async detectRotation(image: Buffer, minConfidence?: number): Promise<number | undefined> {
    return (await this.resolve()).detectRotation(image, minConfidence);
  }

  status(): OcrEngineStatus {
    return this.chosen?.status() ?? { kind: this.kind, name: 'tesseract', location: '', workers: 0, pagesDone: 0 };
  }

  async close(): Promise<void> {
    this.closed = true;
    const e = await this.engine?.catch(() => undefined);
    await e?.close();
  }
}
