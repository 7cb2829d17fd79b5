import { mrzCheckDigit } from './mrz-check-digit.ts';

export interface Td1Fields {
  documentCode?: string;
  issuingState?: string;
  documentNumber: string;
  optional1?: string;
  dateOfBirth: string; // YYMMDD
  sex: 'M' | 'F' | '<';
  expiryDate: string; // YYMMDD
  nationality?: string;
  optional2?: string;
  surname: string;
  givenNames: string;
}

const fill = (s: string, n: number) => (s.length >= n ? s.slice(0, n) : s + '<'.repeat(n - s.length));
const mrzName = (s: string) => s.toUpperCase().replace(/[^A-Z]+/g, '<');

/**
 * Writes a TD1 MRZ (three lines of 30) with every check digit: used by the chip simulator's DG1 and
 * by the tests' generators. For Vietnamese cards pass the 12-digit ID as optional1 and its last 9
 * digits as documentNumber; position 30 of line 1 is then the ID's own check digit.
 */
export function buildTd1(f: Td1Fields): [string, string, string] {
  const long = f.documentNumber.length > 9;
  const docNo = long ? f.documentNumber.slice(0, 9) : fill(f.documentNumber, 9);
  const vnId = f.optional1 && /^\d{12}$/.test(f.optional1) ? f.optional1 : undefined;
  // ICAO 9303 Part 5: a longer number overflows into the optional data, its check digit after it.
  const opt1 = long
    ? fill(`${f.documentNumber.slice(9)}${mrzCheckDigit(f.documentNumber)}<${f.optional1 ?? ''}`, 15)
    : vnId
      ? `${vnId}<<${mrzCheckDigit(vnId)}`
      : fill(f.optional1 ?? '', 15);
  const docCheck = long ? '<' : String(mrzCheckDigit(docNo));
  const line1 = fill(`${fill(f.documentCode ?? 'ID', 2)}${fill(f.issuingState ?? 'VNM', 3)}${docNo}${docCheck}${opt1}`, 30);
  const head = `${f.dateOfBirth}${mrzCheckDigit(f.dateOfBirth)}${f.sex}${f.expiryDate}${mrzCheckDigit(f.expiryDate)}${fill(f.nationality ?? 'VNM', 3)}`;
  const opt2 = fill(f.optional2 ?? '', 11);
  const composite = mrzCheckDigit(line1.slice(5, 30) + head.slice(0, 7) + head.slice(8, 15) + opt2);
  const line2 = `${head}${opt2}${composite}`;
  const line3 = fill(`${mrzName(f.surname)}<<${mrzName(f.givenNames)}`, 30);
  return [line1, line2, line3];
}
