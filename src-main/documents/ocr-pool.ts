import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import { DocumentErrors } from '../contract/documents.ts';
import { prepareLangFolder, type LangVariant } from './ocr-lang.ts';
import { ThroughputMeter, type OcrEngine, type OcrEngineStatus, type OcrJob, type PageOcr } from './ocr-engine.ts';
import { WasmOsd } from './orientation.ts';
import { parseTesseractTsv } from './ocr-tsv.ts';
import { OCR_PSM } from './ocr-prep.ts';

export type { OcrJob, PageOcr } from './ocr-engine.ts';

interface Slot {
  worker: Promise<Worker>;
  /** "psm/dpi" the worker is set to, so a page with other needs re-sets them first. */
  set?: string;
  jobs: number;
  busy: boolean;
  progress?: (p: number) => void;
}

export interface OcrPoolOptions {
  /** Where the language folder and cache live (the data folder). */
  dataDir: string;
  lang?: string;
  size?: number;
  /** A worker is replaced after this many pages: the wasm heap never shrinks (tesseract.js #900, #977). */
  recycleAfter?: number;
  dpi?: number;
  /** Tesseract page segmentation mode (default OCR_PSM). */
  psm?: number;
  variant?: LangVariant;
  /** Extra Tesseract variables, e.g. thresholding_method. */
  params?: Record<string, string>;
}

/**
 * A fixed pool of tesseract.js workers (worker_threads), one per core by default. Jobs queue in
 * order; a cancelled running job terminates its worker, which is then replaced.
 */
export class OcrPool implements OcrEngine {
  readonly kind = 'tesseract-wasm' as const;
  private readonly meter = new ThroughputMeter();
  private readonly osd: WasmOsd;
  private readonly slots: Slot[] = [];
  private readonly queue: Array<{ job: OcrJob; resolve: (r: PageOcr) => void; reject: (e: unknown) => void }> = [];
  private readonly langPath: string;
  private readonly lang: string;
  private readonly recycleAfter: number;
  private readonly dpi: number;
  private closed = false;

  constructor(private readonly opts: OcrPoolOptions) {
    this.lang = opts.lang ?? 'vie+eng';
    this.langPath = prepareLangFolder(opts.dataDir, this.lang.split('+'), opts.variant);
    this.osd = new WasmOsd(opts.dataDir);
    this.recycleAfter = opts.recycleAfter ?? 40;
    this.dpi = opts.dpi ?? 300;
    const size = opts.size ?? Math.max(1, Math.min(availableParallelism(), 8));
    for (let i = 0; i < size; i++) this.slots.push({ worker: Promise.resolve(undefined as unknown as Worker), jobs: -1, busy: false });
  }

  get size(): number {
    return this.slots.length;
  }

  recognize(job: OcrJob): Promise<PageOcr> {
    if (this.closed) return Promise.reject(DocumentErrors.raise('DOC_OCR_CANCELLED'));
    return new Promise((resolve, reject) => {
      const entry = { job, resolve, reject };
      if (job.signal?.aborted) return reject(DocumentErrors.raise('DOC_OCR_CANCELLED'));
      job.signal?.addEventListener('abort', () => {
        const i = this.queue.indexOf(entry);
        if (i >= 0) {
          this.queue.splice(i, 1);
          reject(DocumentErrors.raise('DOC_OCR_CANCELLED'));
        }
      });
      this.queue.push(entry);
      this.pump();
    });
  }

  private spawn(slot: Slot): void {
    slot.jobs = 0;
    slot.set = undefined;
    slot.worker = createWorker(this.lang, OEM.LSTM_ONLY, {
      langPath: this.langPath,
      gzip: true,
      cachePath: join(this.langPath, 'cache'),
      cacheMethod: 'none',
      logger: (m: { status: string; progress: number }) => {
        if (m.status === 'recognizing text') slot.progress?.(m.progress);
      },
    }).then(async (w) => {
      if (this.opts.params) await w.setParameters(this.opts.params);
      return w;
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy || this.queue.length === 0) continue;
      const entry = this.queue.shift()!;
      slot.busy = true;
      void this.run(slot, entry).finally(() => {
        slot.busy = false;
        slot.progress = undefined;
        this.pump();
      });
    }
  }

  private async run(slot: Slot, entry: (typeof this.queue)[number]): Promise<void> {
    const { job } = entry;
    if (slot.jobs < 0 || slot.jobs >= this.recycleAfter) {
      if (slot.jobs >= 0) void slot.worker.then((w) => w.terminate()).catch(() => {});
      this.spawn(slot);
    }
    slot.jobs++;
    slot.progress = job.onProgress;
    let onAbort: (() => void) | undefined;
    const finish = this.meter.start();
    try {
      const worker = await slot.worker;
      const aborted = new Promise<never>((_, reject) => {
        onAbort = () => {
          slot.jobs = this.recycleAfter; // the worker is killed: the next job spawns a new one
          void worker.terminate().catch(() => {});
          reject(DocumentErrors.raise('DOC_OCR_CANCELLED'));
        };
        if (job.signal?.aborted) onAbort();
        else job.signal?.addEventListener('abort', onAbort, { once: true });
      });
      // Cancelled while the worker was starting (e.g. at shutdown): a terminated worker must not get the job.
      if (job.signal?.aborted) await aborted;
      const set = `${job.psm ?? this.opts.psm ?? OCR_PSM}/${job.dpi ?? this.dpi}`;
      if (slot.set !== set) {
        const [psm, dpi] = set.split('/') as [string, string];
        await worker.setParameters({ tessedit_pageseg_mode: psm as never, user_defined_dpi: dpi });
        slot.set = set;
      }
      // TSV, not the blocks tree: same words and boxes, ~15 MB less per worker, one parser for both engines.
      const recognizing = worker.recognize(job.image, {}, { text: false, tsv: true });
      recognizing.catch(() => {}); // a worker terminated mid-job rejects late, after the race is decided
      const result = await Promise.race([recognizing, aborted]);
      finish();
      entry.resolve(parseTesseractTsv(result.data.tsv ?? '', { header: false }));
      job.onProgress?.(1);
    } catch (err) {
      if (err instanceof Error && 'code' in err) entry.reject(err);
      else {
        slot.jobs = this.recycleAfter;
        entry.reject(DocumentErrors.raise('DOC_OCR_FAILED', { reason: String(err) }));
      }
    } finally {
      this.meter.abandon(finish); // no-op after finish()
      if (onAbort) job.signal?.removeEventListener('abort', onAbort);
    }
  }

  async detectRotation(image: Buffer, minConfidence = 2): Promise<number | undefined> {
    const osd = await this.osd.detect(image);
    return osd && osd.confidence >= minConfidence ? osd.rotate : undefined;
  }

  status(): OcrEngineStatus {
    return {
      kind: this.kind,
      name: `tesseract.js ${wasmVersion()} (wasm)`,
      location: 'tesseract.js (worker_threads)',
      workers: this.size,
      pagesDone: this.meter.pages,
      pagesPerMin: this.meter.perMinute(),
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.osd.close();
    for (const q of this.queue.splice(0)) q.reject(DocumentErrors.raise('DOC_OCR_CANCELLED'));
    await Promise.all(this.slots.map((s) => (s.jobs >= 0 ? s.worker.then((w) => w?.terminate()).catch(() => {}) : undefined)));
  }
}

function wasmVersion(): string {
  try {
    return (createRequire(import.meta.url)('tesseract.js/package.json') as { version: string }).version;
  } catch {
    return '?';
  }
}
