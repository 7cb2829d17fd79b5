import { CardErrors } from '../../contract/card.ts';
import { expectTlv, findChild, readAll } from './der.ts';
import { checkDigit } from './mrz-key.ts';

/** The fields of a TD1 MRZ as DG1 stores them (ASCII, no diacritics). */
export interface Dg1Mrz {
  lines: string[];
  documentCode: string;
  issuingState: string;
  documentNumber: string;
  optionalData1: string;
  dateOfBirth: string;
  sex: string;
  dateOfExpiry: string;
  nationality: string;
  name: string;
  checkDigitsOk: boolean;
}

/** DG1 = 61 { 5F1F MRZ }. Only TD1 (90 characters) is expected on VN cards. */
export function parseDg1(file: Uint8Array): Dg1Mrz {
  const outer = expectTlv(file, 0x61);
  const mrzTlv = findChild(readAll(outer.value), 0x5f1f);
  if (!mrzTlv) throw CardErrors.raise('DG_MALFORMED', { dg: 1, reason: 'no 5F1F' });
  const mrz = new TextDecoder('latin1').decode(mrzTlv.value);
  if (mrz.length !== 90 || /[^A-Z0-9<]/.test(mrz)) throw CardErrors.raise('DG_MALFORMED', { dg: 1, reason: 'not a TD1 MRZ' });
  const l1 = mrz.slice(0, 30);
  const l2 = mrz.slice(30, 60);
  const l3 = mrz.slice(60, 90);
  const digitOk = (field: string, cd: string) => String(checkDigit(field)) === cd;
  const composite = l1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29);
  const checkDigitsOk =
    digitOk(l1.slice(5, 14), l1[14] as string) &&
    digitOk(l2.slice(0, 6), l2[6] as string) &&
    digitOk(l2.slice(8, 14), l2[14] as string) &&
    digitOk(composite, l2[29] as string);
  return {
    lines: [l1, l2, l3],
    documentCode: l1.slice(0, 2).replace(/<+$/, ''),
    issuingState: l1.slice(2, 5),
    documentNumber: l1.slice(5, 14).replace(/<+$/, ''),
    optionalData1: l1.slice(15, 30).replace(/<+$/, ''),
    dateOfBirth: l2.slice(0, 6),
    sex: l2.slice(7, 8),
    dateOfExpiry: l2.slice(8, 14),
    nationality: l2.slice(15, 18),
    name: l3.replace(/<+$/, '').replace(/<<+/, ', ').replace(/</g, ' '),
    checkDigitsOk,
  };
}
