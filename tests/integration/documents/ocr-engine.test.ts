import { afterAll, describe, expect, it } from 'vitest';
import { AutoOcrEngine, createOcrEngine, findNativeTesseract } from '../../../src-main/documents/ocr-select.ts';
import { NativeOcrEngine } from '../../../src-main/documents/ocr-native.ts';
import { ocrProbe } from '../../../src-main/documents/ocr-probe.ts';
import { OcrPool } from '../../../src-main/documents/ocr-pool.ts';
import type { OcrEngine } from '../../../src-main/documents/ocr-engine.ts';
import { CounterError } from '../../../src-main/contract/errors.ts';
import { Device } from '../../../src-main/contract/devices.ts';
import { cer } from '../../bench/cer.ts';
import { fixture, tmp } from '../scan/helpers.ts';

const dir = tmp('ocr-engine-it-');
const open: OcrEngine[] = [];
afterAll(async () => {
  await Promise.all(open.map((e) => e.close()));
});
const keep = <T extends OcrEngine>(e: T): T => (open.push(e), e);

describe('OcrEngine: native Tesseract where present, tesseract.js otherwise', () => {
  it('chooses the native engine here (Debian tesseract-ocr + -vie), and each engine reads the same page', async () => {
    const auto = keep(await createOcrEngine({ dataDir: dir, size: 1, prefer: 'auto' }));
    expect(auto).toBeInstanceOf(NativeOcrEngine);
    const wasm = keep(await createOcrEngine({ dataDir: dir, size: 1, prefer: 'tesseract-wasm' }));
    expect(wasm).toBeInstanceOf(OcrPool);
    const truth = fixture('receipt-hen-tra.txt').toString('utf8');
    for (const e of [auto, wasm]) {
      const r = await e.recognize({ image: fixture('receipt-hen-tra.jpg') });
      expect(cer(truth, r.text), e.kind).toBeLessThan(0.05);
      expect(r.words.length).toBeGreaterThan(20);
      expect(r.confidence).toBeGreaterThan(70);
      const s = e.status();
      expect(s.pagesDone).toBe(1);
      expect(s.pagesPerMin).toBeGreaterThan(0);
    }
  });

  it('refuses to force native where no binary exists, with a Vietnamese message', async () => {
    const saved = { PATH: process.env.PATH, T: process.env.COUNTER_TESSERACT };
    process.env.PATH = '/nonexistent';
    process.env.COUNTER_TESSERACT = '/nonexistent/tesseract';
    try {
      expect(await findNativeTesseract(['vie'])).toBeUndefined();
      const err = await createOcrEngine({ dataDir: dir, prefer: 'tesseract-native' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CounterError);
      expect((err as CounterError).code).toBe('DOC_OCR_ENGINE_MISSING');
      expect((err as CounterError).messages.vi).toMatch(/Không tìm thấy chương trình Tesseract/);
      const fallback = keep(await createOcrEngine({ dataDir: dir, size: 1 }));
      expect(fallback.kind).toBe('tesseract-wasm');
    } finally {
      process.env.PATH = saved.PATH;
      if (saved.T === undefined) delete process.env.COUNTER_TESSERACT;
      else process.env.COUNTER_TESSERACT = saved.T;
    }
  });

  it('cancels a native page in progress: the job rejects as cancelled and the next page still runs', async () => {
    const native = await findNativeTesseract(['vie', 'eng']);
    const e = keep(new NativeOcrEngine({ native: native!, dataDir: dir, size: 1 }));
    const ac = new AbortController();
    const first = e.recognize({ image: fixture('form-khai-sinh.jpg'), signal: ac.signal }).catch((x: unknown) => x);
    const queued = new AbortController();
    const second = e.recognize({ image: fixture('form-khai-sinh.jpg'), signal: queued.signal }).catch((x: unknown) => x);
    const third = e.recognize({ image: fixture('receipt-hen-tra.jpg') });
    setTimeout(() => ac.abort(), 150);
    queued.abort();
    const started = Date.now();
    expect(await first).toMatchObject({ code: 'DOC_OCR_CANCELLED' });
    expect(Date.now() - started).toBeLessThan(1000); // the process is killed, not waited for
    expect(await second).toMatchObject({ code: 'DOC_OCR_CANCELLED' });
    expect((await third).text).toMatch(/GIẤY TIẾP NHẬN/);
    expect(e.status().pagesDone).toBe(1);
  });

  it('fails a page that is not an image with a coded error, not a crash', async () => {
    const native = await findNativeTesseract(['vie', 'eng']);
    const e = keep(new NativeOcrEngine({ native: native!, dataDir: dir, size: 1 }));
    await expect(e.recognize({ image: Buffer.from('not an image at all') })).rejects.toMatchObject({ code: 'DOC_OCR_FAILED' });
    expect(e.status().pagesDone).toBe(0);
  });

  it('shows in the devices list as the OCR engine with its measured pages/min', async () => {
    const auto = keep(new AutoOcrEngine({ dataDir: dir, size: 1 }));
    const probe = ocrProbe(auto);
    const [before] = await probe.probe();
    expect(Device.parse(before)).toMatchObject({ kind: 'ocr', driver: 'tesseract-native', status: 'ready' });
    expect(before!.name).toMatch(/^Tesseract 5\.\d+\.\d+ \(native\)$/);
    expect(before!.pagesPerMin).toBeUndefined();
    await auto.recognize({ image: fixture('receipt-hen-tra.jpg') });
    const [after] = await probe.probe();
    expect(after!.pagesPerMin).toBeGreaterThan(1);
  });
});
