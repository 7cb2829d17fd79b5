import type { Identity, IdentityWarning } from '../../contract/identity.ts';
import { IdentityErrors } from './errors.ts';
import { warning } from './warnings.ts';
import { parseSlashDate } from './dates.ts';
import { hexToText, isHex } from './hex-text.ts';
import { looksDamaged } from './mojibake.ts';
import { normaliseFacilityCode, parseBhytCardNumber } from './bhyt-card-number.ts';
import { normaliseInput, tidy } from './text.ts';
import { compact } from './compact.ts';

/** Fields 0–12 are known by position; 13 is the opaque check string; `$` ends the code. */
export const BHYT_KNOWN_FIELDS = 13;
const LIVING_AREA: Record<string, string> = { '5': 'K1', '6': 'K2', '7': 'K3' };

export function looksLikeBhyt(text: string): boolean {
  return /\|\s*\$$/.test(normaliseInput(text));
}

function hexField(raw: string, field: string, required: boolean, warnings: IdentityWarning[]): string | undefined {
  const v = raw.trim();
  if (v === '' || v === '-') {
    if (required) throw IdentityErrors.raise('BHYT_HEX_INVALID', { field });
    return undefined;
  }
  if (!isHex(v)) {
    // Some issuers print plain text; a string of letters that are not hex is not damage.
    if (/[g-zG-Z\u00C0-\u1EF9]/.test(v) && !/[\uFFFD]/.test(v)) {
      if (field === 'fullName') warnings.push(warning('BHYT_NAME_NOT_HEX'));
      return tidy(v);
    }
    throw IdentityErrors.raise('BHYT_HEX_INVALID', { field });
  }
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

/** The QR on the BHYT card and in VssID: `card|hex name|dob|1/2|hex address|facility|from|to|issued|…|check|$`. */
export function parseBhytQr(text: string): Identity {
  const clean = normaliseInput(text);
  if (!clean) throw IdentityErrors.raise('ID_EMPTY');
  const all = clean.split('|');
  if ((all[all.length - 1] ?? '').trim() !== '$') throw IdentityErrors.raise('BHYT_NO_TERMINATOR');
  const f = all.slice(0, -1);
  if (f.length < BHYT_KNOWN_FIELDS) throw IdentityErrors.raise('BHYT_FIELD_COUNT', { fields: f.length });
  const at = (i: number) => f[i] ?? '';
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
  const livingArea = LIVING_AREA[at(11).trim()];
  const fiveYearsFrom = date(at(12), 'fiveYearsFrom', { optional: true });
  const checkString = f.length > BHYT_KNOWN_FIELDS ? at(BHYT_KNOWN_FIELDS).trim() || undefined : undefined;
  const extra = f.slice(BHYT_KNOWN_FIELDS + 1);
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
    }),
    extraFields: extra.length ? extra : undefined,
    warnings,
  });
}
