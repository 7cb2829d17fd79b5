import type { OcrWord } from '../contract/scan.ts';

export interface PageOcr {
  text: string;
  confidence: number;
  words: OcrWord[];
}

export interface OcrJob {
  image: Buffer;
  /** Called with 0–1 while the page is recognised. */
  onProgress?: (p: number) => void;
  signal?: AbortSignal;
  /** Resolution of this image when it differs from the engine's default (300). */
  dpi?: number;
  /** Page segmentation mode for this page (e.g. 6 = one uniform block for tables), else the engine's. */
  psm?: number;
}

export type OcrEngineKind = 'tesseract-native' | 'tesseract-wasm';

export interface OcrEngineStatus {
  kind: OcrEngineKind;
  /** What the officer sees, e.g. "Tesseract 5.3.0 (native)". */
  name: string;
  /** Binary or wasm core in use. */
  location: string;
  workers: number;
  pagesDone: number;
  /** Pages per minute measured on this machine's own pages (busy wall time), once a page is done. */
  pagesPerMin?: number;
}

/**
 * What the scan and documents areas need from a text recogniser. Two implementations: tesseract.js
 * in worker threads (always there, wasm) and the native Tesseract 5 program (where installed or
 * shipped); `createOcrEngine` picks one.
 */
export interface OcrEngine {
  readonly kind: OcrEngineKind;
  readonly size: number;
  recognize(job: OcrJob): Promise<PageOcr>;
  /** Clockwise degrees (0/90/180/270) that make the page upright; undefined when unsure. */
  detectRotation(image: Buffer, minConfidence?: number): Promise<number | undefined>;
  status(): OcrEngineStatus;
  close(): Promise<void>;
}

/**
 * Pages per minute over the wall time during which at least one page was being recognised, so
 * idle time between scans does not count and parallel workers do.
 */
export class ThroughputMeter {
  private running = 0;
  private since = 0;
  private busyMs = 0;
  pages = 0;

  start(): () => void {
    if (this.running++ === 0) this.since = performance.now();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.pages++;
      if (--this.running === 0) this.busyMs += performance.now() - this.since;
    };
  }

  /** Failed or cancelled pages leave the busy period without counting as a page. */
  abandon(finish: () => void): void {
    const before = this.pages;
    finish();
    this.pages = before;
  }

  perMinute(): number | undefined {
    const busy = this.busyMs + (this.running ? performance.now() - this.since : 0);
    if (this.pages === 0 || busy <= 0) return undefined;
    return Math.round((this.pages / (busy / 60_000)) * 10) / 10;
  }
}
