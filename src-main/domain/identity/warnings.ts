import type { IdentityWarning } from '../../contract/identity.ts';
import type { LocalizedText } from '../../contract/errors.ts';

/**
 * Things a parser accepted but the officer must see: damaged text, corrected OCR, data that does
 * not agree with itself. The message is Vietnamese (the UI shows it as is); `en` stays here for logs
 * and tests only by code.
 */
export const WARNINGS = {
  NAME_ENCODING_DAMAGED: {
    vi: 'Họ tên bị lỗi mã hóa (ký tự "?" hoặc "�"), thường do máy quét kiểu bàn phím. Hãy kiểm tra và sửa, hoặc đọc chip.',
    en: 'Name has encoding damage ("?" or "�"), typical of keyboard-wedge scanners. Check and fix it, or read the chip.',
  },
  ADDRESS_ENCODING_DAMAGED: {
    vi: 'Địa chỉ bị lỗi mã hóa (ký tự "?" hoặc "�"). Hãy kiểm tra và sửa.',
    en: 'Address has encoding damage ("?" or "�"). Check and fix it.',
  },
  SEX_FROM_ID_NUMBER: {
    vi: 'Trường giới tính bị hỏng; đã lấy giới tính theo số CCCD.',
    en: 'Sex field damaged; sex taken from the ID number.',
  },
  ID_SEX_MISMATCH: { vi: 'Giới tính không khớp với số CCCD.', en: 'Sex does not match the ID number.' },
  ID_BIRTH_YEAR_MISMATCH: { vi: 'Năm sinh không khớp với số CCCD.', en: 'Birth year does not match the ID number.' },
  ID_PROVINCE_UNKNOWN: { vi: 'Mã tỉnh trong số CCCD không có trong danh mục (001–096).', en: 'Province code of the ID number is not 001–096.' },
  CCCD_EXTRA_FIELDS: {
    vi: 'Mã QR có thêm trường chưa biết (có thể là thẻ Căn cước mẫu mới); đã giữ nguyên.',
    en: 'The QR has extra unknown fields (possibly the 2024 card); kept raw.',
  },
  BHYT_CARD_TAIL_NOT_NUMERIC: {
    vi: 'Mã thẻ BHYT kiểu cũ có chữ trong 10 ký tự cuối; hãy kiểm tra với thẻ giấy.',
    en: 'Old-format BHYT card number has letters in its last 10 characters; check the card.',
  },
  BHYT_BENEFIT_UNUSUAL: {
    vi: 'Mã hưởng trong mã QR BHYT không phải 1–5; hãy kiểm tra với thẻ.',
    en: 'The benefit level in the BHYT QR is not 1–5; check the card.',
  },
  BHYT_FACILITY_UNUSUAL: {
    vi: 'Mã nơi đăng ký KCB ban đầu không đúng dạng 5 chữ số.',
    en: 'Primary-care facility code is not 5 digits.',
  },
  BHYT_NO_EXPIRY: { vi: 'Thẻ BHYT không ghi ngày hết hạn; cần tra cứu thẻ.', en: 'The BHYT card has no end date; check it online.' },
  BHYT_EXTRA_FIELDS: { vi: 'Mã QR BHYT có thêm trường chưa biết; đã giữ nguyên.', en: 'The BHYT QR has extra unknown fields; kept raw.' },
  MRZ_OCR_CORRECTED: {
    vi: 'Đã sửa lỗi nhận dạng ký tự trong MRZ (O/0, I/1, S/5, B/8); số kiểm tra xác nhận bản sửa.',
    en: 'OCR confusions in the MRZ corrected (O/0, I/1, S/5, B/8); the check digits confirm the correction.',
  },
  MRZ_NAME_WITHOUT_DIACRITICS: {
    vi: 'Họ tên trong MRZ không có dấu; nên đọc chip hoặc QR để có họ tên đầy đủ.',
    en: 'The MRZ name has no diacritics; read the chip or QR for the full name.',
  },
  MRZ_DOCUMENT_NUMBER_MISMATCH: {
    vi: 'Số thẻ trong MRZ không trùng 9 số cuối của số định danh.',
    en: 'The MRZ document number is not the last 9 digits of the ID number.',
  },
  VENDOR_CHIP_UNVERIFIED: {
    vi: 'Dữ liệu chip do đầu đọc của hãng cung cấp; ứng dụng chưa tự xác thực chữ ký số của chip.',
    en: "Chip data supplied by the vendor reader; the app has not verified the chip's signature itself.",
  },
  MRZ_ID_CHECK_MISMATCH: {
    vi: 'Ký tự cuối dòng 1 của MRZ không khớp số kiểm tra của số định danh (quy ước chưa chắc chắn).',
    en: 'Line 1 position 30 does not match the ID number check digit (uncertain convention).',
  },
} satisfies Record<string, LocalizedText>;
export type WarningCode = keyof typeof WARNINGS;

export function warning(code: WarningCode): IdentityWarning {
  return { code, message: WARNINGS[code].vi };
}
