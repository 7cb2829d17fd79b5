import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FrameAssembler, decodeFrame } from '../../../src-main/devices/qr/frame-assembler.ts';
import { trimControls } from '../../../src-main/domain/identity/text.ts';
import { HidPosAssembler, parseHidPosReport } from '../../../src-main/devices/qr/hid-pos-report.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('serial frame assembly', () => {
  it('reassembles codes however the bytes are chunked (property)', () => {
    // The reader boundary drops control bytes at a code's ends, so generated codes have none there.
    const code = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }).filter((s) => !/[\r\n]/.test(s) && trimControls(s) === s);
    fc.assert(
      fc.property(fc.array(code, { minLength: 1, maxLength: 5 }), fc.array(fc.integer({ min: 1, max: 17 }), { minLength: 1 }), (codes, cuts) => {
        const bytes = enc(codes.map((c) => `${c}\r`).join(''));
        const a = new FrameAssembler('CR', 100);
        const out: string[] = [];
        let at = 0;
        for (let i = 0; at < bytes.length; i++) {
          const n = cuts[i % cuts.length] as number;
          for (const f of a.push(bytes.subarray(at, at + n), i)) if (f.ok) out.push(decodeFrame(f.bytes));
          at += n;
        }
        expect(out).toEqual(codes);
      }),
    );
  });

  it('reports a code cut off before its suffix as broken, and ends suffix-less codes on the pause', () => {
    const withSuffix = new FrameAssembler('CRLF', 50);
    expect(withSuffix.push(enc('0010900'), 0)).toEqual([]);
    expect(withSuffix.expire(60)).toEqual([{ ok: false, bytes: 7, reason: 'timeout' }]);
    const none = new FrameAssembler('none', 50);
    none.push(enc('0010900'), 0);
    expect(none.expire(10)).toEqual([]);
    const [f] = none.expire(60);
    expect(f?.ok && decodeFrame(f.bytes)).toBe('0010900');
  });

  it('drops runaway input instead of growing without bound', () => {
    const a = new FrameAssembler('CR', 50, 16);
    expect(a.push(enc('x'.repeat(20)), 0)).toEqual([{ ok: false, bytes: 17, reason: 'overflow' }]);
  });

  it('drops the control bytes a reader puts around the code (NUL, STX/ETX), keeping the code itself', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(decodeFrame(enc('DN4790123456789|$\0'))).toBe('DN4790123456789|$');
    expect(decodeFrame(enc('\u0002001090012345|NGUYỄN\u0003\0\0'))).toBe('001090012345|NGUYỄN');
    expect(decodeFrame(enc('a\0b'))).toBe('a\0b');
  });

  it('turns invalid UTF-8 into U+FFFD for the parsers to flag', () => {
    expect(decodeFrame(Uint8Array.from([0x4e, 0xe1, 0xbb, 0x28]))).toContain('\uFFFD');
  });
});

describe('HID-POS reports (synthetic; no hidraw device here)', () => {
  const report = (data: string, more: boolean) => {
    const r = new Uint8Array(64);
    const b = enc(data);
    r[0] = 0x02;
    r[1] = b.length;
    r.set(enc(']Q1'), 2);
    r.set(b, 5);
    r[63] = more ? 1 : 0;
    return r;
  };

  it('reads the symbology and data of one report', () => {
    expect(parseHidPosReport(report('001090012345', false))).toMatchObject({ symbology: ']Q1', more: false });
    expect(decodeFrame(parseHidPosReport(report('001090012345', false))?.data as Uint8Array)).toBe('001090012345');
    expect(parseHidPosReport(Uint8Array.from([0x01, 2, 3]))).toBeUndefined();
  });

  it('joins a code that spans several reports', () => {
    const a = new HidPosAssembler();
    expect(a.push(report('001090012345|', true))).toBeUndefined();
    expect(decodeFrame(a.push(report('NGUYEN VAN AN', false)) as Uint8Array)).toBe('001090012345|NGUYEN VAN AN');
  });
});
