import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseMrzTd1 } from '../../../src-main/domain/identity/mrz-td1.ts';
import { mrzCheckDigit } from '../../../src-main/domain/identity/mrz-check-digit.ts';
import { Identity } from '../../../src-main/contract/identity.ts';
import { mrzArb } from './generators.ts';
import { buildTd1 } from '../../../src-main/domain/identity/mrz-td1-build.ts';
import { codes, expectCode } from './expect-code.ts';

const VN: [string, string, string] = ['IDVNM0900123450001090012345<<1', '9001011M3001019VNM<<<<<<<<<<<2', 'NGUYEN<<VAN<AN<<<<<<<<<<<<<<<<'];
const SPECIMEN = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];

describe('MRZ check digit (ICAO 9303 Part 3 vectors)', () => {
  it.each([
    ['L898902C<', 3],
    ['690806', 1],
    ['940623', 6],
    ['D23145890734', 9],
    ['340712', 7],
    ['950712', 2],
  ])('%s → %i', (s, d) => expect(mrzCheckDigit(s)).toBe(d));
});

describe('MRZ TD1', () => {
  it('reads the ICAO Part 5 specimen', () => {
    expect(parseMrzTd1(SPECIMEN.join('\n'))).toEqual({
      kind: 'mrz-td1',
      fullName: 'ERIKSSON ANNA MARIA',
      dateOfBirth: '1974-08-12',
      sex: 'F',
      expiryDate: '2012-04-15',
      documentNumber: 'D23145890',
      nationality: 'UTO',
      warnings: [],
    });
  });

  it('reads a long document number that overflows into the optional data (ICAO 9303 Part 11 D.2 example)', () => {
    const lines = ['I<UTOD23145890<7349<<<<<<<<<<<', '3407127M9507122UTO<<<<<<<<<<<2', 'STEVENSON<<PETER<JOHN<<<<<<<<<'] as const;
    expect(parseMrzTd1(lines.join('\n'))).toMatchObject({ documentNumber: 'D23145890734', dateOfBirth: '1934-07-12', expiryDate: '1995-07-12', sex: 'M', fullName: 'STEVENSON PETER JOHN', warnings: [] });
    // A wrong overflow check digit, or a wrong composite, is still refused.
    expectCode(() => parseMrzTd1([lines[0].replace('7349', '7348'), lines[1], lines[2]].join('\n')), 'MRZ_CHECK_DIGIT');
    expectCode(() => parseMrzTd1([lines[0], lines[1].replace(/2$/, '3'), lines[2]].join('\n')), 'MRZ_CHECK_DIGIT');
  });

  it('round-trips long document numbers of 10–14 characters with optional data after them (property)', () => {
    const docArb = fc.stringMatching(/^[A-Z0-9]{10,14}$/);
    fc.assert(
      fc.property(docArb, fc.stringMatching(/^[A-Z0-9]{0,3}$/), (documentNumber, optional1) => {
        fc.pre(documentNumber.length - 9 + 2 + optional1.length <= 15);
        const lines = buildTd1({ documentCode: 'IR', issuingState: 'UTO', documentNumber, optional1, dateOfBirth: '900101', sex: 'F', expiryDate: '300101', nationality: 'UTO', surname: 'DOE', givenNames: 'JANE' });
        expect(lines[0][14]).toBe('<');
        expect(parseMrzTd1(lines.join('\n'), { now: new Date('2026-01-01') })).toMatchObject({ documentNumber, dateOfBirth: '1990-01-01', expiryDate: '2030-01-01' });
      }),
    );
  });

  it('reads the Vietnamese layout: 9-digit document number, 12-digit ID in optional data', () => {
    const id = parseMrzTd1(VN.join('\n'));
    expect(id).toMatchObject({ idNumber: '001090012345', documentNumber: '090012345', dateOfBirth: '1990-01-01', sex: 'M', expiryDate: '2030-01-01', nationality: 'VNM' });
    expect(codes(id)).toEqual(['MRZ_NAME_WITHOUT_DIACRITICS']);
  });

  it('accepts one 90-character line and stray spaces from OCR', () => {
    expect(parseMrzTd1(VN.join('')).idNumber).toBe('001090012345');
    expect(parseMrzTd1(VN.map((l) => l.slice(0, 10) + ' ' + l.slice(10)).join('\r\n')).idNumber).toBe('001090012345');
  });

  it('corrects O/0, I/1, S/5, B/8 in numeric fields when the check digits confirm it, and says so', () => {
    const l2 = '9OO1O11M3OO1O19VNM<<<<<<<<<<<2';
    const l1 = 'IDVNM09OO12345OOO1O9OO12345<<I';
    const id = parseMrzTd1([l1, l2, VN[2]].join('\n'));
    expect(id).toMatchObject({ idNumber: '001090012345', dateOfBirth: '1990-01-01', expiryDate: '2030-01-01' });
    expect(codes(id)).toContain('MRZ_OCR_CORRECTED');
  });

  it('refuses a correction the check digits do not confirm', () => {
    // A real wrong digit, not a look-alike letter: no correction is possible.
    expectCode(() => parseMrzTd1([VN[0], '9001021M3001019VNM<<<<<<<<<<<2', VN[2]].join('\n')), 'MRZ_CHECK_DIGIT');
    // Changing the ID breaks only the composite.
    expectCode(() => parseMrzTd1(['IDVNM0900123450001090012346<<1', VN[1], VN[2]].join('\n')), 'MRZ_CHECK_DIGIT');
  });

  it('refuses malformed input with coded errors', () => {
    expectCode(() => parseMrzTd1('IDVNM09001'), 'MRZ_FORMAT');
    expectCode(() => parseMrzTd1([VN[0], VN[1].replace('M3', 'X3'), VN[2]].join('\n')), 'MRZ_SEX_INVALID');
    expectCode(() => parseMrzTd1(['P<VNM0900123450001090012345<<1', VN[1], VN[2]].join('\n')), 'MRZ_FORMAT');
  });

  it('warns when the Vietnamese conventions do not hold', () => {
    const l1 = 'IDVNM0900123460001090012345<<1'.replace('0900123460', '090012346' + mrzCheckDigit('090012346'));
    // Recompute the composite for the changed document number.
    const comp = mrzCheckDigit(l1.slice(5, 30) + VN[1].slice(0, 7) + VN[1].slice(8, 15) + VN[1].slice(18, 29));
    const id = parseMrzTd1([l1, VN[1].slice(0, 29) + comp, VN[2]].join('\n'));
    expect(codes(id)).toContain('MRZ_DOCUMENT_NUMBER_MISMATCH');
  });

  it('round-trips every generated Vietnamese MRZ', () => {
    fc.assert(
      fc.property(mrzArb, ({ lines, p, expiryIso, mrzName }) => {
        const id = parseMrzTd1(lines.join('\n'));
        expect(Identity.parse(id)).toEqual(id);
        const pad = (n: number) => String(n).padStart(2, '0');
        expect(id).toMatchObject({ idNumber: p.id, documentNumber: p.id.slice(3), sex: p.sex, dateOfBirth: `${p.year}-${pad(p.month)}-${pad(p.day)}`, expiryDate: expiryIso, fullName: mrzName });
        expect(codes(id)).toEqual(['MRZ_NAME_WITHOUT_DIACRITICS']);
      }),
    );
  });

  it('recovers every single-character O/I/S/B confusion in a numeric field', () => {
    const swap: Record<string, string> = { '0': 'O', '1': 'I', '5': 'S', '8': 'B' };
    fc.assert(
      fc.property(mrzArb, fc.nat(), ({ lines, p }, k) => {
        const l2 = lines[1];
        const positions = [...l2.slice(0, 7)].flatMap((c, i) => (swap[c] ? [i] : []));
        fc.pre(positions.length > 0);
        const at = positions[k % positions.length] as number;
        const broken = l2.slice(0, at) + swap[l2[at] as string] + l2.slice(at + 1);
        const id = parseMrzTd1([lines[0], broken, lines[2]].join('\n'));
        expect(id.idNumber).toBe(p.id);
        expect(codes(id)).toContain('MRZ_OCR_CORRECTED');
      }),
    );
  });
});
