import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { WasmOsd } from '../../../src-main/documents/orientation.ts';
import { NativeOcrEngine } from '../../../src-main/documents/ocr-native.ts';
import { findNativeTesseract } from '../../../src-main/documents/ocr-select.ts';
import { fixture, tmp } from '../scan/helpers.ts';

const dir = tmp('osd-it-');
const osd = new WasmOsd(dir);
afterAll(() => osd.close());

const PAGES = ['form-khai-sinh.jpg', 'receipt-hen-tra.jpg', 'table-thanh-phan.jpg'];

/** The page turned clockwise by `turn`, then by the correction found: upright means a full turn. */
async function check(detect: (img: Buffer) => Promise<number | undefined>, name: string, turn: number): Promise<void> {
  const rotated = await sharp(fixture(name)).rotate(turn).jpeg({ quality: 85 }).toBuffer();
  const fix = await detect(rotated);
  expect(fix, `${name} turned ${turn}°`).toBeDefined();
  expect((turn + fix!) % 360, `${name} turned ${turn}°, corrected by ${fix}°`).toBe(0);
}

describe('orientation without a native program (tesseract.js OSD, offline data from npm)', () => {
  for (const name of PAGES) {
    it(`puts ${name} upright from 0/90/180/270°`, async () => {
      for (const turn of [0, 90, 180, 270]) await check(async (img) => (await osd.detect(img))?.rotate, name, turn);
    });
  }

  it('is sure of itself on text and unsure on a blank page', async () => {
    const text = await osd.detect(fixture('form-khai-sinh.jpg'));
    expect(text!.confidence).toBeGreaterThan(2);
    const blank = await sharp({ create: { width: 1240, height: 1754, channels: 3, background: 'white' } }).png().toBuffer();
    const b = await osd.detect(blank);
    expect(b === undefined || b.confidence < 2).toBe(true);
  });
});

describe('orientation through the native engine', () => {
  it('puts a page upright from 90/180/270° (the kept wasm OSD worker, faster than a native process a page)', async () => {
    const native = await findNativeTesseract(['vie', 'eng']);
    expect(native, 'native tesseract with vie and eng (.ci/apt-packages.txt)').toBeDefined();
    const engine = new NativeOcrEngine({ native: native!, dataDir: dir, size: 1 });
    try {
      for (const turn of [90, 180, 270]) await check((img) => engine.detectRotation(img), 'form-khai-sinh.jpg', turn);
    } finally {
      await engine.close();
    }
  });
});
