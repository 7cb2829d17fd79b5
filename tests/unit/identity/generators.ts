import fc from 'fast-check';
import { buildTd1 } from '../../../src-main/domain/identity/mrz-td1-build.ts';
import { textToHex } from '../../../src-main/domain/identity/hex-text.ts';
import { mrzCheckDigit } from '../../../src-main/domain/identity/mrz-check-digit.ts';

/** Synthetic people: every value is invented and only needs to be well-formed. */
const SURNAMES = ['NGUYỄN', 'TRẦN', 'LÊ', 'PHẠM', 'HOÀNG', 'HUỲNH', 'VŨ', 'ĐẶNG', 'BÙI', 'ĐỖ'];
const MIDDLE = ['VĂN', 'THỊ', 'HỮU', 'ĐỨC', 'NGỌC', 'MINH'];
const GIVEN = ['AN', 'BÌNH', 'CÚC', 'DŨNG', 'HƯƠNG', 'KHÁNH', 'LAN', 'QUỐC', 'THẢO', 'YẾN'];
const PLACES = ['Thôn 1, Xã Ví Dụ, Tỉnh Mẫu', 'Số 5 ngõ 12, Phường Mẫu, Thành phố Thử', 'Ấp Đông, Xã Tân Lập, Tỉnh Mẫu', ''];

const pad = (n: number, w: number) => String(n).padStart(w, '0');

export interface Person {
  id: string;
  sex: 'M' | 'F';
  year: number;
  month: number;
  day: number;
  name: string;
  address: string;
}

export const personArb: fc.Arbitrary<Person> = fc
  .record({
    province: fc.integer({ min: 1, max: 96 }),
    g: fc.integer({ min: 0, max: 3 }),
    yy: fc.integer({ min: 0, max: 99 }),
    serial: fc.integer({ min: 0, max: 999999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    name: fc.tuple(fc.constantFrom(...SURNAMES), fc.constantFrom(...MIDDLE), fc.constantFrom(...GIVEN)).map((p) => p.join(' ')),
    address: fc.constantFrom(...PLACES),
  })
  .filter((r) => 1900 + 100 * Math.floor(r.g / 2) + r.yy <= 2025)
  .map((r) => ({
    id: `${pad(r.province, 3)}${r.g}${pad(r.yy, 2)}${pad(r.serial, 6)}`,
    sex: r.g % 2 === 0 ? ('M' as const) : ('F' as const),
    year: 1900 + 100 * Math.floor(r.g / 2) + r.yy,
    month: r.month,
    day: r.day,
    name: r.name,
    address: r.address,
  }));

export type DobPrecision = 'day' | 'month' | 'year';

export const cccdArb = fc
  .record({
    p: personArb,
    precision: fc.constantFrom<DobPrecision>('day', 'month', 'year'),
    oldId: fc.oneof(fc.constant(''), fc.stringMatching(/^\d{9}$/), fc.stringMatching(/^\d{12}$/)),
    issueYear: fc.integer({ min: 2016, max: 2025 }),
  })
  .map(({ p, precision, oldId, issueYear }) => {
    const dobText = precision === 'day' ? `${pad(p.day, 2)}${pad(p.month, 2)}${p.year}` : precision === 'month' ? `${pad(p.month, 2)}${p.year}` : `${p.year}`;
    const dobIso = precision === 'day' ? `${p.year}-${pad(p.month, 2)}-${pad(p.day, 2)}` : precision === 'month' ? `${p.year}-${pad(p.month, 2)}` : `${p.year}`;
    const text = [p.id, oldId, p.name, dobText, p.sex === 'M' ? 'Nam' : 'Nữ', p.address, `0107${issueYear}`].join('|');
    return { text, p, oldId, dobIso, issueIso: `${issueYear}-07-01` };
  });

/** Every BHYT layout in circulation: 9, 13, 14, 15 or 16 fields before the `$`. */
export const bhytArb = fc
  .record({
    p: personArb,
    card: fc.oneof(
      fc.tuple(fc.constantFrom('DN', 'HS', 'GD', 'HT', 'TE'), fc.integer({ min: 1, max: 5 }), fc.stringMatching(/^\d{12}$/)).map(([a, b, c]) => `${a}${b}${c}`),
      fc.stringMatching(/^\d{10}$/),
    ),
    yearOnly: fc.boolean(),
    dash: fc.constantFrom(' - ', ' – ', '-', ''),
    province: fc.integer({ min: 1, max: 96 }),
    facility: fc.integer({ min: 1, max: 999 }),
    toOpen: fc.boolean(),
    layout: fc.constantFrom(9, 13, 14, 15, 16),
    parent: fc.option(personArb.map((q) => q.name), { nil: undefined }),
    benefit: fc.integer({ min: 1, max: 5 }),
    placeOfIssue: personArb.map((q) => q.address).filter((a) => a !== ''),
    trailer: fc.constantFrom('', '\r\n', '\0', '\0\r\n', '\u0003'),
  })
  .map(({ p, card, yearOnly, dash, province, facility, toOpen, layout, parent, benefit, placeOfIssue, trailer }) => {
    const dob = yearOnly ? `${p.year}` : `${pad(p.day, 2)}/${pad(p.month, 2)}/${p.year}`;
    const fields = [
      card,
      textToHex(p.name),
      dob,
      p.sex === 'M' ? '1' : '2',
      textToHex(p.address),
      `${pad(province, 2)}${dash}${pad(facility, 3)}`,
      '01/01/2025',
      toOpen ? '' : '31/12/2025',
      '01/01/2025',
      '79012345678901',
      parent === undefined ? '-' : textToHex(parent),
      '4',
      '01/01/2028',
      '0123456789abcdef-0a1b',
      String(benefit),
      textToHex(placeOfIssue),
    ].slice(0, layout);
    const text = [...fields, '$'].join('|') + trailer;
    return {
      text, p, card, layout, parent, benefit: String(benefit), placeOfIssue,
      dobIso: yearOnly ? `${p.year}` : `${p.year}-${pad(p.month, 2)}-${pad(p.day, 2)}`,
      facilityCode: `${pad(province, 2)}${pad(facility, 3)}`, toOpen,
    };
  });

export const toMrzName = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Z ]/g, '');

export const mrzArb = personArb
  .filter((p) => p.year >= 1930)
  .chain((p) => fc.record({ p: fc.constant(p), expYy: fc.integer({ min: 26, max: 60 }) }))
  .map(({ p, expYy }) => {
    const [surname = '', ...given] = toMrzName(p.name).split(' ');
    const lines = buildTd1({
      documentNumber: p.id.slice(3),
      optional1: p.id,
      dateOfBirth: `${pad(p.year % 100, 2)}${pad(p.month, 2)}${pad(p.day, 2)}`,
      sex: p.sex,
      expiryDate: `${pad(expYy, 2)}0101`,
      surname,
      givenNames: given.join(' '),
    });
    return { lines, p, expiryIso: `20${pad(expYy, 2)}-01-01`, mrzName: toMrzName(p.name) };
  });

export { mrzCheckDigit };
