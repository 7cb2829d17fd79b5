import { defineErrors } from './errors.ts';

/**
 * Size limits of what a client may send. One call travels in one WebSocket frame, so a frame is
 * capped; files larger than a frame go through the web host's streamed upload instead.
 */
export const MAX_RPC_FRAME_BYTES = 32 * 1024 * 1024;
/** One uploaded file: a 300-page scanned PDF stays well under this. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
/** Path of the web host's streamed upload (POST, body = the file's bytes). */
export const UPLOAD_PATH = '/upload';

const mb = (n: number) => Math.round(n / 1024 / 1024);

export const TransferErrors = defineErrors({
  FRAME_TOO_LARGE: {
    vi: `Dữ liệu gửi đi quá lớn (tối đa ${mb(MAX_RPC_FRAME_BYTES)} MB mỗi lần gọi).`,
    en: `The request is too large (at most ${mb(MAX_RPC_FRAME_BYTES)} MB per call).`,
  },
  UPLOAD_TOO_LARGE: {
    vi: `Tệp quá lớn, không nhận được (tối đa ${mb(MAX_UPLOAD_BYTES)} MB mỗi tệp). Hãy tách tệp hoặc quét lại ở độ phân giải thấp hơn.`,
    en: `The file is too large (at most ${mb(MAX_UPLOAD_BYTES)} MB per file). Split it or scan at a lower resolution.`,
  },
  UPLOAD_FAILED: { vi: 'Tải tệp lên không thành công. Hãy thử lại.', en: 'The upload failed. Try again.' },
  UPLOAD_FORBIDDEN: { vi: 'Phiên làm việc không hợp lệ để tải tệp lên. Hãy mở lại ứng dụng.', en: 'Not allowed to upload. Reopen the app.' },
});
