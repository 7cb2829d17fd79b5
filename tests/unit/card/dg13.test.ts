import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromHex } from '../../../src-main/domain/icao/der.ts';
import { parseDg13, vnDateToIso } from '../../../src-main/domain/icao/dg13.ts';
import { chipIdentity } from '../../../src-main/domain/icao/chip-identity.ts';
import { parseDg1 } from '../../../src-main/domain/icao/dg1.ts';
import { AN, buildDg1, buildDg13, NOTES_DG13_HEX } from '../../../src-main/devices/idcard/simulated/card-data.ts';

describe('DG13 (Vietnamese fields)', () => {
  it('parses the synthetic fixture of the notes, keyed by field number', () => {
    const bytes = fromHex(NOTES_DG13_HEX);
    expect(bytes.length).toBe(384);
    const f = parseDg13(bytes);
    expect(f).toMatchObject({
      idNumber: '001090012345',
      fullName: 'Nguyễn Văn An',
      dateOfBirth: '01/01/1990',
      sex: 'Nam',
      nationality: 'Việt Nam',
      ethnicity: 'Kinh',
      religion: 'Không',
      placeOfResidence: 'Thôn 1, Xã Ví Dụ, Tỉnh Mẫu',
      issueDate: '01/07/2021',
      expiryDate: '01/01/2030',
      fatherName: 'Nguyễn Văn Bình',
      motherName: 'Trần Thị Cúc',
      oldIdNumber: '123456789',
      field16: '0123456789ABCDEF',
    });
    expect(f.spouseName).toBeUndefined();
  });

  it('reads parents wrapped separately or in one SEQUENCE, and a spouse when present', () => {
    const single = parseDg13(buildDg13({ ...AN, parentsNesting: 'single', spouse: 'Lê Thị Dung' }));
    const separate = parseDg13(buildDg13({ ...AN, parentsNesting: 'separate' }));
    for (const f of [single, separate]) expect([f.fatherName, f.motherName]).toEqual(['Nguyễn Văn Bình', 'Trần Thị Cúc']);
    expect(single.spouseName).toBe('Lê Thị Dung');
  });

  it('tolerates missing fields (no old ID) and keeps unknown field numbers', () => {
    const f = parseDg13(buildDg13({ ...AN, oldIdNumber: undefined }));
    expect(f.oldIdNumber).toBeUndefined();
    expect(f.fullName).toBe('Nguyễn Văn An');
  });

  it('rejects a file that is not DG13 with a code', () => {
    expect(() => parseDg13(fromHex('6103020101'))).toThrow(/DG_MALFORMED/);
    expect(() => parseDg13(fromHex('6D03020101'))).toThrow(/DG_MALFORMED/);
    expect(() => parseDg13(fromHex('6D05300302'))).toThrow(/DER_MALFORMED/);
  });

  it('never throws anything but a coded error on random bytes after the tag', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (body) => {
        const bytes = Uint8Array.of(0x6d, ...(body.length < 128 ? [body.length] : [0x81, body.length]), ...body);
        try {
          parseDg13(bytes);
        } catch (err) {
          expect((err as { code?: string }).code).toMatch(/^(DER|DG)_MALFORMED$/);
        }
      }),
    );
  });

  it('converts dd/MM/yyyy dates and rejects impossible ones', () => {
    expect(vnDateToIso('01/07/2021')).toBe('2021-07-01');
    expect(vnDateToIso('31/02/2000')).toBeUndefined();
    expect(vnDateToIso('Không thời hạn')).toBeUndefined();
  });
});

describe('chip identity', () => {
  it('prefers the UTF-8 DG13 name and warns when MRZ and DG13 disagree', () => {
    const dg1 = parseDg1(buildDg1(AN));
    expect(dg1.checkDigitsOk).toBe(true);
    const ok = chipIdentity(dg1, parseDg13(buildDg13(AN)));
    expect(ok.fullName).toBe('Nguyễn Văn An');
    expect(ok.warnings).toEqual([]);
    const other = chipIdentity(dg1, parseDg13(buildDg13({ ...AN, fullName: 'Trần Văn Bảo' })));
    expect(other.warnings.map((w) => w.code)).toContain('CHIP_NAME_MISMATCH');
  });

  it('falls back to the MRZ when there is no DG13, and says so', () => {
    const id = chipIdentity(parseDg1(buildDg1(AN)), undefined, new Date('2025-01-01'));
    expect(id).toMatchObject({ idNumber: '001090012345', dateOfBirth: '1990-01-01', expiryDate: '2030-01-01', sex: 'M', documentNumber: '090012345' });
    expect(id.warnings.map((w) => w.code)).toContain('CHIP_NO_DG13');
  });

  it('keeps an expiry text such as "Không thời hạn" as a warning', () => {
    const id = chipIdentity(undefined, parseDg13(buildDg13({ ...AN, expiryDate: 'Không thời hạn' })));
    expect(id.expiryDate).toBeUndefined();
    expect(id.warnings.map((w) => w.code)).toContain('CHIP_EXPIRY_TEXT');
  });
});
