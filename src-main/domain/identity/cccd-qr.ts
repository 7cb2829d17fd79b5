import type { Identity, IdentityWarning } from '../../contract/identity.ts';
import { IdentityErrors } from './errors.ts';
import { warning } from './warnings.ts';
import { parseCompactDate } from './dates.ts';
import { looksDamaged } from './mojibake.ts';
import { crossCheckIdNumber, idNumberParts, isIdNumber } from './id-number.ts';
import { normaliseInput, tidy } from './text.ts';
import { compact } from './compact.ts';

export const CCCD_FIELDS = 7;

function parseSex(field: string, id: string, warnings: IdentityWarning[]): 'M' | 'F' {
  const s = field.trim().toLowerCase();
  if (s === 'nam') return 'M';
  if (s === 'nữ' || s === 'nu') return 'F';
  // A wedge scanner mangles "Nữ" to "N?"/"N�"; the ID number still says which it is.
  if (looksDamaged(field) && /^n/i.test(s)) {
    warnings.push(warning('SEX_FROM_ID_NUMBER'));
    return idNumberParts(id).sex;
  }
  throw IdentityErrors.raise('CCCD_SEX_INVALID');
}

/**
 * The QR on the front (2021 CCCD) or back (2024 Căn cước) of the card:
 * `id|oldId|name|DDMMYYYY|Nam/Nữ|address|DDMMYYYY`. Extra fields (2024 layout, unknown) are kept raw.
 */
export function parseCccdQr(text: string, kind: 'cccd-qr' | 'vneid-qr' = 'cccd-qr'): Identity {
  const clean = normaliseInput(text);
  if (!clean) throw IdentityErrors.raise('ID_EMPTY');
  const f = clean.split('|');
  if (f.length < CCCD_FIELDS) throw IdentityErrors.raise('CCCD_FIELD_COUNT', { fields: f.length });
  const [id = '', oldId = '', name = '', dob = '', sexField = '', address = '', issue = ''] = f.map((x) => x.trim());
  if (!isIdNumber(id)) throw IdentityErrors.raise('CCCD_ID_FORMAT');
  idNumberParts(id);
  if (!/^(\d{9}|\d{12})?$/.test(oldId)) throw IdentityErrors.raise('CCCD_OLD_ID_FORMAT');
  const fullName = tidy(name);
  if (!fullName) throw IdentityErrors.raise('CCCD_NAME_EMPTY');
  const dateOfBirth = parseCompactDate(dob, true);
  if (!dateOfBirth) throw IdentityErrors.raise('CCCD_DATE_INVALID', { field: 'dateOfBirth' });
  const issueDate = issue === '' ? undefined : parseCompactDate(issue, false);
  if (issue !== '' && !issueDate) throw IdentityErrors.raise('CCCD_DATE_INVALID', { field: 'issueDate' });

  const warnings: IdentityWarning[] = [];
  const sex = parseSex(sexField, id, warnings);
  if (looksDamaged(fullName)) warnings.push(warning('NAME_ENCODING_DAMAGED'));
  const addr = tidy(address);
  if (addr && looksDamaged(addr)) warnings.push(warning('ADDRESS_ENCODING_DAMAGED'));
  warnings.push(...crossCheckIdNumber(id, sex, dateOfBirth));
  const extra = f.slice(CCCD_FIELDS);
  if (extra.length) warnings.push(warning('CCCD_EXTRA_FIELDS'));

  return compact({
    kind,
    idNumber: id,
    oldIdNumber: oldId || undefined,
    fullName,
    dateOfBirth,
    sex,
    address: addr || undefined,
    issueDate,
    extraFields: extra.length ? extra : undefined,
    warnings,
  });
}
