import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeEscPos, EscPosDecodeError } from '../../../src-main/devices/printer/simulated/escpos-decoder.ts';
import { forCp1258, tcvn3Runs } from '../../../src-main/domain/escpos/vietnamese-text.ts';
import { isStatusByte, parseStatus } from '../../../src-main/domain/escpos/status.ts';

describe('Vietnamese text for code tables', () => {
  it('CP1258 keeps the vowel shape and moves the tone after it', () => {
    expect(forCp1258('Việt')).toBe('Vi\u00ea\u0323t');
    expect(forCp1258('Đức')).toBe('\u0110\u01b0\u0301c');
    expect(forCp1258('abc')).toBe('abc');
  });
  it('property: CP1258 form renormalises to the same text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aăâeêioôơuưyđAĂÂĐàáảãạằắẳẵặầấẩẫậệỆữỮ '.split('')) }), (s) => {
        expect(forCp1258(s).normalize('NFC')).toBe(s.normalize('NFC'));
      }),
    );
  });
  it('TCVN-3 runs: capitals go to the capitals table, and the runs join back', () => {
    const runs = tcvn3Runs('Số THỨ tự');
    expect(runs.map((r) => r.table)).toContain('tcvn3capitals');
    expect(runs.map((r) => r.text).join('')).toBe('Số THỨ tự');
  });
});

describe('DLE EOT status', () => {
  it('reads offline and paper-end bits', () => {
    expect(parseStatus(0x12, 0x12)).toEqual({ online: true, paperOut: false, paperNearEnd: false });
    expect(parseStatus(0x1a, 0x72).online).toBe(false);
    expect(parseStatus(0x12, 0x72).paperOut).toBe(true);
    expect(isStatusByte(0x12)).toBe(true);
    expect(isStatusByte(0x41)).toBe(false);
  });
});

describe('ESC/POS decoder (simulator)', () => {
  it('decodes a raster image and a cut', () => {
    const bytes = Uint8Array.of(0x1b, 0x40, 0x1d, 0x76, 0x30, 0, 1, 0, 2, 0, 0xff, 0x00, 0x1d, 0x56, 0x01);
    const cmds = decodeEscPos(bytes);
    expect(cmds.map((c) => c.op)).toEqual(['init', 'raster', 'cut']);
  });
  it('property: truncated commands throw ESCPOS_TRUNCATED, never read past the end', () => {
    const whole = Uint8Array.of(0x1d, 0x76, 0x30, 0, 2, 0, 3, 0, 1, 2, 3, 4, 5, 6);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: whole.length - 1 }), (n) => {
        expect(() => decodeEscPos(whole.slice(0, n))).toThrow(EscPosDecodeError);
      }),
    );
  });
  it('property: any byte soup decodes or fails with the coded error', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          decodeEscPos(bytes);
        } catch (e) {
          expect(e).toBeInstanceOf(EscPosDecodeError);
        }
      }),
    );
  });
});
