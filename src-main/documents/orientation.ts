import { createWorker, OEM, type Worker } from 'tesseract.js';
import sharp from 'sharp';
import { prepareLangFolder } from './ocr-lang.ts';

/** OSD looks at shapes, not words: a 1200 px greyscale copy is enough and keeps the wasm heap small. */
export async function osdImage(image: Buffer): Promise<Buffer> {
  return sharp(image).rotate().greyscale().resize({ width: 1200, height: 1200, fit: 'inside', withoutEnlargement: true }).png().toBuffer();
}

/**
 * Orientation from Tesseract's OSD model run by tesseract.js (legacy wasm core + the npm
 * `@tesseract.js-data/osd` data), so it works on every PC without a native program. Both engines
 * use it: a kept worker answers in ~0.25 s a page where a native `tesseract --psm 0` process takes
 * ~1 s (it reloads the 10 MB model each time). One worker, started on first use and ended after a
 * minute without pages (it holds ~40 MB).
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
