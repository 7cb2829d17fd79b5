import type { Identity, IdentityWarning } from '../../contract/identity.ts';
import { IdentityErrors } from './errors.ts';
import { warning } from './warnings.ts';
import { asDigits, mrzCheckDigit } from './mrz-check-digit.ts';
import { isRealDate, isoDate } from './dates.ts';
import { crossCheckIdNumber, idNumberParts, isIdNumber } from './id-number.ts';
import { compact } from './compact.ts';

export interface MrzOptions {
  /** Decides the century of a two-digit birth year when the ID number cannot. */
  now?: Date;
}

/** Splits OCR or scanner output into three 30-character lines, tolerating spaces and line ends. */
export function mrzLines(text: string): [string, string, string] | undefined {
  const rows = text.toUpperCase().split(/\r?\n|\r/).map((l) => l.replace(/[\s]/g, '')).filter(Boolean);
  const joined = rows.join('');
  const lines = rows.length === 3 ? rows : joined.length === 90 ? [joined.slice(0, 30), joined.slice(30, 60), joined.slice(60)] : rows;
  if (lines.length !== 3 || lines.some((l) => l.length !== 30 || !/^[A-Z0-9<]+$/.test(l))) return undefined;
  return lines as [string, string, string];
}

export function looksLikeMrz(text: string): boolean {
  const l = mrzLines(text);
  return !!l && /^[IAC]/.test(l[0]);
}

interface Checked {
  value: string;
  corrected: boolean;
}

/**
 * Verifies one field against its check digit. In a numeric field a letter is certainly an OCR
 * error, so the look-alike digit is substituted — and accepted only if the check digit agrees.
 */
function checkField(field: string, value: string, digit: string, numeric: boolean): Checked {
  const v = numeric ? asDigits(value) : value;
  const d = asDigits(digit);
  const corrected = v !== value || d !== digit;
  if (numeric && !/^[0-9<]+$/.test(v)) throw IdentityErrors.raise('MRZ_FORMAT', { field });
  if (!/^\d$/.test(d) || mrzCheckDigit(v) !== Number(d)) throw IdentityErrors.raise('MRZ_CHECK_DIGIT', { field });
  return { value: v, corrected };
}

function yymmdd(s: string, century: number, field: string): string {
  const y = century + Number(s.slice(0, 2));
  const m = Number(s.slice(2, 4));
  const d = Number(s.slice(4, 6));
  if (!/^\d{6}$/.test(s) || !isRealDate(y, m, d)) throw IdentityErrors.raise('MRZ_DATE_INVALID', { field });
  return isoDate(y, m, d);
}

function nameOf(line3: string): string {
  const [surname = '', ...given] = line3.split('<<');
  return [surname, given.join(' ')].map((p) => p.replace(/</g, ' ').trim()).filter(Boolean).join(' ');
}

/**
 * ICAO 9303 Part 5 (4.2.4, note j): a document number longer than 9 characters puts its first 9 in
 * positions 6–14, a filler in 15, the rest in the optional data from 16 followed by the check digit
 * over the whole number, then a filler. Vietnamese cards never do; some foreign residents' cards may.
 */
function longDocumentNumber(l1: string): Checked | undefined {
  if (l1[14] !== '<' || l1[15] === '<') return undefined;
  const overflow = /^[A-Z0-9]+/.exec(l1.slice(15))?.[0] ?? '';
  if (overflow.length < 2) throw IdentityErrors.raise('MRZ_CHECK_DIGIT', { field: 'documentNumber' });
  const value = l1.slice(5, 14) + overflow.slice(0, -1);
  return checkField('documentNumber', value, overflow.slice(-1), false);
}

/**
 * TD1 (3 × 30) from the back of the card. Vietnam puts the last 9 digits of the ID in the document
 * number and the full 12-digit ID at the start of the optional data.
 */
export function parseMrzTd1(text: string, opts: MrzOptions = {}): Identity {
  if (!text.trim()) throw IdentityErrors.raise('ID_EMPTY');
  const lines = mrzLines(text);
  if (!lines || !/^[IAC]/.test(lines[0])) throw IdentityErrors.raise('MRZ_FORMAT');
  const [l1, l2, l3] = lines;
  const state = l1.slice(2, 5);
  const vn = state === 'VNM';

  const long = longDocumentNumber(l1);
  const doc = long ?? checkField('documentNumber', l1.slice(5, 14), l1[14] as string, vn);
  const dob = checkField('dateOfBirth', l2.slice(0, 6), l2[6] as string, true);
  const noExpiry = l2.slice(8, 15) === '<<<<<<<' || l2.slice(8, 15) === '<<<<<<0';
  const exp = noExpiry ? { value: '<<<<<<', corrected: false } : checkField('expiryDate', l2.slice(8, 14), l2[14] as string, true);
  // The Vietnamese ID at the start of optional data has no digit of its own; the composite covers it.
  const rawOpt1 = l1.slice(15, 30);
  const opt1 = vn ? asDigits(rawOpt1.slice(0, 12)) + rawOpt1.slice(12, 14) + asDigits(rawOpt1.slice(14)) : rawOpt1;
  const composite = asDigits(l2[29] as string);
  // A long number's overflow and its check digit sit in the optional data: the composite covers line 1 as printed.
  const line1Part = long ? l1.slice(5, 30) : doc.value + asDigits(l1[14] as string) + opt1;
  const compositeInput = line1Part + dob.value + asDigits(l2[6] as string) + exp.value + (noExpiry ? l2[14] : asDigits(l2[14] as string)) + l2.slice(18, 29);
  if (!/^\d$/.test(composite) || mrzCheckDigit(compositeInput) !== Number(composite)) {
    throw IdentityErrors.raise('MRZ_CHECK_DIGIT', { field: 'composite' });
  }

  const warnings: IdentityWarning[] = [];
  const anyCorrected = doc.corrected || dob.corrected || exp.corrected || opt1 !== rawOpt1 || composite !== l2[29];
  if (anyCorrected) warnings.push(warning('MRZ_OCR_CORRECTED'));

  const sexChar = l2[7];
  if (sexChar !== 'M' && sexChar !== 'F' && sexChar !== '<') throw IdentityErrors.raise('MRZ_SEX_INVALID');
  const sex = sexChar === '<' ? undefined : sexChar;

  const idCandidate = long ? '' : opt1.slice(0, 12);
  const idNumber = vn && isIdNumber(idCandidate) ? idCandidate : undefined;
  let century: number;
  if (idNumber) century = idNumberParts(idNumber).birthYear - Number(idNumber.slice(4, 6));
  else {
    const nowYy = (opts.now ?? new Date()).getFullYear() % 100;
    century = Number(dob.value.slice(0, 2)) > nowYy ? 1900 : 2000;
  }
  const dateOfBirth = yymmdd(dob.value, century, 'dateOfBirth');
  const expiryDate = noExpiry ? undefined : yymmdd(exp.value, Number(exp.value.slice(0, 2)) >= 70 ? 1900 : 2000, 'expiryDate');
  const documentNumber = doc.value.replace(/<+$/, '');

  if (idNumber) {
    warnings.push(...crossCheckIdNumber(idNumber, sex, dateOfBirth));
    if (documentNumber !== idNumber.slice(3)) warnings.push(warning('MRZ_DOCUMENT_NUMBER_MISMATCH'));
    const pos30 = opt1[14] as string;
    if (/^\d$/.test(pos30) && Number(pos30) !== mrzCheckDigit(idNumber)) warnings.push(warning('MRZ_ID_CHECK_MISMATCH'));
  }
  const fullName = nameOf(l3);
  if (vn && fullName) warnings.push(warning('MRZ_NAME_WITHOUT_DIACRITICS'));

  return compact({
    kind: 'mrz-td1' as const,
    idNumber,
    fullName: fullName || undefined,
    dateOfBirth,
    sex,
    expiryDate,
    documentNumber,
    nationality: l2.slice(15, 18).replace(/</g, '') || undefined,
    warnings,
  });
}
