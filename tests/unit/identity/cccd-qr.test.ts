import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCccdQr } from '../../../src-main/domain/identity/cccd-qr.ts';
import { Identity } from '../../../src-main/contract/identity.ts';
import { cccdArb } from './generators.ts';
import { expectCode, codes } from './expect-code.ts';

const VALID = '001090012345|123456789|NGUYỄN VĂN AN|01011990|Nam|Thôn 1, Xã Ví Dụ, Tỉnh Mẫu|01072021';

describe('CCCD QR', () => {
  it('reads the synthetic example of the notes', () => {
    expect(parseCccdQr(VALID)).toEqual({
      kind: 'cccd-qr',
      idNumber: '001090012345',
      oldIdNumber: '123456789',
      fullName: 'NGUYỄN VĂN AN',
      dateOfBirth: '1990-01-01',
      sex: 'M',
      address: 'Thôn 1, Xã Ví Dụ, Tỉnh Mẫu',
      issueDate: '2021-07-01',
      warnings: [],
    });
  });

  it('omits the old ID when the field is empty (||)', () => {
    const id = parseCccdQr(VALID.replace('|123456789|', '||'));
    expect(id).not.toHaveProperty('oldIdNumber');
    expect(id.idNumber).toBe('001090012345');
  });

  it('keeps year-only and month-year birth dates', () => {
    expect(parseCccdQr(VALID.replace('01011990', '1990')).dateOfBirth).toBe('1990');
    expect(parseCccdQr(VALID.replace('01011990', '031990')).dateOfBirth).toBe('1990-03');
  });

  it('refuses 6 fields and accepts 8 with the extra kept raw and a warning', () => {
    expectCode(() => parseCccdQr(VALID.split('|').slice(0, 6).join('|')), 'CCCD_FIELD_COUNT');
    const eight = parseCccdQr(`${VALID}|CHA:NGUYỄN VĂN BÌNH`);
    expect(eight.extraFields).toEqual(['CHA:NGUYỄN VĂN BÌNH']);
    expect(codes(eight)).toContain('CCCD_EXTRA_FIELDS');
  });

  it('refuses dates that do not exist instead of rolling them over', () => {
    expectCode(() => parseCccdQr(VALID.replace('01011990', '31022000')), 'CCCD_DATE_INVALID');
    expectCode(() => parseCccdQr(VALID.replace('01072021', '3107202')), 'CCCD_DATE_INVALID');
  });

  it('refuses bad ID numbers, old IDs and sexes with their own codes', () => {
    expectCode(() => parseCccdQr(VALID.replace('001090012345', '00109001234')), 'CCCD_ID_FORMAT');
    expectCode(() => parseCccdQr(VALID.replace('001090012345', '001490012345')), 'CCCD_ID_CENTURY');
    expectCode(() => parseCccdQr(VALID.replace('123456789', '1234567')), 'CCCD_OLD_ID_FORMAT');
    expectCode(() => parseCccdQr(VALID.replace('|Nam|', '|Khác|')), 'CCCD_SEX_INVALID');
    expectCode(() => parseCccdQr(VALID.replace('NGUYỄN VĂN AN', ' ')), 'CCCD_NAME_EMPTY');
    expectCode(() => parseCccdQr('   '), 'ID_EMPTY');
  });

  it('checks the 12-digit structure against sex and birth year', () => {
    expect(codes(parseCccdQr(VALID.replace('|Nam|', '|Nữ|')))).toContain('ID_SEX_MISMATCH');
    expect(codes(parseCccdQr(VALID.replace('01011990', '01011991')))).toContain('ID_BIRTH_YEAR_MISMATCH');
    // G = 3: a woman born in the 2000s.
    const w = parseCccdQr('079305001234||TRẦN THỊ CÚC|15082005|Nữ||01072021');
    expect(w.warnings).toEqual([]);
    expect(codes(parseCccdQr(VALID.replace('001090012345', '099090012345')))).toContain('ID_PROVINCE_UNKNOWN');
  });

  it('flags keyboard-wedge damage in the name and derives a damaged sex from the ID', () => {
    const id = parseCccdQr('001090012345||Nguy�n V?n An|01011990|N?|Th?n 1|01072021');
    expect(id.sex).toBe('M');
    expect(codes(id)).toEqual(expect.arrayContaining(['NAME_ENCODING_DAMAGED', 'ADDRESS_ENCODING_DAMAGED', 'SEX_FROM_ID_NUMBER']));
    expect(codes(parseCccdQr(VALID.replace('NGUYỄN', 'NGUYá»„N')))).toContain('NAME_ENCODING_DAMAGED');
  });

  it('normalises decomposed Unicode (NFD from some scanners) to NFC', () => {
    expect(parseCccdQr(VALID.normalize('NFD')).fullName).toBe('NGUYỄN VĂN AN'.normalize('NFC'));
  });

  it('round-trips every valid generated QR', () => {
    fc.assert(
      fc.property(cccdArb, ({ text, p, oldId, dobIso, issueIso }) => {
        const id = parseCccdQr(text);
        expect(Identity.parse(id)).toEqual(id);
        expect(id).toMatchObject({ idNumber: p.id, fullName: p.name, dateOfBirth: dobIso, sex: p.sex, issueDate: issueIso });
        expect(id.oldIdNumber).toBe(oldId || undefined);
        expect(id.address).toBe(p.address || undefined);
        expect(id.warnings).toEqual([]);
      }),
    );
  });
});
