import { execFile } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { DocumentErrors } from '../contract/documents.ts';
import { ThroughputMeter, type OcrEngine, type OcrEngineStatus, type OcrJob, type PageOcr } from './ocr-engine.ts';
import { parseTesseractTsv } from './ocr-tsv.ts';
import { WasmOsd } from './orientation.ts';
import { OCR_PSM } from './ocr-prep.ts';

/** A native `tesseract` found on this PC (see ocr-select.ts). */
export interface NativeTesseract {
  binary: string;
  version: string;
  langs: string[];
  /** Set when the data is not in the binary's default folder (a bundled build). */
  tessdataDir?: string;
}

export interface NativeOcrOptions {
  native: NativeTesseract;
  /** Where the wasm OSD keeps its model (see orientation.ts). */
  dataDir: string;
  lang?: string;
  size?: number;
  dpi?: number;
  /** Tesseract page segmentation mode (default OCR_PSM). */
  psm?: number;
  /** Extra Tesseract variables (`-c name=value`), e.g. thresholding_method. */
  params?: Record<string, string>;
  timeoutMs?: number;
}

interface Run {
  stdout: string;
  stderr: string;
}

/**
 * Native Tesseract 5, one process per page and per core with OpenMP capped at one thread
 * (OCRmyPDF's rule: parallel pages beat parallel threads). The image goes in on stdin and TSV
 * comes back on stdout, so no page touches the disk in clear.
 */
export class NativeOcrEngine implements OcrEngine {
  readonly kind = 'tesseract-native' as const;
  readonly size: number;
  private readonly lang: string;
  private readonly meter = new ThroughputMeter();
  private readonly waiting: Array<() => void> = [];
  private readonly running = new Set<AbortController>();
  private active = 0;
  private closed = false;
  private wasmOsd: WasmOsd | undefined;

  constructor(private readonly opts: NativeOcrOptions) {
    this.lang = opts.lang ?? 'vie+eng';
    this.size = opts.size ?? Math.max(1, Math.min(availableParallelism(), 8));
  }

  private args(job: OcrJob): string[] {
    const dir = this.opts.native.tessdataDir ? ['--tessdata-dir', this.opts.native.tessdataDir] : [];
    const vars = Object.entries(this.opts.params ?? {}).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
    const psm = String(job.psm ?? this.opts.psm ?? OCR_PSM);
    return ['stdin', 'stdout', ...dir, '--dpi', String(job.dpi ?? this.opts.dpi ?? 300), '-l', this.lang, '--psm', psm, ...vars, 'tsv'];
  }

  private exec(args: string[], input: Buffer, signal?: AbortSignal): Promise<Run> {
    return new Promise((resolve, reject) => {
      const child = execFile(
        this.opts.native.binary,
        args,
        { timeout: this.opts.timeoutMs ?? 180_000, killSignal: 'SIGKILL', signal, maxBuffer: 64 << 20, encoding: 'utf8', env: { ...process.env, OMP_THREAD_LIMIT: '1' } },
        (err, stdout, stderr) => {
          if (signal?.aborted) return reject(DocumentErrors.raise('DOC_OCR_CANCELLED'));
          if (err) return reject(DocumentErrors.raise('DOC_OCR_FAILED', { reason: `${this.opts.native.binary}: ${err.message} ${String(stderr).slice(0, 300)}` }));
          resolve({ stdout, stderr });
        },
      );
      child.stdin?.on('error', () => {}); // the program may exit before reading all of a bad image
      child.stdin?.end(input);
    });
  }

  private async slot<T>(signal: AbortSignal | undefined, fn: () => Promise<T>): Promise<T> {
    if (this.closed || signal?.aborted) throw DocumentErrors.raise('DOC_OCR_CANCELLED');
    if (this.active >= this.size) {
      await new Promise<void>((resolve, reject) => {
        const go = () => {
          signal?.removeEventListener('abort', cancel);
          resolve();
        };
        const cancel = () => {
          this.waiting.splice(this.waiting.indexOf(go), 1);
          reject(DocumentErrors.raise('DOC_OCR_CANCELLED'));
        };
        signal?.addEventListener('abort', cancel, { once: true });
        this.waiting.push(go);
      });
    }
    if (this.closed) throw DocumentErrors.raise('DOC_OCR_CANCELLED');
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }

  recognize(job: OcrJob): Promise<PageOcr> {
    return this.slot(job.signal, async () => {
      const ac = new AbortController();
      const onAbort = () => ac.abort();
      job.signal?.addEventListener('abort', onAbort, { once: true });
      this.running.add(ac);
      const finish = this.meter.start();
      try {
        const r = await this.exec(this.args(job), job.image, ac.signal);
        const page = parseTesseractTsv(r.stdout);
        finish();
        job.onProgress?.(1);
        return page;
      } catch (err) {
        this.meter.abandon(finish);
        throw err;
      } finally {
        this.running.delete(ac);
        job.signal?.removeEventListener('abort', onAbort);
      }
    });
  }

  async detectRotation(image: Buffer, minConfidence = 2): Promise<number | undefined> {
    const osd = await (this.wasmOsd ??= new WasmOsd(this.opts.dataDir)).detect(image);
    return osd && osd.confidence >= minConfidence ? osd.rotate : undefined;
  }

  status(): OcrEngineStatus {
    return {
      kind: this.kind,
      name: `Tesseract ${this.opts.native.version} (native)`,
      location: this.opts.native.binary,
      workers: this.size,
      pagesDone: this.meter.pages,
      pagesPerMin: this.meter.perMinute(),
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const go of this.waiting.splice(0)) go();
    for (const ac of this.running) ac.abort();
    await this.wasmOsd?.close();
  }
}
