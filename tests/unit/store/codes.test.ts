import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatOfficialCode,
  formatProvisionalCode,
  isAgencyCode,
  isProvisionalCode,
  parseOfficialCode,
  parseProvisionalCode,
  vnDay,
} from '../../../src-main/domain/codes/dossier-code.ts';
import { INSTALLATION_TAG, TAG_ALPHABET, installationTag } from '../../../src-main/domain/codes/installation-tag.ts';

const agency = fc
  .tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom(...'ABCDEFGHY'), fc.integer({ min: 0, max: 99 }))
  .map(([a, b, c, m, x]) => `${String(a).padStart(3, '0')}.${String(b).padStart(2, '0')}.${String(c).padStart(2, '0')}.${m}${String(x).padStart(2, '0')}`);
const day = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map(vnDay);

describe('dossier codes', () => {
  it('parses the real and synthetic examples from the notes', () => {
    expect(parseOfficialCode('000.00.06.H56-231027-0361')).toEqual({ agency: '000.00.06.H56', day: '231027', sequence: 361 });
    expect(parseOfficialCode('000.00.31.H42-240115-0001')?.sequence).toBe(1);
    expect(parseOfficialCode('000.05.12.H99-260302-12345')?.sequence).toBe(12345); // lenient 5-digit suffix
  });

  it('round-trips official and provisional codes, which never look alike', () => {
    fc.assert(
      fc.property(agency, day, fc.integer({ min: 1, max: 9999 }), fc.stringMatching(/^[0-9A-Z]{1,4}$/), (a, d, n, counter) => {
        const official = formatOfficialCode({ agency: a, day: d, sequence: n });
        const provisional = formatProvisionalCode({ agency: a, day: d, counterId: counter, sequence: n });
        expect(parseOfficialCode(official)).toEqual({ agency: a, day: d, sequence: n });
        expect(parseProvisionalCode(provisional)).toEqual({ agency: a, day: d, counterId: counter, sequence: n });
        expect(parseOfficialCode(provisional)).toBeUndefined();
        expect(isProvisionalCode(official)).toBe(false);
      }),
    );
  });

  it('round-trips provisional codes with the installation tag, and still reads codes issued before it', () => {
    const tag = fc.array(fc.constantFrom(...TAG_ALPHABET), { minLength: 4, maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(agency, day, fc.integer({ min: 1, max: 99999 }), fc.stringMatching(/^[0-9A-Z]{1,4}$/), tag, (a, d, n, counter, t) => {
        const code = formatProvisionalCode({ agency: a, day: d, counterId: counter, installationTag: t, sequence: n });
        expect(code).toBe(`${a}-${d}-T${counter}-${t}-${String(n).padStart(4, '0')}`);
        expect(parseProvisionalCode(code)).toEqual({ agency: a, day: d, counterId: counter, installationTag: t, sequence: n });
        expect(parseOfficialCode(code)).toBeUndefined();
      }),
    );
    expect(parseProvisionalCode('000.00.31.H42-240520-T01-0017')).toEqual({ agency: '000.00.31.H42', day: '240520', counterId: '01', sequence: 17 });
    // I, L, O and U are not in the tag alphabet (they read as 1, 1, 0 and V).
    expect(parseProvisionalCode('000.00.31.H42-240520-T01-K7QO-0017')).toBeUndefined();
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 31 }), { minLength: 4, maxLength: 4 }), (picks) => {
        let i = 0;
        expect(installationTag((n) => picks[i++]! % n)).toMatch(INSTALLATION_TAG);
      }),
    );
  });

  it('keeps provisional codes of different counters distinct for every sequence', () => {
    fc.assert(
      fc.property(agency, day, fc.integer({ min: 1, max: 99999 }), fc.integer({ min: 1, max: 99999 }), (a, d, n1, n2) => {
        expect(formatProvisionalCode({ agency: a, day: d, counterId: '01', sequence: n1 })).not.toBe(
          formatProvisionalCode({ agency: a, day: d, counterId: '02', sequence: n2 }),
        );
      }),
    );
  });

  it('rejects malformed codes and agency identifiers', () => {
    for (const bad of ['', 'abc', '000.00.31.H42-241320-0001', '000.00.31.H42-240100-0001', '000.00.31.Z42-240520-0001', '000.00.31.H42-240520-01', '000.00.31.H42_240520_0001']) {
      expect(parseOfficialCode(bad), bad).toBeUndefined();
    }
    expect(isAgencyCode('000.00.31.H42')).toBe(true);
    expect(isAgencyCode('H56.14')).toBe(true);
    expect(isAgencyCode('h56')).toBe(false);
    expect(isAgencyCode('000.00.31.H42'.padEnd(40, '1'))).toBe(false);
    fc.assert(fc.property(fc.string(), (s) => void parseOfficialCode(s)));
  });

  it('uses the Vietnamese calendar day whatever the machine zone', () => {
    expect(vnDay(new Date('2024-05-20T16:59:59Z'))).toBe('240520');
    expect(vnDay(new Date('2024-05-20T17:00:00Z'))).toBe('240521');
  });
});
