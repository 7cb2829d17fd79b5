import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTesseractTsv } from '../../../src-main/documents/ocr-tsv.ts';
import { parseEnginePreference, parseListLangs, parseTesseractVersion } from '../../../src-main/documents/ocr-select.ts';
import { CounterError } from '../../../src-main/contract/errors.ts';

const HEADER = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
const word = fc.stringMatching(/^[A-Za-zÀ-ỹđĐ0-9.,:/()-]{1,12}$/).map((s) => s.normalize('NFC'));
/** Paragraphs of lines of words, as Tesseract lays them out. */
const page = fc.array(fc.array(fc.array(fc.record({ text: word, conf: fc.integer({ min: 0, max: 100 }), x: fc.nat(3000), y: fc.nat(4000), w: fc.integer({ min: 1, max: 400 }), h: fc.integer({ min: 1, max: 100 }) }), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }), { maxLength: 4 });

function toTsv(pars: Array<Array<Array<{ text: string; conf: number; x: number; y: number; w: number; h: number }>>>): string {
  const rows = [HEADER, '1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t'];
  pars.forEach((lines, p) => {
    rows.push(`2\t1\t${p + 1}\t0\t0\t0\t0\t0\t10\t10\t-1\t`, `3\t1\t${p + 1}\t1\t0\t0\t0\t0\t10\t10\t-1\t`);
    lines.forEach((ws, l) => {
      rows.push(`4\t1\t${p + 1}\t1\t${l + 1}\t0\t0\t0\t10\t10\t-1\t`);
      ws.forEach((w, i) => rows.push(`5\t1\t${p + 1}\t1\t${l + 1}\t${i + 1}\t${w.x}\t${w.y}\t${w.w}\t${w.h}\t${w.conf}\t${w.text}`));
    });
  });
  return `${rows.join('\n')}\n`;
}

describe('parseTesseractTsv', () => {
  it('gives back every word with its box, lines in order and a blank line between paragraphs', () => {
    fc.assert(
      fc.property(page, (pars) => {
        const r = parseTesseractTsv(toTsv(pars));
        const flat = pars.flat(2);
        expect(r.words.map((w) => w.text)).toEqual(flat.map((w) => w.text));
        expect(r.words.map((w) => w.bbox)).toEqual(flat.map((w) => ({ x0: w.x, y0: w.y, x1: w.x + w.w, y1: w.y + w.h })));
        const text = pars.map((lines) => lines.map((ws) => ws.map((w) => w.text).join(' ')).join('\n')).join('\n\n');
        expect(r.text).toBe(text ? `${text}\n` : '');
        const mean = flat.length ? flat.reduce((a, w) => a + w.conf, 0) / flat.length : 0;
        expect(r.confidence).toBeCloseTo(mean, 0);
      }),
    );
  });

  it('reads the rows alone, as tesseract.js gives them, to the same result', () => {
    fc.assert(
      fc.property(page, (pars) => {
        const tsv = toTsv(pars);
        expect(parseTesseractTsv(tsv.slice(tsv.indexOf('\n') + 1), { header: false })).toEqual(parseTesseractTsv(tsv));
      }),
    );
  });

  it('refuses anything that is not Tesseract TSV with a coded error, never another exception', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => `${HEADER}\n${s}`)), (s) => {
        try {
          parseTesseractTsv(s);
        } catch (e) {
          expect(e).toBeInstanceOf(CounterError);
          expect((e as CounterError).code).toBe('DOC_OCR_FAILED');
        }
      }),
    );
    expect(() => parseTesseractTsv('Error opening data file')).toThrow(CounterError);
    expect(() => parseTesseractTsv(`${HEADER}\n5\t1\t1\t1\t1\t1\t0\t0\t1\t1\tNaNx\tchữ`)).toThrow(/OCR/);
  });
});

describe('native tesseract probes', () => {
  it('reads the version of Debian and UB-Mannheim builds and refuses other output', () => {
    expect(parseTesseractVersion('tesseract 5.3.0\n leptonica-1.82.0\n')).toBe('5.3.0');
    expect(parseTesseractVersion('tesseract v5.5.0.20241111\n leptonica-1.85.0')).toBe('5.5.0');
    fc.assert(fc.property(fc.string(), (s) => {
      const v = parseTesseractVersion(s);
      if (v !== undefined) expect(v).toMatch(/^\d+\.\d+(\.\d+)?$/);
    }));
    expect(parseTesseractVersion('bash: tesseract: command not found')).toBeUndefined();
  });

  it('lists the languages after the heading line only', () => {
    expect(parseListLangs('List of available languages in "/usr/share/tesseract-ocr/5/tessdata/" (3):\neng\nosd\nvie\n')).toEqual(['eng', 'osd', 'vie']);
    expect(parseListLangs('List of available languages in "C:\\x" (2):\r\neng\r\nvie\r\n')).toEqual(['eng', 'vie']);
    fc.assert(fc.property(fc.string(), (s) => parseListLangs(s).every((l) => /^[A-Za-z0-9_-]+$/.test(l))));
  });

  it('takes auto/native/wasm as the engine choice and refuses anything else with a coded error', () => {
    expect(parseEnginePreference(undefined)).toBe('auto');
    expect(parseEnginePreference(' Native ')).toBe('tesseract-native');
    expect(parseEnginePreference('wasm')).toBe('tesseract-wasm');
    fc.assert(fc.property(fc.string(), (s) => {
      try {
        expect(['auto', 'tesseract-native', 'tesseract-wasm']).toContain(parseEnginePreference(s));
      } catch (e) {
        expect((e as CounterError).code).toBe('DOC_OCR_ENGINE_UNKNOWN');
      }
    }));
  });
});
