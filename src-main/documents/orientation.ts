import { createWorker, OEM, type Worker } from 'tesseract.js';
import sharp from 'sharp';
import { prepareLangFolder } from './ocr-lang.ts';

/** `tesseract --psm 0` prints "Rotate: 180" and "Orientation confidence: 5.2". */
export function parseOsd(stdout: string): { rotate: number; confidence: number } | undefined {
  const rotate = /Rotate:\s*(\d+)/.exec(stdout);
  const conf = /Orientation confidence:\s*([\d.]+)/.exec(stdout);
  if (!rotate || !conf) return undefined;
  return { rotate: Number(rotate[1]) % 360, confidence: Number(conf[1]) };
}

/** OSD looks at shapes, not words: a 1200 px greyscale copy is enough and keeps the wasm heap small. */
export async function osdImage(image: Buffer): Promise<Buffer> {
  return sharp(image).rotate().greyscale().resize({ width: 1200, height: 1200, fit: 'inside', withoutEnlargement: true }).png().toBuffer();
}

/**
 * Orientation from Tesseract's OSD model run by tesseract.js (legacy wasm core + the npm
 * `@tesseract.js-data/osd` data), so it works on every PC without a native program. One worker,
 * started on first use and ended after a minute without pages (it holds ~40 MB).
 */
export class WasmOsd {
  private worker: Promise<Worker> | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private idle: NodeJS.Timeout | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly idleMs = 60_000,
  ) {}

  /** Clockwise degrees that make the page upright, with Tesseract's orientation confidence. */
  detect(image: Buffer): Promise<{ rotate: number; confidence: number } | undefined> {
    const run = this.chain.then(async () => {
      clearTimeout(this.idle);
      const w = await (this.worker ??= this.start());
      try {
        const { data } = await w.detect(await osdImage(image));
        if (data.orientation_degrees === null || data.orientation_confidence === null) return undefined;
        return { rotate: data.orientation_degrees % 360, confidence: data.orientation_confidence };
      } finally {
        this.idle = setTimeout(() => void this.close(), this.idleMs);
        this.idle.unref();
      }
    });
    this.chain = run.catch(() => {});
    return run;
  }

  private start(): Promise<Worker> {
    const langPath = prepareLangFolder(this.dataDir, ['osd']);
    const w = createWorker('osd', OEM.TESSERACT_ONLY, { langPath, gzip: true, cacheMethod: 'none', legacyCore: true, legacyLang: true });
    w.catch(() => {
      this.worker = undefined;
    });
    return w;
  }

  async close(): Promise<void> {
    clearTimeout(this.idle);
    const w = this.worker;
    this.worker = undefined;
    await w?.then((x) => x.terminate()).catch(() => {});
  }
}
