import { PrintErrors } from '../../contract/print.ts';
import { crcHex } from './crc16.ts';
import { decodeTlv, encodeTlv, tlvValue } from './tlv.ts';

/** NAPAS's application id for VietQR inside merchant account information (tag 38). */
export const NAPAS_GUID = 'A000000727';
/** Transfer to an account number (QRIBFTTC would be to a card number). */
export const SERVICE_TO_ACCOUNT = 'QRIBFTTA';

export interface VietQrTransfer {
  bankBin: string;
  accountNumber: string;
  /** Đồng; 0 or absent = the payer types it (static QR). */
  amount?: number;
  /** Nội dung chuyển khoản (tag 62/08). */
  reference?: string;
}

/** Banks' apps accept only plain ASCII in the reference; strip Vietnamese marks and odd characters. */
export function asciiReference(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9 .\-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Length limits of every data object written (EMVCo QRCPS-MPM v1.1 §4; NAPAS VietQR keeps them):
 * 00 = 2, 01 = 2, 38 ≤ 99 (00 GUID ≤ 32, 01 beneficiary ≤ 99 with 00 BIN = 6 and 01 account ≤ 19,
 * 02 service ≤ 10), 53 = 3, 54 ≤ 13, 58 = 2, 62 ≤ 99 with 08 purpose ≤ 25, 63 = 4.
 */
export const VIETQR_LIMITS = { accountNumber: 19, amount: 13, purpose: 25, template: 99 } as const;

/** The EMVCo merchant-presented payload for a NAPAS 247 transfer, CRC included. */
export function buildVietQr(t: VietQrTransfer): string {
  if (!/^\d{6}$/.test(t.bankBin)) throw PrintErrors.raise('VIETQR_INVALID', { reason: 'bank BIN must be 6 digits' });
  if (!/^[0-9A-Za-z]{1,19}$/.test(t.accountNumber)) throw PrintErrors.raise('VIETQR_INVALID', { reason: 'account number' });
  const amount = t.amount ?? 0;
  if (!Number.isSafeInteger(amount) || amount < 0 || String(amount).length > 13) throw PrintErrors.raise('VIETQR_INVALID', { reason: 'amount' });
  const beneficiary = encodeTlv([{ id: '00', value: t.bankBin }, { id: '01', value: t.accountNumber }]);
  const merchant = encodeTlv([{ id: '00', value: NAPAS_GUID }, { id: '01', value: beneficiary }, { id: '02', value: SERVICE_TO_ACCOUNT }]);
  const reference = t.reference ? asciiReference(t.reference) : '';
  if (reference.length > VIETQR_LIMITS.purpose) {
    throw PrintErrors.raise('VIETQR_INVALID', { reason: `transfer reference longer than ${VIETQR_LIMITS.purpose} characters`, reference });
  }
  const body = encodeTlv([
    { id: '00', value: '01' },
    { id: '01', value: amount > 0 ? '12' : '11' },
    { id: '38', value: merchant },
    { id: '53', value: '704' },
    ...(amount > 0 ? [{ id: '54', value: String(amount) }] : []),
    { id: '58', value: 'VN' },
    ...(reference ? [{ id: '62', value: encodeTlv([{ id: '08', value: reference }]) }] : []),
  ]);
  return body + '6304' + crcHex(body + '6304');
}

export interface ParsedVietQr extends VietQrTransfer {
  dynamic: boolean;
}

/** Reads a VietQR payload back, checking its structure and CRC (used by tests and the on-screen check). */
export function parseVietQr(payload: string): ParsedVietQr {
  const items = decodeTlv(payload);
  const last = items[items.length - 1];
  if (!last || last.id !== '63' || last.value.length !== 4) throw PrintErrors.raise('VIETQR_INVALID', { reason: 'no CRC' });
  const expected = crcHex(payload.slice(0, -4));
  if (expected !== last.value.toUpperCase()) throw PrintErrors.raise('VIETQR_INVALID', { reason: 'CRC mismatch', expected, found: last.value });
  const merchant = decodeTlv(tlvValue(items, '38') ?? '');
  if (tlvValue(merchant, '00') !== NAPAS_GUID) throw PrintErrors.raise('VIETQR_INVALID', { reason: 'not a NAPAS VietQR' });
  const beneficiary = decodeTlv(tlvValue(merchant, '01') ?? '');
  const amountText = tlvValue(items, '54');
  const additional = tlvValue(items, '62');
  return {
    dynamic: tlvValue(items, '01') === '12',
    bankBin: tlvValue(beneficiary, '00') ?? '',
    accountNumber: tlvValue(beneficiary, '01') ?? '',
    amount: amountText === undefined ? undefined : Number(amountText),
    reference: additional === undefined ? undefined : tlvValue(decodeTlv(additional), '08'),
  };
}
