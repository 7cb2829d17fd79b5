import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isIdNumber, normalizeIdNumber } from '../../../src-main/domain/identity/id-number.ts';
import { parseSlashDate } from '../../../src-main/domain/identity/dates.ts';

describe('an ID number as typed or pasted', () => {
  it('keeps all 12 digits of the grouped form printed on the card', () => {
    expect(normalizeIdNumber('0011 8501 2345')).toBe('001185012345');
    expect(normalizeIdNumber(' 001.185.012.345 ')).toBe('001185012345');
    expect(isIdNumber(normalizeIdNumber('0011 8501 2345'))).toBe(true);
  });

  it('drops only separators: any 12 digits split anywhere come back whole, letters stay and are refused', () => {
    const digits = fc.array(fc.constantFrom(...'0123456789'), { minLength: 12, maxLength: 12 }).map((d) => d.join(''));
    const sep = fc.array(fc.constantFrom(' ', '.', '-', '\t', ''), { minLength: 13, maxLength: 13 });
    fc.assert(
      fc.property(digits, sep, (id, seps) => {
        const typed = [...id].map((c, i) => (seps[i] as string) + c).join('') + (seps[12] as string);
        expect(normalizeIdNumber(typed)).toBe(id);
      }),
    );
    fc.assert(
      fc.property(digits, fc.integer({ min: 0, max: 11 }), fc.constantFrom('O', 'l', 'x', '/'), (id, at, bad) => {
        expect(isIdNumber(normalizeIdNumber(id.slice(0, at) + bad + id.slice(at + 1)))).toBe(false);
      }),
    );
  });

  it('an impossible date of birth is not a date', () => {
    expect(parseSlashDate('31/02/1990', true)).toBeUndefined();
    expect(parseSlashDate('29/02/1990', true)).toBeUndefined();
    expect(parseSlashDate('29/02/1992', true)).toBe('1992-02-29');
  });
});
