import type { Identity, IdentityWarning } from '../../contract/identity.ts';
import { IdentityErrors } from './errors.ts';
import { warning } from './warnings.ts';
import { parseSlashDate } from './dates.ts';
import { hexToText, isHex } from './hex-text.ts';
import { looksDamaged } from './mojibake.ts';
import { normaliseFacilityCode, parseBhytCardNumber } from './bhyt-card-number.ts';
import { normaliseInput, tidy } from './text.ts';
import { compact } from './compact.ts';

/**
 * The card generations' layouts, by the number of fields before the closing `$`:
 * - 9: card, name, birth, sex, address, facility, valid from, valid to, issue date (older cards);
 * - 13: + manager code, parent's name, living area, five-years date (fields 9–12);
 * - 14: + the opaque check string (13);
 * - 15: + the benefit level, mã hưởng (14);
 * - 16: + the place of issue, nơi cấp đổi thẻ (15, hex like the other free text).
 * Free text (name, address, parent, place of issue) is always hex of its UTF-8 bytes.
 * BHXH publishes no specification; the layouts follow the public parsers that hospitals run:
 * Vietsens/hisnguonmo (Inventec.Common.QrCodeBHYT ReadQrCodeHeinCard.cs, HeinCardData.cs, Tag.cs: the
 * `|` separator, the `$` end and fields 0–12), nhang1020/app_leodoctor_v1.5 (BHYT.dart: the check
 * string, benefit level and place of issue after it) and the VNPT HIS kiosk code
 * nguyenkimnam1002/kiotkhambenh_vpc (10-digit or 15-character card numbers, hex names).
 */
export const BHYT_LAYOUTS = [9, 13, 14, 15, 16] as const;
const LONGEST = 16;
const LIVING_AREA: Record<string, string> = { '5': 'K1', '6': 'K2', '7': 'K3' };

export function looksLikeBhyt(text: string): boolean {
  return /\|\s*\$$/.test(normaliseInput(text));
}

/** Hex text or nothing ('' / '-'); anything else is damage the officer must rescan or type. */
function hexField(raw: string, field: string, required: boolean, warnings: IdentityWarning[]): string | undefined {
  const v = raw.trim();
  if (v === '' || v === '-') {
    if (required) throw IdentityErrors.raise('BHYT_HEX_INVALID', { field });
    return undefined;
  }
  if (!isHex(v)) throw IdentityErrors.raise('BHYT_HEX_INVALID', { field });
  const { text, damaged } = hexToText(v);
  const out = tidy(text);
  if (damaged || looksDamaged(out)) warnings.push(warning(field === 'fullName' ? 'NAME_ENCODING_DAMAGED' : 'ADDRESS_ENCODING_DAMAGED'));
  return out || undefined;
}

function date(raw: string, field: string, opts: { yearOnly?: boolean; optional?: boolean } = {}): string | undefined {
  const v = raw.trim();
  if (opts.optional && (v === '' || v === '-')) return undefined;
  const d = parseSlashDate(v, opts.yearOnly ?? false);
  if (!d) throw IdentityErrors.raise('BHYT_DATE_INVALID', { field });
  return d;
}

function layoutOf(count: number): number {
  if (count > LONGEST) return LONGEST;
  if (!(BHYT_LAYOUTS as readonly number[]).includes(count)) throw IdentityErrors.raise('BHYT_FIELD_COUNT', { fields: count, layouts: BHYT_LAYOUTS });
  return count;
}

/** The QR on the BHYT card and in VssID: `card|hex name|dob|1/2|hex address|facility|from|to|issued|…|$`. */
export function parseBhytQr(text: string): Identity {
  const clean = normaliseInput(text);
  if (!clean) throw IdentityErrors.raise('ID_EMPTY');
  const all = clean.split('|');
  if ((all[all.length - 1] ?? '').trim() !== '$') throw IdentityErrors.raise('BHYT_NO_TERMINATOR');
  const f = all.slice(0, -1);
  const layout = layoutOf(f.length);
  const at = (i: number) => (i < layout ? (f[i] ?? '') : '');
  const warnings: IdentityWarning[] = [];

  const card = parseBhytCardNumber(at(0), warnings);
  const fullName = hexField(at(1), 'fullName', true, warnings);
  const dateOfBirth = date(at(2), 'dateOfBirth', { yearOnly: true });
  const sexCode = at(3).trim();
  if (sexCode !== '1' && sexCode !== '2') throw IdentityErrors.raise('BHYT_SEX_INVALID');
  const address = hexField(at(4), 'address', false, warnings);
  const facility = normaliseFacilityCode(at(5));
  if (facility && !/^\d{5}$/.test(facility)) warnings.push(warning('BHYT_FACILITY_UNUSUAL'));
  const validFrom = date(at(6), 'validFrom');
  const validTo = date(at(7), 'validTo', { optional: true });
  if (!validTo) warnings.push(warning('BHYT_NO_EXPIRY'));
  const issueDate = date(at(8), 'issueDate', { optional: true });
  const managerCode = at(9).trim() || undefined;
  const parentName = hexField(at(10), 'parentName', false, warnings);
  const livingArea = LIVING_AREA[at(11).trim()];
  const fiveYearsFrom = date(at(12), 'fiveYearsFrom', { optional: true });
  const checkString = at(13).trim() || undefined;
  const benefit = at(14).trim();
  if (benefit && !/^[1-5]$/.test(benefit)) warnings.push(warning('BHYT_BENEFIT_UNUSUAL'));
  const placeOfIssue = hexField(at(15), 'placeOfIssue', false, warnings);
  const extra = f.slice(LONGEST);
  if (extra.length) warnings.push(warning('BHYT_EXTRA_FIELDS'));

  return compact({
    kind: 'bhyt-qr' as const,
    idNumber: card.format === 'id-12' ? card.cardNumber : undefined,
    fullName,
    dateOfBirth,
    sex: sexCode === '1' ? ('M' as const) : ('F' as const),
    address,
    issueDate,
    insurance: compact({
      cardNumber: card.cardNumber,
      validFrom,
      validTo,
      facilityCode: facility || undefined,
      checkString,
      managerCode,
      livingArea,
      fiveYearsFrom,
      parentName,
      benefitLevel: benefit || undefined,
      placeOfIssue,
      qrFields: f.length,
    }),
    extraFields: extra.length ? extra : undefined,
    warnings,
  });
}
