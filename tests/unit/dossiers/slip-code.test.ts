import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractDossierCode } from '../../../src-main/features/dossiers/slip-code.ts';
import { dossierQrText } from '../../../src-main/features/print/forms/codes.ts';
import { formatOfficialCode, formatProvisionalCode } from '../../../src-main/domain/codes/dossier-code.ts';
import { returnSteps } from '../../../src-main/features/dossiers/return-result.ts';

const agency = fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom('H42', 'H56', 'G01', 'K12')).map(
  ([a, b, c, p]) => `${String(a).padStart(3, '0')}.${String(b).padStart(2, '0')}.${String(c).padStart(2, '0')}.${p}`,
);
const day = fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map((xs) => xs.map((n) => String(n).padStart(2, '0')).join(''));
const code = fc.oneof(
  fc.tuple(agency, day, fc.integer({ min: 1, max: 9999 })).map(([a, d, s]) => formatOfficialCode({ agency: a, day: d, sequence: s })),
  fc.tuple(agency, day, fc.stringMatching(/^[0-9A-Z]{1,4}$/), fc.integer({ min: 1, max: 9999 })).map(([a, d, c, s]) => formatProvisionalCode({ agency: a, day: d, counterId: c, sequence: s })),
);
const trackingUrl = fc.constantFrom('', 'https://dichvucong.example.gov.vn/tra-cuu/', 'https://x.example/tc?ma={code}&lang=vi', 'https://x.example/hs/{code}/trang-thai', 'https://x.example/#');

describe('extractDossierCode (QR on the slip or typed)', () => {
  it('recovers the code from whatever the slip QR encodes (forms/codes.ts dossierQrText), for every tracking URL style', () => {
    fc.assert(fc.property(code, trackingUrl, (c, url) => {
      expect(extractDossierCode(dossierQrText(c, url))).toBe(c);
    }));
  });

  it('ignores what keyboard-wedge scanners add (CR, LF, TAB) and letter case', () => {
    fc.assert(
      fc.property(code, fc.constantFrom('', '\r', '\n', '\r\n', '\t'), fc.constantFrom('', '\t', ' '), fc.boolean(), (c, suffix, prefix, lower) => {
        expect(extractDossierCode(`${prefix}${lower ? c.toLowerCase() : c}${suffix}`)).toBe(c);
      }),
    );
  });

  it('never throws and never invents a code from arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const r = extractDossierCode(s);
        if (r !== undefined) expect(s.toUpperCase()).toContain(r.split('-')[1]);
      }),
    );
  });

  it('rejects near-misses: bad agency, impossible month, missing sequence, empty', () => {
    for (const bad of ['', '   ', 'xin chào', '000.00.31-240520-0017', '000.00.31.H42-241320-0017', '000.00.31.H42-240520', 'https://x.example/tra-cuu/']) {
      expect(extractDossierCode(bad)).toBeUndefined();
    }
  });

  it('finds the code inside a longer scanned text (a label before it)', () => {
    expect(extractDossierCode('Mã hồ sơ: 000.00.31.H42-240520-T01-0017')).toBe('000.00.31.H42-240520-T01-0017');
    expect(extractDossierCode('Mã hồ sơ: 000.00.31.H42-240520-T01-K7QM-0017 (tạm)')).toBe('000.00.31.H42-240520-T01-K7QM-0017');
  });
});

describe('returnSteps (national statuses on return)', () => {
  it('goes 9 → 10 from accepted/processing/waiting states, 10 from 9, and refuses the rest with codes', () => {
    for (const s of [2, 4, 5, 6]) expect(returnSteps(s)).toEqual([9, 10]);
    expect(returnSteps(9)).toEqual([10]);
    expect(() => returnSteps(10)).toThrow(expect.objectContaining({ code: 'DOSSIER_ALREADY_RETURNED' }));
    for (const s of [1, 3, 7, 8]) expect(() => returnSteps(s)).toThrow(expect.objectContaining({ code: 'DOSSIER_NOT_RETURNABLE' }));
  });
});
