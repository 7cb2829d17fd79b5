import type { ErrorBody, LocalizedText } from './common/localized.ts';

/** Every error that crosses a boundary carries a stable code and a message in both languages. */
export type { ErrorBody, LocalizedText } from './common/localized.ts';

export class CounterError extends Error {
  readonly code: string;
  readonly messages: LocalizedText;
  readonly details: unknown;

  constructor(code: string, messages: LocalizedText, details?: unknown) {
    super(`${code}: ${messages.vi} / ${messages.en}`);
    this.name = 'CounterError';
    this.code = code;
    this.messages = messages;
    this.details = details;
  }

  toBody(): ErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.messages }
      : { code: this.code, message: this.messages, details: this.details };
  }

  static fromBody(body: ErrorBody): CounterError {
    return new CounterError(body.code, body.message, body.details);
  }
}

/**
 * Declares one area's error catalogue. `raise` builds a CounterError whose code and texts come
 * from the table, so a code can never be thrown without its Vietnamese message.
 */
export function defineErrors<const T extends Record<string, LocalizedText>>(table: T) {
  return {
    table,
    raise(code: keyof T & string, details?: unknown): CounterError {
      return new CounterError(code, table[code] as LocalizedText, details);
    },
    is(err: unknown, code: keyof T & string): boolean {
      return err instanceof CounterError && err.code === code;
    },
  };
}

/** Errors of the transport and dispatch layer, shared by every method. */
export const RpcErrors = defineErrors({
  UNKNOWN_METHOD: { vi: 'Không có chức năng này.', en: 'Unknown method.' },
  INVALID_INPUT: { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'Invalid input.' },
  INVALID_OUTPUT: { vi: 'Dữ liệu trả về không hợp lệ (lỗi nội bộ).', en: 'Invalid output (internal error).' },
  UNAUTHORIZED: { vi: 'Phiên làm việc không hợp lệ. Hãy mở lại ứng dụng.', en: 'Invalid session. Reopen the app.' },
  FORBIDDEN: { vi: 'Tài khoản không có quyền thực hiện thao tác này.', en: 'Your role may not do this.' },
  INTERNAL: { vi: 'Lỗi nội bộ. Hãy thử lại hoặc xuất chẩn đoán gửi bộ phận CNTT.', en: 'Internal error. Retry, or export diagnostics for IT.' },
  DISCONNECTED: { vi: 'Mất kết nối tới máy chủ ứng dụng.', en: 'Lost connection to the app core.' },
});

/**
 * Disk failures named by their real cause, whichever area hit them: Node's errno codes and SQLite's
 * result codes (better-sqlite3 reports `SQLITE_FULL`, `SQLITE_IOERR_…`, `SQLITE_READONLY…`).
 */
export const DiskErrors = defineErrors({
  DISK_FULL: {
    vi: 'Ổ đĩa đầy: không ghi được dữ liệu, việc vừa làm chưa được lưu. Hãy giải phóng dung lượng ổ đĩa (báo bộ phận CNTT) rồi thử lại.',
    en: 'Disk full: the data could not be written and the last action was not saved. Free disk space (call IT) and retry.',
  },
  DISK_READ_ONLY: {
    vi: 'Ổ đĩa hoặc thư mục dữ liệu đang ở chế độ chỉ đọc, không ghi được. Bộ phận CNTT: hãy kiểm tra ổ đĩa và quyền của thư mục dữ liệu.',
    en: 'The disk or the data folder is read-only. IT: check the disk and the data folder permissions.',
  },
  DISK_ACCESS_DENIED: {
    vi: 'Không có quyền ghi tệp trong thư mục dữ liệu (có thể do quyền thư mục hoặc phần mềm diệt virus đang khóa tệp). Hãy thử lại; nếu vẫn lỗi, báo bộ phận CNTT.',
    en: 'No permission to write in the data folder (folder permissions, or an antivirus holding the file). Retry; if it persists, call IT.',
  },
  DISK_IO: {
    vi: 'Lỗi đọc/ghi ổ đĩa (ổ đĩa có thể bị hỏng hoặc bị rút ra). Bộ phận CNTT: hãy kiểm tra ổ đĩa và sao lưu dữ liệu ngay.',
    en: 'Disk read/write error (the disk may be failing or was removed). IT: check the disk and back up now.',
  },
});

const DISK_CAUSES: Array<[RegExp, keyof typeof DiskErrors.table]> = [
  [/^(ENOSPC|EDQUOT|SQLITE_FULL)$/, 'DISK_FULL'],
  [/^(EROFS|SQLITE_READONLY.*)$/, 'DISK_READ_ONLY'],
  [/^(EACCES|EPERM|EBUSY|SQLITE_CANTOPEN.*|SQLITE_PERM)$/, 'DISK_ACCESS_DENIED'],
  [/^(EIO|SQLITE_IOERR.*)$/, 'DISK_IO'],
];

/** The coded disk error for an errno/SQLite failure, or undefined when it is not a disk failure. */
export function diskError(err: unknown): CounterError | undefined {
  const code = err instanceof Error && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
  if (!code) return undefined;
  const hit = DISK_CAUSES.find(([re]) => re.test(code));
  return hit ? DiskErrors.raise(hit[1], { cause: code }) : undefined;
}

/** Turns anything thrown into a wire body without leaking stack traces or personal data. */
export function toErrorBody(err: unknown): ErrorBody {
  if (err instanceof CounterError) return err.toBody();
  return (diskError(err) ?? RpcErrors.raise('INTERNAL')).toBody();
}
