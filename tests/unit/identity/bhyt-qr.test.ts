import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseBhytQr } from '../../../src-main/domain/identity/bhyt-qr.ts';
import { Identity } from '../../../src-main/contract/identity.ts';
import { bhytArb } from './generators.ts';
import { codes, expectCode } from './expect-code.ts';

export const BHYT_SAMPLE =
  'DN4790123456789|4e677579e1bb856e2056c4836e20416e|01/01/1990|1|5468c3b46e20312c2058c3a32056c3ad2044e1bba52c2054e1bb896e68204de1baab75|79 - 001|01/01/2025|31/12/2025|01/01/2025|79012345678901|-|4|01/01/2028|0123456789abcdef-0a1b|$';

describe('BHYT QR', () => {
  it('decodes the synthetic example of the notes (hex name and address, facility, opaque check string)', () => {
    expect(parseBhytQr(BHYT_SAMPLE)).toEqual({
      kind: 'bhyt-qr',
      fullName: 'Nguyễn Văn An',
      dateOfBirth: '1990-01-01',
      sex: 'M',
      address: 'Thôn 1, Xã Ví Dụ, Tỉnh Mẫu',
      issueDate: '2025-01-01',
      insurance: {
        cardNumber: 'DN4790123456789',
        validFrom: '2025-01-01',
        validTo: '2025-12-31',
        facilityCode: '79001',
        checkString: '0123456789abcdef-0a1b',
        managerCode: '79012345678901',
        fiveYearsFrom: '2028-01-01',
      },
      warnings: [],
    });
  });

  it('accepts a year-only birth date, an en dash in the facility and the new 10-digit number', () => {
    const f = BHYT_SAMPLE.split('|');
    f[0] = '0123456789';
    f[2] = '1990';
    f[5] = '79 – 001';
    const id = parseBhytQr(f.join('|'));
    expect(id).toMatchObject({ dateOfBirth: '1990', insurance: { cardNumber: '0123456789', facilityCode: '79001' } });
    f[0] = '001090012345';
    expect(parseBhytQr(f.join('|')).idNumber).toBe('001090012345');
  });

  it('maps the living area 5/6/7 to K1/K2/K3 and reads 2 as female', () => {
    const f = BHYT_SAMPLE.split('|');
    f[11] = '6';
    f[3] = '2';
    expect(parseBhytQr(f.join('|'))).toMatchObject({ sex: 'F', insurance: { livingArea: 'K2' } });
  });

  it('accepts an old card with letters in the tail, with a warning', () => {
    const id = parseBhytQr(BHYT_SAMPLE.replace('DN4790123456789', 'DN401AA12345678'));
    expect(codes(id)).toContain('BHYT_CARD_TAIL_NOT_NUMERIC');
  });

  it('keeps extra fields after the check string raw', () => {
    const id = parseBhytQr(BHYT_SAMPLE.replace('|$', '|4|79001|$'));
    expect(id.extraFields).toEqual(['4', '79001']);
    expect(codes(id)).toContain('BHYT_EXTRA_FIELDS');
  });

  it('refuses malformed codes with their own codes', () => {
    expectCode(() => parseBhytQr(BHYT_SAMPLE.slice(0, -2)), 'BHYT_NO_TERMINATOR');
    expectCode(() => parseBhytQr('DN4790123456789|4e67|01/01/1990|1|$'), 'BHYT_FIELD_COUNT');
    expectCode(() => parseBhytQr(BHYT_SAMPLE.replace('DN4790123456789', 'DN9790123456789')), 'BHYT_CARD_NUMBER');
    expectCode(() => parseBhytQr(BHYT_SAMPLE.replace('4e677579e1bb856e2056c4836e20416e', '4e677')), 'BHYT_HEX_INVALID');
    expectCode(() => parseBhytQr(BHYT_SAMPLE.replace('01/01/1990', '31/02/1990')), 'BHYT_DATE_INVALID');
    expectCode(() => parseBhytQr(BHYT_SAMPLE.replace('01/01/1990|1|', '01/01/1990|3|')), 'BHYT_SEX_INVALID');
  });

  it('flags hex that is not valid UTF-8 (damaged name) instead of accepting it silently', () => {
    const id = parseBhytQr(BHYT_SAMPLE.replace('4e677579e1bb856e', '4e677579e1bb006e'));
    expect(codes(id)).toContain('NAME_ENCODING_DAMAGED');
  });

  it('round-trips every generated card', () => {
    fc.assert(
      fc.property(bhytArb, ({ text, p, card, dobIso, facilityCode, toOpen }) => {
        const id = parseBhytQr(text);
        expect(Identity.parse(id)).toEqual(id);
        expect(id).toMatchObject({ fullName: p.name, dateOfBirth: dobIso, sex: p.sex, insurance: { cardNumber: card, facilityCode } });
        expect(id.address).toBe(p.address || undefined);
        expect(id.insurance?.validTo).toBe(toOpen ? undefined : '2025-12-31');
        expect(codes(id)).toEqual(toOpen ? ['BHYT_NO_EXPIRY'] : []);
      }),
    );
  });
});
