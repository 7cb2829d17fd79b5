/**
 * What the outbox needs from a province's system, and nothing more. The one-stop REST adapter
 * implements it for openapi.yaml; a gateway-specific adapter (VNPT iGate, an LGSP relay) implements
 * the same four calls without touching the outbox or the uploader.
 */

/** One file of a dossier, as the uploader sends it. */
export interface OutgoingFile {
  /** Stable within the dossier (TepDinhKemId). */
  id: string;
  name: string;
  /** Mã thành phần hồ sơ of the component it belongs to. */
  componentCode: string;
  mime: string;
  size: number;
  sha256: string;
  /** Reads `length` bytes from `offset`; the uploader never holds a whole file in memory. */
  read(offset: number, length: number): Promise<Buffer>;
}

/** A dossier ready to deliver: national-portal fields (without files) plus its files. */
export interface OutgoingDossier {
  /** The dossier UUID: also the idempotency key. */
  id: string;
  /** HoSo fields (MaDonVi, SoBienNhan, MaTTHC, TenTTHC, ChuHoSo, …) except TaiLieuNop. */
  fields: Record<string, unknown>;
  files: OutgoingFile[];
}

/** A status change made at the counter, sent after its dossier (TrangThaiHoSo 1–10). */
export interface OutgoingStatus {
  dossierId: string;
  /** One per status entry: the province applies it exactly once. */
  idempotencyKey: string;
  status: number;
  changedAt: Date;
  note?: string;
  by?: string;
  /** Result documents filed with the dossier (uploaded like dossier files, resumable and hash-checked). */
  results: OutgoingFile[];
}

export interface StatusReceipt {
  /** The dossier's status at the province after the update. */
  status: number;
}

export interface DeliveryReceipt {
  /** The official MaHoSo issued by the province. */
  officialCode: string;
  status: number;
  receivedAt: string;
}

export interface ResultDocument {
  id: string;
  name: string;
  size: number;
  sha256: string;
}

export interface RemoteState {
  dossierId: string;
  committed: boolean;
  officialCode?: string;
  status: number;
  progress: Array<{ status: number; at: string; note: string; by?: string }>;
  results: ResultDocument[];
}

export interface ProgressSink {
  /** Bytes of this dossier the server holds now (all files). */
  (bytesDone: number, bytesTotal: number): void;
}

/** Why an attempt failed, and therefore what the outbox does next. */
export type FailureKind = 'transient' | 'permanent' | 'auth';

export class DeliveryError extends Error {
  constructor(
    readonly kind: FailureKind,
    /** Stable code: the server's error_code or a local one (NETWORK, TIMEOUT…). */
    readonly code: string,
    /** The server's reason, as it said it (Vietnamese from a Vietnamese server). */
    readonly reason: string,
    readonly httpStatus?: number,
    /** Lower bound for the next attempt (a 503's Retry-After). */
    readonly retryAfterMs?: number,
  ) {
    super(`${kind} ${code}${httpStatus ? ` (HTTP ${httpStatus})` : ''}: ${reason}`);
    this.name = 'DeliveryError';
  }
}

export interface ProvinceAdapter {
  readonly name: string;
  /** Reachability only (no credentials needed); never throws. */
  ping(signal?: AbortSignal): Promise<boolean>;
  /** Creates or updates, uploads what the server lacks (resuming), commits. Idempotent on dossier.id. */
  deliver(dossier: OutgoingDossier, progress: ProgressSink, signal?: AbortSignal): Promise<DeliveryReceipt>;
  /** Applies one local status change (uploading its result documents first). Idempotent on update.idempotencyKey. */
  sendStatus(update: OutgoingStatus, progress: ProgressSink, signal?: AbortSignal): Promise<StatusReceipt>;
  /** The province's view of one dossier, or undefined if it has never seen it. */
  state(dossierId: string, signal?: AbortSignal): Promise<RemoteState | undefined>;
  /** Status changes after a cursor (opaque string the adapter understands). */
  changes(cursor: string | undefined, signal?: AbortSignal): Promise<{ cursor: string; items: RemoteState[] }>;
  /** The bytes of a result document, to return at the counter. */
  fetchResult(dossierId: string, documentId: string, signal?: AbortSignal): Promise<Buffer>;
}
