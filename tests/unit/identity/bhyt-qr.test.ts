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
        qrFields: 14,
      },
      warnings: [],
    });
  });

  it('reads every layout in circulation: 9 (older cards), 13, 14, 15 and 16 fields', () => {
    const f = BHYT_SAMPLE.split('|').slice(0, -1);
    const nineFields = parseBhytQr([...f.slice(0, 9), '$'].join('|'));
    expect(nineFields).toMatchObject({ fullName: 'Nguyễn Văn An', address: 'Thôn 1, Xã Ví Dụ, Tỉnh Mẫu', issueDate: '2025-01-01' });
    expect(nineFields.insurance).toEqual({ cardNumber: 'DN4790123456789', validFrom: '2025-01-01', validTo: '2025-12-31', facilityCode: '79001', qrFields: 9 });
    expect(parseBhytQr([...f.slice(0, 13), '$'].join('|')).insurance).toMatchObject({ managerCode: '79012345678901', fiveYearsFrom: '2028-01-01', qrFields: 13 });
    expect(parseBhytQr([...f.slice(0, 13), '$'].join('|')).insurance?.checkString).toBeUndefined();
    // 15 and 16 fields: mã hưởng, then the place of issue, hex-decoded like the name.
    const place = '424858482074e1bb896e68204de1baab75'; // "BHXH tỉnh Mẫu"
    expect(parseBhytQr([...f, '4', '$'].join('|')).insurance).toMatchObject({ benefitLevel: '4', qrFields: 15 });
    const sixteen = parseBhytQr([...f, '4', place, '$'].join('|'));
    expect(sixteen.insurance).toMatchObject({ benefitLevel: '4', placeOfIssue: 'BHXH tỉnh Mẫu', qrFields: 16 });
    expect(sixteen.warnings).toEqual([]);
  });

  it("decodes the parent's name of a child's card (field 10)", () => {
    const f = BHYT_SAMPLE.split('|');
    f[10] = '5472e1baa76e205468e1bb8b2043c3ba63'; // "Trần Thị Cúc"
    expect(parseBhytQr(f.join('|')).insurance?.parentName).toBe('Trần Thị Cúc');
  });

  it('refuses the field counts no card has (10–12), naming the layouts it knows', () => {
    const f = BHYT_SAMPLE.split('|').slice(0, -1);
    for (const n of [8, 10, 11, 12]) expectCode(() => parseBhytQr([...f.slice(0, n), '$'].join('|')), 'BHYT_FIELD_COUNT');
  });

  it('a name, address or place of issue that is not hex is an error asking to rescan or type, never a name', () => {
    const f = BHYT_SAMPLE.split('|');
    const asText = (i: number, v: string) => f.map((x, j) => (j === i ? v : x)).join('|');
    for (const [i, field] of [[1, 'fullName'], [4, 'address'], [10, 'parentName']] as const) {
      let err: unknown;
      try {
        parseBhytQr(asText(i, 'NGUYEN VAN AN'));
      } catch (e) {
        err = e;
      }
      expect(err).toMatchObject({ code: 'BHYT_HEX_INVALID', details: { field } });
      expect((err as { messages: { vi: string } }).messages.vi).toContain('Hãy quét lại hoặc nhập tay');
    }
    expectCode(() => parseBhytQr([...f.slice(0, -1), '4', 'Hà Nội', '$'].join('|')), 'BHYT_HEX_INVALID');
  });

  it('a trailing NUL, CR/LF or ETX from the reader is not part of the code', () => {
    for (const tail of ['\0', '\r\n', '\0\0', '\u0003\r']) expect(parseBhytQr(BHYT_SAMPLE + tail).fullName).toBe('Nguyễn Văn An');
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

  it('keeps fields after the 16-field layout raw', () => {
    const id = parseBhytQr(BHYT_SAMPLE.replace('|$', '|4|4241|x|79001|$'));
    expect(id.insurance).toMatchObject({ benefitLevel: '4', placeOfIssue: 'BA' });
    expect(id.extraFields).toEqual(['x', '79001']);
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
      fc.property(bhytArb, ({ text, p, card, dobIso, facilityCode, toOpen, layout, parent, benefit, placeOfIssue }) => {
        const id = parseBhytQr(text);
        expect(Identity.parse(id)).toEqual(id);
        expect(id).toMatchObject({ fullName: p.name, dateOfBirth: dobIso, sex: p.sex, insurance: { cardNumber: card, facilityCode, qrFields: layout } });
        expect(id.address).toBe(p.address || undefined);
        expect(id.insurance?.validTo).toBe(toOpen ? undefined : '2025-12-31');
        expect(id.insurance?.parentName).toBe(layout >= 13 ? parent : undefined);
        expect(id.insurance?.checkString).toBe(layout >= 14 ? '0123456789abcdef-0a1b' : undefined);
        expect(id.insurance?.benefitLevel).toBe(layout >= 15 ? benefit : undefined);
        expect(id.insurance?.placeOfIssue).toBe(layout >= 16 ? placeOfIssue : undefined);
        expect(codes(id)).toEqual(toOpen ? ['BHYT_NO_EXPIRY'] : []);
      }),
    );
  });
});
