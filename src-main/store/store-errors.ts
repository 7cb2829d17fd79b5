import { defineErrors } from '../contract/errors.ts';

/** Every error the store can raise; Vietnamese first, as the officer reads it. */
export const StoreErrors = defineErrors({
  STORE_MIGRATION_INVALID: { vi: 'Danh sách nâng cấp cơ sở dữ liệu không hợp lệ (trùng số).', en: 'Invalid migration list (duplicate or bad number).' },
  STORE_MIGRATION_FAILED: { vi: 'Nâng cấp cơ sở dữ liệu thất bại; dữ liệu giữ nguyên như trước.', en: 'A migration failed; the database is unchanged.' },
  STORE_TOO_NEW: {
    vi: 'Cơ sở dữ liệu do một phiên bản mới hơn của ứng dụng tạo ra; phiên bản này không mở để tránh làm hỏng dữ liệu. Bộ phận CNTT: hãy cài lại phiên bản mới hơn (không gỡ thư mục dữ liệu), hoặc khôi phục bản sao lưu do chính phiên bản này tạo.',
    en: 'The database was written by a newer version of the app; this version does not open it so as not to damage it. IT: reinstall the newer version (keep the data folder), or restore a backup made by this version.',
  },
  STORE_EMPTY: {
    vi: 'Tệp cơ sở dữ liệu counter.sqlite bị rỗng (0 byte) trong khi thư mục dữ liệu cho thấy quầy đã có dữ liệu. Ứng dụng dừng lại để không tạo kho mới đè lên dữ liệu cũ. Bộ phận CNTT: hãy khôi phục bản sao lưu gần nhất (counter store restore) rồi mở lại ứng dụng.',
    en: 'The database file counter.sqlite is empty (0 bytes) although the data folder shows this counter already held data. The app stops rather than create a new store over the old data. IT: restore the latest backup (counter store restore) and start the app again.',
  },
  STORE_BUSY: {
    vi: 'Một tiến trình khác của ứng dụng đang mở kho dữ liệu này quá lâu (hơn 30 giây). Hãy đợi một lát rồi mở lại; nếu vẫn lỗi, bộ phận CNTT hãy kiểm tra các tiến trình One-Stop Counter đang chạy trên máy.',
    en: 'Another process of the app has been opening this data store for too long (over 30 s). Wait a moment and start again; if it persists, IT should check which One-Stop Counter processes are running on the PC.',
  },
  STORE_MISSING: {
    vi: 'Không tìm thấy tệp cơ sở dữ liệu counter.sqlite trong khi thư mục dữ liệu cho thấy quầy đã có dữ liệu. Ứng dụng dừng lại để không tạo kho mới. Bộ phận CNTT: hãy khôi phục bản sao lưu gần nhất rồi mở lại ứng dụng.',
    en: 'The database file counter.sqlite is missing although the data folder shows this counter already held data. The app stops rather than create a new store. IT: restore the latest backup and start the app again.',
  },
  STORE_NOT_A_DATABASE: {
    vi: 'Tệp counter.sqlite không phải là cơ sở dữ liệu của ứng dụng (phần đầu tệp bị xóa hoặc là tệp khác). Ứng dụng không mở và không ghi đè. Bộ phận CNTT: hãy khôi phục bản sao lưu gần nhất; giữ lại tệp hỏng để kiểm tra.',
    en: 'counter.sqlite is not a database of this app (its header is wiped or it is another file). The app neither opens nor overwrites it. IT: restore the latest backup; keep the damaged file for inspection.',
  },
  STORE_TRUNCATED: {
    vi: 'Tệp cơ sở dữ liệu counter.sqlite bị cắt cụt (ngắn hơn kích thước ghi trong tệp). Ứng dụng không mở để tránh mất thêm dữ liệu. Bộ phận CNTT: hãy khôi phục bản sao lưu gần nhất; giữ lại tệp hỏng để kiểm tra.',
    en: 'The database file counter.sqlite is truncated (shorter than the size its header records). The app does not open it, to lose nothing more. IT: restore the latest backup; keep the damaged file for inspection.',
  },
  STORE_DAMAGED: {
    vi: 'Cơ sở dữ liệu counter.sqlite bị hỏng và không đọc được. Bộ phận CNTT: hãy khôi phục bản sao lưu gần nhất; giữ lại tệp hỏng để kiểm tra.',
    en: 'The database counter.sqlite is damaged and cannot be read. IT: restore the latest backup; keep the damaged file for inspection.',
  },
  BLOB_KEY_MISSING: {
    vi: 'Không tìm thấy khóa mã hóa dữ liệu (blob.key) trong khi quầy đã lưu ảnh/tài liệu được mã hóa bằng khóa đó. Ứng dụng không tạo khóa mới, vì khóa mới sẽ làm mọi trang đã lưu không đọc được. Bộ phận CNTT: hãy chép lại tệp khóa từ bản sao lưu thư mục dữ liệu của máy này rồi mở lại ứng dụng.',
    en: 'The data encryption key (blob.key) is missing although this counter holds files encrypted with it. The app does not create a new key, since a new key would make every stored page unreadable. IT: copy the key file back from a backup of this PC\'s data folder and start the app again.',
  },
  STORE_DISK_LOW: {
    vi: 'Ổ đĩa chứa dữ liệu gần đầy; ứng dụng tạm ngừng tiếp nhận để không mất dữ liệu. Bộ phận CNTT: hãy giải phóng dung lượng ổ đĩa (hoặc chuyển bản sao lưu cũ sang nơi khác) rồi thử lại.',
    en: 'The data disk is nearly full; the app stops accepting work so that nothing is lost. IT: free disk space (or move old backups elsewhere) and retry.',
  },
  STORE_INTEGRITY_FAILED: {
    vi: 'Kiểm tra toàn vẹn cơ sở dữ liệu thất bại. Hãy khôi phục từ bản sao lưu và báo bộ phận CNTT.',
    en: 'Database integrity check failed. Restore from a backup and call IT.',
  },
  BLOB_NOT_FOUND: { vi: 'Không tìm thấy tệp ảnh/tài liệu đã lưu.', en: 'Stored file not found.' },
  BLOB_CORRUPT: {
    vi: 'Tệp ảnh/tài liệu đã lưu bị hỏng hoặc bị sửa đổi (không khớp mã băm).',
    en: 'A stored file is damaged or was altered (hash or authentication mismatch).',
  },
  BLOB_KEY_INVALID: { vi: 'Khóa mã hóa dữ liệu không hợp lệ hoặc không đọc được.', en: 'The data encryption key is invalid or unreadable.' },
  BLOB_HASH_INVALID: { vi: 'Mã băm tệp không hợp lệ.', en: 'Invalid file hash.' },
  DOSSIER_NOT_FOUND: { vi: 'Không tìm thấy hồ sơ.', en: 'Dossier not found.' },
  DOSSIER_INVALID: { vi: 'Hồ sơ chưa hợp lệ, không thể tiếp nhận.', en: 'The dossier is not valid and cannot be accepted.' },
  DOSSIER_PAGE_MISSING: { vi: 'Trang quét của hồ sơ chưa được lưu; hãy quét lại.', en: 'A scanned page of the dossier is not stored; scan it again.' },
  DOSSIER_STATUS_INVALID: { vi: 'Không thể chuyển hồ sơ sang trạng thái này.', en: 'The dossier cannot move to that status.' },
  DOSSIER_CODE_CONFLICT: { vi: 'Mã hồ sơ chính thức đã được dùng cho hồ sơ khác.', en: 'That official code already belongs to another dossier.' },
  AGENCY_CODE_MISSING: {
    vi: 'Chưa cấu hình mã định danh cơ quan. Hãy nhập trong Cài đặt › Cơ quan.',
    en: 'The agency identifier is not configured. Set it in Settings › Agency.',
  },
  AGENCY_CODE_INVALID: { vi: 'Mã định danh cơ quan không đúng định dạng (ví dụ 000.00.31.H42).', en: 'Invalid agency identifier (e.g. 000.00.31.H42).' },
  COUNTER_ID_INVALID: { vi: 'Mã quầy không hợp lệ (1–4 chữ số hoặc chữ in hoa).', en: 'Invalid counter id (1–4 digits or capital letters).' },
  DOSSIER_CODE_INVALID: { vi: 'Mã hồ sơ không đúng định dạng.', en: 'Invalid dossier code.' },
  SEQUENCE_EXHAUSTED: { vi: 'Đã hết số thứ tự hồ sơ trong ngày (9999).', en: 'The daily dossier sequence is exhausted (9999).' },
  PROCEDURE_NOT_FOUND: { vi: 'Không tìm thấy thủ tục hành chính.', en: 'Procedure not found.' },
  USER_EXISTS: { vi: 'Tên đăng nhập đã tồn tại.', en: 'That user name is taken.' },
  USER_NOT_FOUND: { vi: 'Không tìm thấy người dùng.', en: 'User not found.' },
  LOGIN_FAILED: { vi: 'Sai tên đăng nhập hoặc mật khẩu.', en: 'Wrong user name or password.' },
  PASSWORD_WEAK: { vi: 'Mật khẩu phải có ít nhất 8 ký tự.', en: 'The password needs at least 8 characters.' },
  AUDIT_REASON_REQUIRED: { vi: 'Phải ghi rõ lý do khi xem, in hoặc xuất dữ liệu cá nhân.', en: 'A reason is required to read, print or export personal data.' },
  BACKUP_FAILED: { vi: 'Sao lưu thất bại.', en: 'Backup failed.' },
  BACKUP_INVALID: { vi: 'Tệp sao lưu không hợp lệ hoặc bị hỏng.', en: 'The backup file is invalid or damaged.' },
  BACKUP_NOT_SEALED: {
    vi: 'Tệp sao lưu không được niêm phong bằng khóa của cơ quan này, hoặc đã bị sửa sau khi sao lưu, nên không khôi phục được.',
    en: 'The backup is not sealed with this agency’s key, or was changed after it was made, and cannot be restored.',
  },
  RETENTION_INVALID: { vi: 'Số ngày lưu giữ không hợp lệ.', en: 'Invalid retention period.' },
});
