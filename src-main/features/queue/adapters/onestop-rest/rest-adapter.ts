import {
  DeliveryError,
  type DeliveryReceipt,
  type OutgoingDossier,
  type OutgoingFile,
  type OutgoingStatus,
  type ProgressSink,
  type ProvinceAdapter,
  type RemoteState,
  type StatusReceipt,
} from '../../adapter.ts';
import { toPortalDate } from '../../../../domain/dossier/portal-date.ts';
import { failure, RestClient, type RestClientOptions } from './http-client.ts';
import { Changes, CommitResult, DossierState, FileState, OffsetConflict, StatusUpdateResult, UpsertResult } from './wire.ts';

export interface RestAdapterOptions extends RestClientOptions {
  /** Bytes per PATCH. Bigger chunks waste less on headers; smaller ones lose less to a dropped link. */
  chunkSize?: number;
  /** Slowest link we still wait for before calling a chunk timed out (bytes per second). */
  minBytesPerSecond?: number;
}

/** After this many SHA-256 mismatches in one attempt the local copy itself must be wrong. */
const MAX_HASH_MISMATCHES = 2;

/** The provincial one-stop REST adapter for openapi.yaml. */
export class OneStopRestAdapter implements ProvinceAdapter {
  readonly name = 'onestop-rest';
  private readonly http: RestClient;
  private readonly chunkSize: number;
  private readonly minRate: number;

  constructor(opts: RestAdapterOptions) {
    this.http = new RestClient(opts);
    this.chunkSize = opts.chunkSize ?? 4 * 1024 * 1024;
    this.minRate = opts.minBytesPerSecond ?? 32 * 1024;
  }

  async ping(signal?: AbortSignal): Promise<boolean> {
    try {
      const res = await this.http.raw('GET', '/health', { timeoutMs: 5000, signal });
      return res.status === 200;
    } catch {
      return false;
    }
  }

  async deliver(d: OutgoingDossier, progress: ProgressSink, signal?: AbortSignal): Promise<DeliveryReceipt> {
    const total = d.files.reduce((n, f) => n + f.size, 0);
    const body = JSON.stringify({ ...d.fields, TaiLieuNop: d.files.map(declareFile) });
    const keyed = { 'Idempotency-Key': d.id };
    const up = await this.http.call('POST', '/dossiers', { body, headers: { ...keyed, 'Content-Type': 'application/json' }, signal });
    if (up.status !== 200 && up.status !== 201) throw failure(up);
    const state = UpsertResult.parse(up.json());
    if (!state.committed) await this.uploadMissing(`/dossiers/${encodeURIComponent(d.id)}/files`, d.files, state.files, progress, signal);
    progress(total, total);
    const res = await this.http.call('POST', `/dossiers/${encodeURIComponent(d.id)}/commit`, { headers: keyed, signal });
    if (res.status !== 200) throw failure(res);
    const c = CommitResult.parse(res.json());
    return { officialCode: c.MaHoSo, status: Number(c.TrangThaiHoSo), receivedAt: c.NgayTiepNhan };
  }

  /**
   * Declares the status change (and its result documents), uploads whatever bytes the server lacks,
   * and repeats the same POST until the server says it applied it. The key makes every repeat safe.
   */
  async sendStatus(u: OutgoingStatus, progress: ProgressSink, signal?: AbortSignal): Promise<StatusReceipt> {
    const total = u.results.reduce((n, f) => n + f.size, 0);
    const body = JSON.stringify({
      TrangThai: String(u.status),
      ThoiDiemXuLy: toPortalDate(u.changedAt),
      ...(u.note ? { NoiDungXuLy: u.note.slice(0, 2000) } : {}),
      ...(u.by ? { NguoiXuLy: u.by.slice(0, 50) } : {}),
      ...(u.results.length ? { DanhSachGiayToKetQua: u.results.map(declareResult) } : {}),
    });
    const path = `/dossiers/${encodeURIComponent(u.dossierId)}/status`;
    const post = async () => {
      const res = await this.http.call('POST', path, { body, headers: { 'Idempotency-Key': u.idempotencyKey, 'Content-Type': 'application/json' }, signal });
      if (res.status !== 200 && res.status !== 202) throw failure(res);
      return StatusUpdateResult.parse(res.json());
    };
    let state = await post();
    if (!state.applied) {
      await this.uploadMissing(`/dossiers/${encodeURIComponent(u.dossierId)}/results`, u.results, state.files, progress, signal);
      state = await post();
      if (!state.applied) throw new DeliveryError('transient', 'RESULTS_INCOMPLETE', 'Máy chủ chưa nhận đủ tệp kết quả.');
    }
    progress(total, total);
    return { status: Number(state.TrangThaiHoSo) };
  }

  /** Uploads every file the server does not hold complete, each from where the server stands. */
  private async uploadMissing(base: string, files: OutgoingFile[], states: FileState[], progress: ProgressSink, signal?: AbortSignal): Promise<void> {
    const total = files.reduce((n, f) => n + f.size, 0);
    const held = new Map(states.map((f) => [f.TepDinhKemId, f]));
    let done = states.reduce((n, f) => n + f.offset, 0);
    progress(done, total);
    for (const file of files) {
      const s = held.get(file.id);
      if (s?.complete) continue;
      await this.uploadFile(`${base}/${encodeURIComponent(file.id)}`, file, s?.offset ?? 0, (delta) => progress((done += delta), total), signal);
    }
  }

  /** Sends the file from `offset` to `path`, re-asking the server where it stands after anything odd. */
  private async uploadFile(path: string, file: OutgoingFile, offset: number, advanced: (delta: number) => void, signal?: AbortSignal): Promise<void> {
    let mismatches = 0;
    let busy = 0;
    while (offset < file.size || file.size === 0) {
      const length = Math.min(this.chunkSize, file.size - offset);
      const bytes = await file.read(offset, length);
      const res = await this.http.call('PATCH', path, {
        body: bytes,
        headers: { 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' },
        timeoutMs: 30_000 + Math.ceil((length / this.minRate) * 1000),
        signal,
      });
      if (res.status === 200) {
        const s = FileState.parse(res.json());
        advanced(s.offset - offset);
        offset = s.offset;
        if (s.complete) return;
        continue;
      }
      if (res.status !== 409) throw failure(res);
      const conflict = OffsetConflict.parse(res.json());
      if (conflict.error_code === 'HASH_MISMATCH' && ++mismatches > MAX_HASH_MISMATCHES) {
        throw new DeliveryError('permanent', 'LOCAL_FILE_MISMATCH', `Tệp "${file.name}" gửi đi không khớp mã băm đã khai báo.`, 409);
      }
      if (conflict.error_code === 'FILE_BUSY') {
        if (++busy > 5) throw failure(res);
        await new Promise((r) => setTimeout(r, 200 * busy));
      }
      advanced(conflict.offset - offset);
      offset = conflict.offset;
    }
  }

  async state(dossierId: string, signal?: AbortSignal): Promise<RemoteState | undefined> {
    const res = await this.http.call('GET', `/dossiers/${encodeURIComponent(dossierId)}`, { signal });
    if (res.status === 404) return undefined;
    if (res.status !== 200) throw failure(res);
    return toRemote(DossierState.parse(res.json()));
  }

  async changes(cursor: string | undefined, signal?: AbortSignal): Promise<{ cursor: string; items: RemoteState[] }> {
    const res = await this.http.call('GET', `/changes?since=${Number(cursor ?? 0)}&limit=200`, { signal });
    if (res.status !== 200) throw failure(res);
    const c = Changes.parse(res.json());
    return { cursor: String(c.cursor), items: c.items.map(toRemote) };
  }

  async fetchResult(dossierId: string, documentId: string, signal?: AbortSignal): Promise<Buffer> {
    const res = await this.http.call('GET', `/dossiers/${encodeURIComponent(dossierId)}/results/${encodeURIComponent(documentId)}`, { signal, timeoutMs: 120_000 });
    if (res.status !== 200) throw failure(res);
    return res.body;
  }
}

/** A file as the upsert declares it (TaiLieuNop item). */
export function declareFile(f: OutgoingFile) {
  return {
    TepDinhKemId: f.id,
    TenTepDinhKem: f.name,
    IsDeleted: 'False',
    MaThanhPhanHoSo: f.componentCode,
    DuocSoHoa: '1',
    DuocTaiSuDung: '0',
    DuocLayTuKhoDMQG: '0',
    LoaiTep: f.mime,
    KichThuoc: f.size,
    MaBam: f.sha256,
  };
}

function declareResult(f: OutgoingFile) {
  return { GiayToId: f.id, TenGiayTo: f.name, MaThanhPhanHoSo: f.componentCode, LoaiTep: f.mime, KichThuoc: f.size, MaBam: f.sha256 };
}

function toRemote(s: DossierState): RemoteState {
  return {
    dossierId: s.id,
    committed: s.committed,
    officialCode: s.MaHoSo,
    status: Number(s.TrangThaiHoSo),
    progress: s.TienDo.map((p) => ({ status: Number(p.TrangThai), at: p.ThoiDiemXuLy, note: p.NoiDungXuLy, by: p.NguoiXuLy })),
    results: s.DanhSachGiayToKetQua.map((r) => ({ id: r.GiayToId, name: r.TenGiayTo, size: r.KichThuoc, sha256: r.MaBam })),
  };
}
