import { defineErrors } from '../../contract/errors.ts';

/**
 * Every way a scanned or typed identity text can be refused. The officer reads the Vietnamese
 * message at the counter, so each one says what to do next.
 */
export const IdentityErrors = defineErrors({
  ID_EMPTY: { vi: 'Chưa có dữ liệu để đọc.', en: 'Nothing to read.' },
  ID_UNRECOGNISED: {
    vi: 'Không nhận dạng được mã (không phải QR CCCD, QR BHYT hay MRZ). Hãy quét lại hoặc nhập tay.',
    en: 'Not recognised (not a CCCD QR, BHYT QR or MRZ). Scan again or type it in.',
  },
  CCCD_FIELD_COUNT: {
    vi: 'Mã QR CCCD phải có 7 trường ngăn cách bởi "|". Hãy quét lại.',
    en: 'A CCCD QR must have 7 fields separated by "|". Scan again.',
  },
  CCCD_ID_FORMAT: { vi: 'Số CCCD phải gồm đúng 12 chữ số.', en: 'The CCCD number must be exactly 12 digits.' },
  CCCD_ID_CENTURY: {
    vi: 'Số CCCD không hợp lệ: chữ số thế kỷ/giới tính (số thứ 4) không thể có.',
    en: 'Invalid CCCD number: impossible century/sex digit (4th digit).',
  },
  CCCD_OLD_ID_FORMAT: { vi: 'Số CMND cũ phải gồm 9 hoặc 12 chữ số.', en: 'The old ID number must be 9 or 12 digits.' },
  CCCD_NAME_EMPTY: { vi: 'Mã QR không có họ tên.', en: 'The QR code has no name.' },
  CCCD_DATE_INVALID: { vi: 'Ngày trong mã QR CCCD không hợp lệ.', en: 'A date in the CCCD QR is not a real date.' },
  CCCD_SEX_INVALID: { vi: 'Giới tính trong mã QR phải là "Nam" hoặc "Nữ".', en: 'Sex in the QR must be "Nam" or "Nữ".' },
  VNEID_NOT_RECOGNISED: {
    vi: 'Không nhận dạng được mã QR VNeID. Đã giữ nguyên nội dung; hãy dùng thẻ CCCD hoặc nhập tay.',
    en: 'VNeID QR not recognised. The raw text is kept; use the ID card or type it in.',
  },
  BHYT_NO_TERMINATOR: { vi: 'Mã QR BHYT phải kết thúc bằng "$". Hãy quét lại.', en: 'A BHYT QR must end with "$". Scan again.' },
  BHYT_FIELD_COUNT: {
    vi: 'Mã QR BHYT phải có 9, 13, 14, 15 hoặc 16 trường trước dấu "$". Hãy quét lại hoặc nhập tay.',
    en: 'A BHYT QR has 9, 13, 14, 15 or 16 fields before its "$". Scan again or type it in.',
  },
  BHYT_CARD_NUMBER: {
    vi: 'Mã thẻ BHYT không hợp lệ (cần 15 ký tự, hoặc mã số BHXH 10 chữ số).',
    en: 'Invalid BHYT card number (15 characters, or the 10-digit social insurance number).',
  },
  BHYT_HEX_INVALID: {
    vi: 'Họ tên, địa chỉ, tên cha/mẹ hoặc nơi cấp trong mã QR BHYT không đọc được (không đúng mã hex). Hãy quét lại hoặc nhập tay.',
    en: "The name, address, parent's name or place of issue in the BHYT QR cannot be read (not valid hex). Scan again or type it in.",
  },
  BHYT_DATE_INVALID: { vi: 'Ngày trong mã QR BHYT không hợp lệ.', en: 'A date in the BHYT QR is not a real date.' },
  BHYT_SEX_INVALID: { vi: 'Giới tính trong mã QR BHYT phải là 1 (Nam) hoặc 2 (Nữ).', en: 'Sex in the BHYT QR must be 1 (male) or 2 (female).' },
  MRZ_FORMAT: {
    vi: 'MRZ phải gồm 3 dòng, mỗi dòng 30 ký tự (A–Z, 0–9, <).',
    en: 'An MRZ must be 3 lines of 30 characters (A–Z, 0–9, <).',
  },
  MRZ_CHECK_DIGIT: {
    vi: 'Số kiểm tra trong MRZ không khớp. Hãy đọc lại mặt sau thẻ.',
    en: 'An MRZ check digit does not match. Read the back of the card again.',
  },
  MRZ_DATE_INVALID: { vi: 'Ngày trong MRZ không hợp lệ.', en: 'A date in the MRZ is not a real date.' },
  VENDOR_DATA_INVALID: {
    vi: 'Đầu đọc thẻ gửi dữ liệu không hợp lệ (thiếu số định danh). Hãy đặt lại thẻ.',
    en: 'The card reader sent invalid data (no ID number). Place the card again.',
  },
  MRZ_SEX_INVALID: { vi: 'Giới tính trong MRZ phải là M, F hoặc <.', en: 'Sex in the MRZ must be M, F or <.' },
});
export type IdentityErrorCode = keyof typeof IdentityErrors.table;
