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

/** Turns anything thrown into a wire body without leaking stack traces or personal data. */
export function toErrorBody(err: unknown): ErrorBody {
  if (err instanceof CounterError) return err.toBody();
  return RpcErrors.raise('INTERNAL').toBody();
}
