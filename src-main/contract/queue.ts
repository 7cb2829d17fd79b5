import { z } from 'zod';
import { defineErrors } from './errors.ts';
import { method } from './method.ts';
import { ServerState } from './status.ts';
import { LocalizedText } from './common/localized.ts';

export const OutboxState = z.enum(['pending', 'sending', 'sent', 'confirmed', 'failed-retrying', 'quarantined']);
export type OutboxState = z.infer<typeof OutboxState>;

/** What went wrong with a delivery, for a person: the message and what to do, both in two languages. */
export const QueueProblem = z.object({
  code: z.string(),
  message: LocalizedText,
  advice: LocalizedText,
  /** The province's own words, when it gave a reason. */
  serverReason: z.string().optional(),
  httpStatus: z.number().int().optional(),
});
export type QueueProblem = z.infer<typeof QueueProblem>;

/** A status change made at the counter (e.g. 9 → 10 with the result), on its way to the province. */
export const StatusUpdateState = z.enum(['pending', 'sending', 'sent', 'failed-retrying', 'quarantined']);
export type StatusUpdateState = z.infer<typeof StatusUpdateState>;

export const QueueStatusUpdate = z.object({
  seq: z.number().int(),
  fromStatus: z.number().int(),
  toStatus: z.number().int(),
  /** The national label of `toStatus`, e.g. "Đã trả kết quả". */
  toStatusName: LocalizedText,
  /** ISO time the status was changed at the counter. */
  changedAt: z.string(),
  state: StatusUpdateState,
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  resultCount: z.number().int(),
  problem: QueueProblem.nullable(),
});
export type QueueStatusUpdate = z.infer<typeof QueueStatusUpdate>;

export const QueueItem = z.object({
  dossierId: z.string(),
  code: z.string(),
  officialCode: z.string().nullable(),
  applicantName: z.string(),
  procedureName: z.string(),
  state: OutboxState,
  attempts: z.number().int(),
  bytesDone: z.number().int(),
  bytesTotal: z.number().int(),
  /** ISO time of the next automatic try, when waiting. */
  nextAttemptAt: z.string().nullable(),
  remoteStatus: z.number().int().nullable(),
  problem: QueueProblem.nullable(),
  /** The dossier's status changes made at the counter, oldest first (sent after the dossier, in order). */
  statusUpdates: z.array(QueueStatusUpdate),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type QueueItem = z.infer<typeof QueueItem>;

export const QueueSummary = z.object({
  network: ServerState,
  /** Sending is paused because the server refused the counter's credentials. */
  authBlocked: z.boolean(),
  counts: z.record(OutboxState, z.number().int()),
  /** Status updates by state (a quarantined one needs a person even when its dossier is confirmed). */
  statusCounts: z.record(StatusUpdateState, z.number().int()),
  lastSuccessAt: z.string().nullable(),
});
export type QueueSummary = z.infer<typeof QueueSummary>;

export const ResultDocument = z.object({ id: z.string(), name: z.string(), size: z.number().int(), sha256: z.string() });

export const queueMethods = {
  'queue.status': method({ summary: 'Delivery queue: network state, counts, last successful sync', input: z.object({}), output: QueueSummary }),
  'queue.list': method({
    summary: 'Queued dossiers with state, progress, errors and their status updates (a state filter also matches a dossier by its status updates)',
    input: z.object({ states: z.array(OutboxState).optional(), limit: z.number().int().min(1).max(500).default(100), offset: z.number().int().min(0).default(0) }),
    output: z.object({ items: z.array(QueueItem) }),
  }),
  'queue.retry': method({
    summary: 'Retry now, dossiers and status updates (named dossiers\' quarantined rows and status updates are released too, after the cause was fixed)',
    input: z.object({ dossierIds: z.array(z.string()).optional() }),
    output: z.object({ retried: z.number().int() }),
  }),
  'queue.export': method({
    summary: 'Every queue row, for IT (JSON)',
    input: z.object({}),
    output: z.object({ exportedAt: z.string(), summary: QueueSummary, items: z.array(QueueItem) }),
  }),
  'queue.results': method({
    summary: 'Result documents the province issued for a dossier',
    input: z.object({ dossierId: z.string() }),
    output: z.object({ status: z.number().int(), documents: z.array(ResultDocument) }),
  }),
  'queue.fetchResult': method({
    summary: 'Download a result document into the local store (to print and return at the counter)',
    input: z.object({ dossierId: z.string(), documentId: z.string() }),
    output: z.object({ sha256: z.string(), size: z.number().int() }),
  }),
};

export const QueueErrors = defineErrors({
  QUEUE_NOT_FOUND: { vi: 'Hồ sơ này không có trong hàng đợi gửi.', en: 'This dossier is not in the delivery queue.' },
  QUEUE_SERVER_UNCONFIGURED: {
    vi: 'Chưa cấu hình máy chủ một cửa tỉnh. Báo bộ phận CNTT nhập địa chỉ và mã ứng dụng trong Cài đặt › Máy chủ.',
    en: 'The provincial server is not configured. Ask IT to set it in Settings › Server.',
  },
  QUEUE_OFFLINE: { vi: 'Không kết nối được máy chủ tỉnh; hãy thử lại khi có mạng.', en: 'The provincial server is unreachable; try again when online.' },
  QUEUE_RESULT_FAILED: { vi: 'Không tải được giấy tờ kết quả từ máy chủ tỉnh.', en: 'Could not download the result document.' },
});

type Text = { vi: string; en: string };
const t = (vi: string, en: string): Text => ({ vi, en });

/**
 * Delivery problems as the officer reads them: what happened and what to do. Keys are the codes the
 * uploader records (the server's error_code or a local one); anything else falls back by HTTP class.
 */
export const QUEUE_PROBLEMS: Record<string, { message: Text; advice: Text }> = {
  NETWORK: {
    message: t('Mất kết nối tới hệ thống một cửa tỉnh.', 'Lost the connection to the provincial system.'),
    advice: t('Không cần làm gì: hồ sơ đã lưu an toàn trên máy và sẽ tự gửi khi có mạng. Nếu kéo dài, kiểm tra mạng hoặc báo CNTT.', 'Nothing to do: the dossier is safe here and will be sent when online. If it lasts, check the network or call IT.'),
  },
  TIMEOUT: {
    message: t('Máy chủ tỉnh không trả lời kịp.', 'The provincial server did not answer in time.'),
    advice: t('Ứng dụng sẽ tự thử lại. Nếu mạng chậm kéo dài, báo CNTT.', 'It will retry by itself. If the link stays slow, call IT.'),
  },
  UNAVAILABLE: {
    message: t('Hệ thống tỉnh đang bảo trì hoặc quá tải.', 'The provincial system is under maintenance or overloaded.'),
    advice: t('Ứng dụng sẽ tự thử lại sau thời gian máy chủ yêu cầu.', 'It will retry after the time the server asked for.'),
  },
  AUTH_REJECTED: {
    message: t('Máy chủ tỉnh từ chối thông tin đăng nhập của quầy.', 'The provincial server refused this counter’s credentials.'),
    advice: t('Việc gửi đã tạm dừng. Báo CNTT kiểm tra mã ứng dụng và khóa bí mật trong Cài đặt › Máy chủ, rồi bấm “Gửi lại ngay”.', 'Sending is paused. Ask IT to check the client id and secret in Settings › Server, then press “Retry now”.'),
  },
  INVALID_DOSSIER: {
    message: t('Máy chủ tỉnh từ chối hồ sơ vì dữ liệu không hợp lệ.', 'The provincial server rejected the dossier as invalid.'),
    advice: t('Hồ sơ không được gửi lại tự động. Xem lý do bên dưới, sửa thông tin hồ sơ rồi bấm “Gửi lại”; nếu không rõ, báo CNTT.', 'It will not be resent automatically. Read the reason, correct the dossier and press “Retry”; if unclear, call IT.'),
  },
  LOCAL_FILE_MISMATCH: {
    message: t('Tệp quét lưu trên máy không khớp mã băm đã khai báo.', 'A stored scan does not match its declared hash.'),
    advice: t('Quét lại thành phần hồ sơ bị lỗi, rồi bấm “Gửi lại”; báo CNTT để kiểm tra ổ đĩa.', 'Rescan the affected component and press “Retry”; ask IT to check the disk.'),
  },
  LOCAL_DOSSIER_MISSING: {
    message: t('Hồ sơ không còn trên máy này.', 'The dossier is no longer on this computer.'),
    advice: t('Báo CNTT: có thể hồ sơ đã bị xóa hoặc khôi phục từ bản sao lưu cũ.', 'Call IT: it may have been deleted or restored from an older backup.'),
  },
  TOKEN_REFUSED: {
    message: t('Máy chủ tỉnh không nhận mã truy cập vừa cấp cho quầy.', 'The provincial server refused the access token it had just issued.'),
    advice: t(
      'Không phải lỗi thông tin đăng nhập của quầy. Ứng dụng tự xin mã mới và gửi lại. Nếu kéo dài, báo CNTT tỉnh kiểm tra máy chủ (đồng hồ, cân bằng tải).',
      'Not a problem with this counter’s credentials. It fetches a fresh token and retries by itself. If it lasts, ask the provincial IT to check the server (clock, load balancer).',
    ),
  },
  FILE_BUSY: {
    message: t('Máy chủ tỉnh báo tệp của hồ sơ đang được tải lên bởi yêu cầu khác.', 'The provincial server says a file of this dossier is being uploaded by another request.'),
    advice: t('Không cần làm gì: ứng dụng sẽ tự thử lại.', 'Nothing to do: it will retry by itself.'),
  },
  FILE_BUSY_STUCK: {
    message: t('Máy chủ tỉnh giữ khóa một tệp của hồ sơ quá lâu nên chưa nhận tiếp được.', 'The provincial server has kept a file of this dossier locked for too long.'),
    advice: t(
      'Hồ sơ vẫn an toàn trên máy và ứng dụng vẫn tự thử lại. Báo CNTT tỉnh: một lượt tải lên cũ chưa được máy chủ giải phóng (lỗi FILE_BUSY).',
      'The dossier is safe here and retries go on. Tell the provincial IT: an old upload was never released by the server (FILE_BUSY).',
    ),
  },
  LOCAL_BLOB_DAMAGED: {
    message: t('Tệp quét lưu trên máy này bị hỏng nên không gửi được.', 'A stored scan on this computer is damaged and cannot be sent.'),
    advice: t(
      'Hồ sơ không được gửi lại tự động. Quét lại thành phần hồ sơ bị lỗi (hoặc khôi phục bản sao lưu gần nhất), rồi bấm “Gửi lại”; báo CNTT kiểm tra ổ đĩa.',
      'It will not be resent automatically. Rescan the damaged component (or restore the latest backup), then press “Retry”; ask IT to check the disk.',
    ),
  },
  LOCAL_BLOB_MISSING: {
    message: t('Một tệp quét của hồ sơ không còn trên máy này.', 'A stored scan of this dossier is missing from this computer.'),
    advice: t(
      'Hồ sơ không được gửi lại tự động. Quét lại thành phần hồ sơ bị thiếu (hoặc khôi phục bản sao lưu gần nhất), rồi bấm “Gửi lại”; báo CNTT.',
      'It will not be resent automatically. Rescan the missing component (or restore the latest backup), then press “Retry”; call IT.',
    ),
  },
  NOT_CONFIRMED: {
    message: t('Đã gửi, đang chờ máy chủ tỉnh xác nhận.', 'Sent; waiting for the provincial server to confirm.'),
    advice: t('Không cần làm gì; ứng dụng sẽ tự hỏi lại.', 'Nothing to do; it will ask again.'),
  },
};

/** Problems particular to a status update (the province refused the move, or its result file is gone). */
export const STATUS_UPDATE_PROBLEMS: Record<string, { message: Text; advice: Text }> = {
  STATUS_CONFLICT: {
    message: t('Máy chủ tỉnh từ chối cập nhật trạng thái: hồ sơ trên hệ thống tỉnh đã ở trạng thái kết thúc.', 'The provincial server refused the status update: the dossier is already closed there.'),
    advice: t('Cập nhật này không được gửi lại tự động. Kiểm tra trạng thái hồ sơ trên hệ thống tỉnh; nếu cần, báo CNTT hoặc bộ phận một cửa tỉnh để chỉnh, rồi bấm “Gửi lại”.', 'It will not be resent automatically. Check the dossier on the provincial system; if needed ask IT or the provincial office to correct it, then press “Retry”.'),
  },
  INVALID_STATUS_UPDATE: {
    message: t('Máy chủ tỉnh từ chối cập nhật trạng thái vì dữ liệu không hợp lệ.', 'The provincial server rejected the status update as invalid.'),
    advice: t('Cập nhật này không được gửi lại tự động. Xem lý do bên dưới và báo CNTT.', 'It will not be resent automatically. Read the reason below and call IT.'),
  },
  LOCAL_RESULT_MISSING: {
    message: t('Tệp kết quả của cập nhật trạng thái không còn trên máy này.', 'The result file of this status update is no longer on this computer.'),
    advice: t('Quét hoặc đính kèm lại giấy tờ kết quả, rồi bấm “Gửi lại”; báo CNTT để kiểm tra ổ đĩa.', 'Scan or attach the result again, then press “Retry”; ask IT to check the disk.'),
  },
  DOSSIER_NOT_COMMITTED: {
    message: t('Hệ thống tỉnh chưa tiếp nhận xong hồ sơ nên chưa nhận cập nhật trạng thái.', 'The province has not finished accepting the dossier, so it cannot take the status update yet.'),
    advice: t('Không cần làm gì: ứng dụng sẽ tự gửi lại sau khi hồ sơ được tiếp nhận.', 'Nothing to do: it will be resent once the dossier is accepted.'),
  },
};

const STATUS_PERMANENT_FALLBACK = {
  message: t('Máy chủ tỉnh từ chối cập nhật trạng thái.', 'The provincial server rejected the status update.'),
  advice: t('Cập nhật này không được gửi lại tự động. Xem lý do, sửa rồi bấm “Gửi lại”; nếu không rõ, báo CNTT.', 'It will not be resent automatically. Read the reason, fix it and press “Retry”; if unclear, call IT.'),
};

/** Like describeProblem, in the words of a status update (network and auth problems read the same). */
export function describeStatusProblem(code: string, quarantined: boolean, serverReason?: string, httpStatus?: number): QueueProblem {
  const own = STATUS_UPDATE_PROBLEMS[code] ?? (quarantined && !QUEUE_PROBLEMS[code] ? STATUS_PERMANENT_FALLBACK : undefined);
  if (!own) return describeProblem(code, quarantined, serverReason, httpStatus);
  return { code, ...own, ...(serverReason ? { serverReason } : {}), ...(httpStatus ? { httpStatus } : {}) };
}

const TRANSIENT_FALLBACK = {
  message: t('Gửi hồ sơ chưa thành công.', 'Delivery did not succeed yet.'),
  advice: t('Ứng dụng sẽ tự thử lại. Nếu lỗi kéo dài, bấm “Gửi lại ngay” hoặc báo CNTT.', 'It will retry by itself. If it persists, press “Retry now” or call IT.'),
};
const PERMANENT_FALLBACK = {
  message: t('Máy chủ tỉnh từ chối hồ sơ.', 'The provincial server rejected the dossier.'),
  advice: t('Hồ sơ không được gửi lại tự động. Xem lý do, sửa rồi bấm “Gửi lại”; nếu không rõ, báo CNTT.', 'It will not be resent automatically. Read the reason, fix it and press “Retry”; if unclear, call IT.'),
};

export function describeProblem(code: string, quarantined: boolean, serverReason?: string, httpStatus?: number): QueueProblem {
  const known = QUEUE_PROBLEMS[code] ?? (httpStatus === 503 ? QUEUE_PROBLEMS.UNAVAILABLE : undefined);
  const base = known ?? (quarantined ? PERMANENT_FALLBACK : TRANSIENT_FALLBACK);
  return { code, ...base, ...(serverReason ? { serverReason } : {}), ...(httpStatus ? { httpStatus } : {}) };
}
