import { defineMessages } from '../../i18n/messages.ts';

/** Texts of the rollout and diagnostics tabs, Vietnamese first. */
export const rolloutMsgs = defineMessages({
  lead: {
    vi: 'Cấu hình một lần ở huyện, ký số bằng khóa của huyện, rồi nhập vào máy của từng xã. Mật khẩu đăng nhập trong tệp được mã hóa bằng một mật khẩu riêng, báo cho xã qua kênh khác.',
    en: 'Configure once at the district, sign with the district key, import on every commune PC. Credentials in the file are encrypted with a separate passphrase, told to communes another way.',
  },
  'keygen.title': { vi: '1. Tạo khóa ký của huyện', en: '1. Create the district signing key' },
  'keygen.lead': { vi: 'Chỉ làm một lần. Cất giữ tệp khóa riêng và mật khẩu cẩn thận.', en: 'Do this once. Keep the private key file and its passphrase safe.' },
  'keygen.passphrase': { vi: 'Mật khẩu bảo vệ khóa (ít nhất 8 ký tự)', en: 'Key passphrase (at least 8 characters)' },
  'keygen.confirm': { vi: 'Nhập lại mật khẩu bảo vệ khóa', en: 'Repeat the key passphrase' },
  'keygen.run': { vi: 'Tạo khóa', en: 'Create key' },
  'keygen.private': { vi: 'Tải khóa riêng (.pem)', en: 'Download private key (.pem)' },
  'keygen.public': { vi: 'Tải khóa công khai (.pem)', en: 'Download public key (.pem)' },
  fingerprint: { vi: 'Dấu vân tay khóa', en: 'Key fingerprint' },
  'export.title': { vi: '2. Xuất cấu hình', en: '2. Export the configuration' },
  'export.key': { vi: 'Tệp khóa riêng của huyện (.pem)', en: 'District private key file (.pem)' },
  'export.keyPassphrase': { vi: 'Mật khẩu bảo vệ khóa', en: 'Key passphrase' },
  'export.issuer': { vi: 'Đơn vị phát hành', en: 'Issuer' },
  'export.secretsPassphrase': { vi: 'Mật khẩu mã hóa thông tin đăng nhập (để trống = không kèm)', en: 'Passphrase for the credentials (empty = leave them out)' },
  'export.run': { vi: 'Xuất tệp cấu hình đã ký', en: 'Export signed configuration' },
  'export.done': { vi: 'Đã xuất tệp cấu hình', en: 'Configuration exported' },
  'import.title': { vi: '3. Nhập cấu hình', en: '3. Import a configuration' },
  'import.file': { vi: 'Tệp cấu hình (.json)', en: 'Configuration file (.json)' },
  'import.secretsPassphrase': { vi: 'Mật khẩu giải mã thông tin đăng nhập', en: 'Passphrase for the credentials' },
  'import.run': { vi: 'Nhập cấu hình', en: 'Import configuration' },
  'import.issuer': { vi: 'Đơn vị phát hành', en: 'Issuer' },
  'import.created': { vi: 'Ngày tạo', en: 'Created' },
  'import.hasSecrets': { vi: 'Có kèm thông tin đăng nhập (đã mã hóa)', en: 'Contains encrypted credentials' },
  'import.trustTitle': { vi: 'Xác nhận khóa ký của huyện', en: 'Confirm the district signing key' },
  'import.trustLead': {
    vi: 'Máy này chưa tin cậy khóa ký của tệp. Gọi điện cho bộ phận CNTT huyện, đọc dấu vân tay dưới đây và chỉ xác nhận khi trùng khớp.',
    en: 'This PC does not trust the file’s signing key yet. Call the district IT, read out the fingerprint below and confirm only if it matches.',
  },
  'import.trust': { vi: 'Dấu vân tay trùng khớp — tin cậy và nhập', en: 'Fingerprint matches — trust and import' },
  'import.done': { vi: 'Đã nhập cấu hình. Các mục đã áp dụng', en: 'Configuration imported. Sections applied' },
  'import.secrets': { vi: 'Thông tin đăng nhập đã lưu', en: 'Credentials stored' },
  'import.noSecrets': { vi: 'không có', en: 'none' },
  // diagnostics
  'logs.title': { vi: 'Nhật ký hoạt động', en: 'Activity log' },
  'logs.level': { vi: 'Mức', en: 'Level' },
  'logs.all': { vi: 'Tất cả', en: 'All' },
  'logs.lines': { vi: 'Số dòng', en: 'Lines' },
  'logs.refresh': { vi: 'Làm mới', en: 'Refresh' },
  'logs.none': { vi: 'Chưa có dòng nhật ký nào.', en: 'No log lines yet.' },
  'logs.at': { vi: 'Thời điểm', en: 'Time' },
  'logs.message': { vi: 'Nội dung', en: 'Message' },
  'diag.title': { vi: 'Xuất chẩn đoán', en: 'Export diagnostics' },
  'diag.lead': {
    vi: 'Tệp gồm nhật ký, phiên bản, danh sách thiết bị và trạng thái hàng đợi — không có dữ liệu cá nhân. Gửi tệp này cho bộ phận hỗ trợ.',
    en: 'Logs, versions, device list and queue state — no personal data. Send this file to support.',
  },
  'diag.run': { vi: 'Xuất chẩn đoán', en: 'Export diagnostics' },
  'diag.done': { vi: 'Đã tạo tệp', en: 'File created' },
  working: { vi: 'Đang xử lý…', en: 'Working…' },
});

export const levelMsgs = defineMessages({
  info: { vi: 'Thông tin', en: 'Info' },
  warn: { vi: 'Cảnh báo', en: 'Warning' },
  error: { vi: 'Lỗi', en: 'Error' },
});

/** Names of the settings sections and credentials a rollout file applies, for the import summary. */
export const appliedMsgs = defineMessages({
  ui: { vi: 'giao diện', en: 'interface' },
  agency: { vi: 'cơ quan', en: 'agency' },
  server: { vi: 'máy chủ', en: 'server' },
  calendar: { vi: 'lịch làm việc', en: 'calendar' },
  dossierStore: { vi: 'lưu trữ hồ sơ', en: 'dossier store' },
  rollout: { vi: 'khóa tin cậy', en: 'trusted keys' },
  identityReaders: { vi: 'đầu đọc QR', en: 'QR readers' },
  health: { vi: 'trạm y tế', en: 'health station' },
  print: { vi: 'máy in', en: 'printing' },
  payment: { vi: 'thu phí', en: 'fees' },
  signing: { vi: 'chữ ký số', en: 'signing' },
  update: { vi: 'cập nhật', en: 'updates' },
  'server.clientSecret': { vi: 'mật khẩu máy chủ', en: 'server secret' },
  'signing.tsaPassword': { vi: 'mật khẩu TSA', en: 'TSA password' },
  'bhyt.password': { vi: 'mật khẩu tra cứu BHYT', en: 'BHYT password' },
});
