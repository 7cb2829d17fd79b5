import { defineErrors } from '../../../src-main/contract/errors.ts';

/** Checks the Settings screen makes before anything reaches the core, with codes like the core's. */
export const SettingsUiErrors = defineErrors({
  SETTINGS_BAD_URL: { vi: 'Địa chỉ phải bắt đầu bằng http:// hoặc https://', en: 'The address must start with http:// or https://' },
  SETTINGS_BAD_PEM: { vi: 'Nội dung không phải chứng thư PEM (-----BEGIN CERTIFICATE-----).', en: 'Not a PEM certificate (-----BEGIN CERTIFICATE-----).' },
  SETTINGS_FILE_UNREADABLE: { vi: 'Không đọc được tệp đã chọn (không phải tệp JSON/PEM hợp lệ).', en: 'Cannot read the chosen file (not valid JSON/PEM).' },
  SETTINGS_PASSPHRASE_SHORT: { vi: 'Mật khẩu phải có ít nhất 8 ký tự.', en: 'The passphrase needs at least 8 characters.' },
  SETTINGS_PASSPHRASE_MISMATCH: { vi: 'Hai lần nhập mật khẩu không khớp.', en: 'The two passphrases differ.' },
  SETTINGS_DUPLICATE_ID: { vi: 'Mã máy in phiếu bị trùng.', en: 'Duplicate ticket printer id.' },
  DEVICE_TEST_NO_PAGE: { vi: 'Máy quét không trả về trang nào.', en: 'The scanner returned no page.' },
  DEVICE_TEST_TIMEOUT: { vi: 'Hết thời gian chờ: chưa nhận được mã QR nào. Kiểm tra đầu đọc rồi thử lại.', en: 'Timed out: no QR code arrived. Check the reader and retry.' },
});
