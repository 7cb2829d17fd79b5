import { IdentityErrors } from './errors.ts';
import { warning } from './warnings.ts';
import type { IdentityWarning } from '../../contract/identity.ts';
import { yearOf } from './dates.ts';

/**
 * The 12-digit personal ID (số định danh cá nhân): PPP G YY SSSSSS. No check digit; the province,
 * the century-and-sex digit G and the birth year YY can still be checked against the card's data.
 */
export interface IdNumberParts {
  province: number;
  sex: 'M' | 'F';
  birthYear: number;
}

/**
 * An ID number as a person types or pastes it: the card prints it in groups ("0011 8501 2345") and
 * some documents use dots or dashes. Only those separators are dropped; anything else stays, so a
 * stray letter is reported rather than silently removed.
 */
export function normalizeIdNumber(typed: string): string {
  return typed.replace(/[\s.\-]/g, '');
}

export function isIdNumber(s: string): boolean {
  return /^\d{12}$/.test(s);
}

export function idNumberParts(id: string): IdNumberParts {
  if (!isIdNumber(id)) throw IdentityErrors.raise('CCCD_ID_FORMAT');
  const g = Number(id[3]);
  // Digits 4–9 stand for the 22nd–24th centuries; nobody alive has one.
  if (g > 3) throw IdentityErrors.raise('CCCD_ID_CENTURY');
  return {
    province: Number(id.slice(0, 3)),
    sex: g % 2 === 0 ? 'M' : 'F',
    birthYear: 1900 + 100 * Math.floor(g / 2) + Number(id.slice(4, 6)),
  };
}

/** Cross-checks the number with the sex and birth date the card states; disagreements become warnings. */
export function crossCheckIdNumber(id: string, sex: 'M' | 'F' | undefined, dateOfBirth: string | undefined): IdentityWarning[] {
  const parts = idNumberParts(id);
  const out: IdentityWarning[] = [];
  if (parts.province < 1 || parts.province > 96) out.push(warning('ID_PROVINCE_UNKNOWN'));
  if (sex && sex !== parts.sex) out.push(warning('ID_SEX_MISMATCH'));
  if (dateOfBirth && yearOf(dateOfBirth) !== parts.birthYear) out.push(warning('ID_BIRTH_YEAR_MISMATCH'));
  return out;
}
