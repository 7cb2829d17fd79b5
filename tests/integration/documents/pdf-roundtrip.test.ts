import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OcrPool } from '../../../src-main/documents/ocr-pool.ts';
import { analysePage, processPage } from '../../../src-main/documents/imaging.ts';
import { buildSearchablePdf } from '../../../src-main/documents/pdf-build.ts';
import { importBytes } from '../../../src-main/devices/scanner/file-import.ts';
import { CounterError } from '../../../src-main/contract/errors.ts';
import { fixture, pdftotext, tmp } from '../scan/helpers.ts';
import { cer } from '../../bench/cer.ts';
import { pdfaFacts } from './pdfa-facts.ts';

const dir = tmp('ocr-it-');
const pool = new OcrPool({ dataDir: dir, size: 1 });
afterAll(() => pool.close());

describe('OCR → searchable PDF → pdftotext / pdfjs import', () => {
  it('keeps Vietnamese through a pdftotext round trip and re-imports the text layer without OCR', async () => {
    const raw = fixture('form-khai-sinh.jpg');
    const page = await processPage(raw, await analysePage(raw), { dpi: 300 });
    const ocr = await pool.recognize({ image: page.image });
    expect(ocr.confidence).toBeGreaterThan(80);
    const { bytes, pdfa } = await buildSearchablePdf([{ ...page, words: ocr.words }], { title: 'Tờ khai' });
    expect(pdfa).toBe(true);
    const file = join(dir, 'form.pdf');
    writeFileSync(file, bytes);
    expect(pdfaFacts(file)).toEqual({ part: '2', conformance: 'B', outputIntent: true });
    const text = pdftotext(file);
    for (const phrase of ['TỜ KHAI ĐĂNG KÝ KHAI SINH', 'Nguyễn Thị Hương', '001190012345', 'Trần Minh Khôi', 'Quốc tịch: Việt Nam']) expect(text).toContain(phrase);
    const truth = fixture('form-khai-sinh.txt').toString('utf8');
    expect(cer(truth, text)).toBeLessThan(0.03);
    const imported = await importBytes(Buffer.from(bytes), 'form.pdf');
    expect(imported).toHaveLength(1);
    expect(imported[0]!.textLayer?.text).toContain('Nguyễn Thị Hương');
  }, 120_000);

  it('gives coded errors for a corrupt PDF and an unknown file', async () => {
    const bad = Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj <<'), Buffer.alloc(64, 0x41)]);
    const e1 = await importBytes(bad, 'bad.pdf').catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(CounterError);
    expect((e1 as CounterError).code).toBe('DOC_PDF_CORRUPT');
    await expect(importBytes(Buffer.from('hello'), 'x.txt')).rejects.toMatchObject({ code: 'DOC_UNSUPPORTED_TYPE' });
    await expect(importBytes(Buffer.from([0xff, 0xd8, 0xff, 0x00, 1, 2]), 'x.jpg')).rejects.toMatchObject({ code: 'DOC_IMAGE_CORRUPT' });
  });
});
