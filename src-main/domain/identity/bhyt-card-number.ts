import { IdentityErrors } from './errors.ts';
import { warning } from './warnings.ts';
import type { IdentityWarning } from '../../contract/identity.ts';

export interface BhytCardNumber {
  cardNumber: string;
  format: 'old-15' | 'bhxh-10' | 'id-12';
  /** Old format only: the two-letter beneficiary group, the benefit level 1–5, the province. */
  objectCode?: string;
  benefitLevel?: number;
  province?: string;
}

/**
 * Three card numbers are in use side by side: the old 15-character code (DN4 79 0123456789), the
 * 10-digit mã số BHXH (from 2021), and the 12-digit personal ID (accepted from 15/8/2025).
 */
export function parseBhytCardNumber(raw: string, warnings: IdentityWarning[]): BhytCardNumber {
  const s = raw.trim().toUpperCase();
  if (/^\d{10}$/.test(s)) return { cardNumber: s, format: 'bhxh-10' };
  if (/^\d{12}$/.test(s)) return { cardNumber: s, format: 'id-12' };
  const m = /^([A-Z]{2})([1-5])(\d{2})([A-Z0-9]{10})$/.exec(s);
  if (!m) throw IdentityErrors.raise('BHYT_CARD_NUMBER');
  // Very old cards carry letters in the tail; accept them but let the officer look.
  if (!/^\d{10}$/.test(m[4] as string)) warnings.push(warning('BHYT_CARD_TAIL_NOT_NUMERIC'));
  return { cardNumber: s, format: 'old-15', objectCode: m[1], benefitLevel: Number(m[2]), province: m[3] };
}

/** "79 - 001", "79 – 001", "79001" → "79001" (2-digit province + 3-digit facility). */
export function normaliseFacilityCode(raw: string): string {
  return raw.replace(/[\s\-\u2013\u2014]/g, '').toUpperCase();
}
