import type { Identity, IdentityWarning } from '../../contract/identity.ts';
import { IdentityErrors } from './errors.ts';
import { warning } from './warnings.ts';
import { isRealDate, isoDate } from './dates.ts';
import { crossCheckIdNumber, isIdNumber } from './id-number.ts';
import { looksDamaged } from './mojibake.ts';
import { tidy } from './text.ts';
import { compact } from './compact.ts';

/** The text fields an HN-212-style reader publishes in its `{id: 2, data}` event (names as documented). */
export interface Hn212Data {
  idCode?: string;
  oldIdCode?: string;
  personName?: string;
  dateOfBirth?: string;
  gender?: string;
  nationality?: string;
  residencePlace?: string;
  issueDate?: string;
  expiryDate?: string;
}

/** The vendor's date format is not documented: accept dd/MM/yyyy, ddMMyyyy and yyyy-MM-dd. */
function vendorDate(s: string | undefined): string | undefined {
  const v = (s ?? '').trim();
  const m = /^(\d{2})\/?(\d{2})\/?(\d{4})$/.exec(v) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return undefined;
  const [d, mo, y] = v.includes('-') ? [Number(m[3]), Number(m[2]), Number(m[1])] : [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(y, mo, d) ? isoDate(y, mo, d) : undefined;
}

function vendorSex(s: string | undefined): 'M' | 'F' | undefined {
  const v = (s ?? '').trim().toLowerCase();
  if (v === 'nam' || v === 'm' || v === 'male') return 'M';
  if (v === 'nữ' || v === 'nu' || v === 'f' || v === 'female') return 'F';
  return undefined;
}

/** Maps the vendor reader's chip data to the normalised identity (kind "chip"). */
export function identityFromHn212(raw: unknown): Identity {
  const data = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const str = (k: keyof Hn212Data) => (typeof data[k] === 'string' ? (data[k] as string).normalize('NFC') : undefined);
  const id = (str('idCode') ?? '').trim();
  if (!isIdNumber(id)) throw IdentityErrors.raise('VENDOR_DATA_INVALID');
  const warnings: IdentityWarning[] = [warning('VENDOR_CHIP_UNVERIFIED')];
  const fullName = tidy(str('personName') ?? '') || undefined;
  if (fullName && looksDamaged(fullName)) warnings.push(warning('NAME_ENCODING_DAMAGED'));
  const sex = vendorSex(str('gender'));
  const dateOfBirth = vendorDate(str('dateOfBirth'));
  try {
    warnings.push(...crossCheckIdNumber(id, sex, dateOfBirth));
  } catch {
    // An impossible century digit from a chip is the reader's problem; keep the data, the check failed.
    warnings.push(warning('ID_BIRTH_YEAR_MISMATCH'));
  }
  const oldId = (str('oldIdCode') ?? '').trim();
  return compact({
    kind: 'chip' as const,
    idNumber: id,
    oldIdNumber: /^(\d{9}|\d{12})$/.test(oldId) ? oldId : undefined,
    fullName,
    dateOfBirth,
    sex,
    address: tidy(str('residencePlace') ?? '') || undefined,
    issueDate: vendorDate(str('issueDate')),
    expiryDate: vendorDate(str('expiryDate')),
    nationality: str('nationality') ? tidy(str('nationality') as string) : undefined,
    warnings,
  });
}
