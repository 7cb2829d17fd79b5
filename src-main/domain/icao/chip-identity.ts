import type { Identity } from '../../contract/identity.ts';
import type { Dg1Mrz } from './dg1.ts';
import { vnDateToIso, type Dg13Fields } from './dg13.ts';

type Warning = Identity['warnings'][number];

/** YYMMDD → YYYY-MM-DD. Birth years pivot on the current year; expiry years are always 20xx. */
function mrzDate(yymmdd: string, kind: 'birth' | 'expiry', now: Date): string | undefined {
  if (!/^\d{6}$/.test(yymmdd)) return undefined;
  const yy = Number(yymmdd.slice(0, 2));
  const century = kind === 'expiry' || yy <= now.getUTCFullYear() % 100 ? 2000 : 1900;
  return `${century + yy}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
}

function sexOf(s: string | undefined): 'M' | 'F' | undefined {
  if (!s) return undefined;
  const v = s.trim().toLowerCase();
  if (v === 'nam' || v === 'm') return 'M';
  if (v === 'nữ' || v === 'nu' || v === 'f') return 'F';
  return undefined;
}

/** Letters without diacritics, upper case, single spaces: how the MRZ writes a name. */
export function asciiName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toUpperCase()
    .replace(/[^A-Z]+/g, ' ')
    .trim();
}

/**
 * The normalised identity from the chip: DG13's UTF-8 fields first (they carry the diacritics and
 * the 12-digit ID), DG1's MRZ for what DG13 lacks, and warnings where the two disagree.
 */
export function chipIdentity(dg1: Dg1Mrz | undefined, dg13: Dg13Fields | undefined, now = new Date()): Identity {
  const warnings: Warning[] = [];
  const idFromMrz = dg1 && /^\d{12}/.test(dg1.optionalData1) ? dg1.optionalData1.slice(0, 12) : undefined;
  const idNumber = dg13?.idNumber ?? idFromMrz;
  const dob = vnDateToIso(dg13?.dateOfBirth) ?? (dg1 ? mrzDate(dg1.dateOfBirth, 'birth', now) : undefined);
  let expiryDate = vnDateToIso(dg13?.expiryDate);
  if (!expiryDate && dg13?.expiryDate) {
    warnings.push({ code: 'CHIP_EXPIRY_TEXT', message: `Ngày hết hạn trên chip: "${dg13.expiryDate}"` });
  }
  expiryDate ??= dg1 ? mrzDate(dg1.dateOfExpiry, 'expiry', now) : undefined;
  const fullName = dg13?.fullName ?? (dg1 ? dg1.name.replace(',', '') : undefined);

  if (dg1 && !dg1.checkDigitsOk) warnings.push({ code: 'CHIP_MRZ_CHECK_DIGIT', message: 'Số kiểm tra trong MRZ của chip không khớp' });
  if (dg1 && dg13?.fullName && asciiName(dg13.fullName) !== asciiName(dg1.name)) {
    warnings.push({ code: 'CHIP_NAME_MISMATCH', message: 'Họ tên trong DG13 khác với MRZ trên chip' });
  }
  if (idFromMrz && dg13?.idNumber && idFromMrz !== dg13.idNumber) {
    warnings.push({ code: 'CHIP_ID_MISMATCH', message: 'Số định danh trong DG13 khác với MRZ trên chip' });
  }
  if (!dg13) warnings.push({ code: 'CHIP_NO_DG13', message: 'Chip không có DG13: họ tên không dấu lấy từ MRZ' });

  const identity: Identity = { kind: 'chip', warnings };
  const set = <K extends keyof Identity>(k: K, v: Identity[K] | undefined) => {
    if (v !== undefined && v !== '') identity[k] = v;
  };
  set('idNumber', idNumber);
  set('oldIdNumber', dg13?.oldIdNumber);
  set('fullName', fullName);
  set('dateOfBirth', dob);
  set('sex', sexOf(dg13?.sex) ?? sexOf(dg1?.sex));
  set('address', dg13?.placeOfResidence);
  set('issueDate', vnDateToIso(dg13?.issueDate));
  set('expiryDate', expiryDate);
  set('documentNumber', dg1?.documentNumber);
  return identity;
}
