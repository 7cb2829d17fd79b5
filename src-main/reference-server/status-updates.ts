import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { DOSSIER_STATUSES, TERMINAL_STATUSES } from '../domain/dossier/status.ts';
import type { OpenApiValidator } from './openapi-validator.ts';
import { err, type Reply, type UploadTarget } from './reply.ts';
import { nextChange, type DossierRow } from './server-db.ts';

interface DeclaredResult {
  GiayToId: string;
  TenGiayTo: string;
  MaThanhPhanHoSo?: string;
  MaGiayToKetQua?: string;
  KichThuoc: number;
  MaBam: string;
}

/** Named as DVCQG's progress record (CapNhatTienDoHoSoMC): TrangThai, ThoiDiemXuLy. */
interface StatusUpdateBody {
  TrangThai: string;
  ThoiDiemXuLy: string;
  NoiDungXuLy?: string;
  NguoiXuLy?: string;
  DanhSachGiayToKetQua?: DeclaredResult[];
}

interface UploadRow {
  dossier_id: string;
  doc_id: string;
  name: string;
  code: string | null;
  size: number;
  sha256: string;
  complete: number;
}

/**
 * `POST /dossiers/{id}/status` of the reference server: a counter's status change, applied once per
 * Idempotency-Key. Result documents it declares are uploaded with `PATCH /dossiers/{id}/results/{GiayToId}`
 * (resumable, SHA-256 checked); until all are complete the update waits (202), and the repeated POST
 * applies it. A document whose bytes the province already holds for that dossier counts as complete.
 */
export class StatusUpdates {
  constructor(
    private readonly db: Database.Database,
    private readonly contract: OpenApiValidator,
    private readonly dataDir: string,
    private readonly now: () => Date,
  ) {}

  private partPath(dossierId: string, docId: string): string {
    return join(this.dataDir, 'uploads', dossierId, 'results', `${docId}.part`);
  }

  private dossier(clientId: string, id: string): DossierRow | undefined {
    const d = this.db.prepare('SELECT * FROM dossiers WHERE id = ?').get(id) as DossierRow | undefined;
    return d && d.client_id === clientId ? d : undefined;
  }

  private upload(dossierId: string, docId: string): UploadRow | undefined {
    return this.db.prepare('SELECT * FROM result_uploads WHERE dossier_id = ? AND doc_id = ?').get(dossierId, docId) as UploadRow | undefined;
  }

  private held(dossierId: string, r: DeclaredResult): boolean {
    return !!this.db.prepare('SELECT 1 FROM results WHERE dossier_id = ? AND (doc_id = ? OR sha256 = ?)').get(dossierId, r.GiayToId, r.MaBam);
  }

  private fileState(dossierId: string, r: DeclaredResult) {
    const u = this.upload(dossierId, r.GiayToId);
    const complete = this.held(dossierId, r) || u?.complete === 1;
    const p = this.partPath(dossierId, r.GiayToId);
    const offset = complete ? r.KichThuoc : existsSync(p) ? statSync(p).size : 0;
    return { TepDinhKemId: r.GiayToId, offset, KichThuoc: r.KichThuoc, complete };
  }

  post(clientId: string, dossierId: string, key: string | undefined, body: Buffer): Reply {
    if (!key || this.contract.check('Uuid', key).length) return err(400, 'IDEMPOTENCY_KEY_REQUIRED', 'Thiếu hoặc sai Idempotency-Key (UUID của lần cập nhật).');
    let input: StatusUpdateBody;
    try {
      input = JSON.parse(body.toString('utf8')) as StatusUpdateBody;
    } catch {
      return err(400, 'INVALID_JSON', 'Dữ liệu không phải JSON hợp lệ.');
    }
    const problems = this.contract.check('CapNhatTrangThai', input);
    if (problems.length) return err(422, 'INVALID_STATUS_UPDATE', `Cập nhật trạng thái không hợp lệ: ${problems.slice(0, 5).join('; ')}`, problems);
    const ids = (input.DanhSachGiayToKetQua ?? []).map((r) => r.GiayToId);
    if (new Set(ids).size !== ids.length) return err(422, 'DUPLICATE_RESULT_ID', 'Trùng mã giấy tờ kết quả (GiayToId).');
    return this.db.transaction((): Reply => {
      const d = this.dossier(clientId, dossierId);
      if (!d) return err(404, 'NOT_FOUND', 'Không tìm thấy hồ sơ.');
      if (!d.committed) return err(409, 'DOSSIER_NOT_COMMITTED', 'Hồ sơ chưa được tiếp nhận xong trên hệ thống tỉnh; gửi lại sau.');
      const existing = this.db.prepare('SELECT * FROM status_updates WHERE key = ?').get(key) as
        | { dossier_id: string; client_id: string; payload: string; applied: number }
        | undefined;
      if (existing && (existing.dossier_id !== dossierId || existing.client_id !== clientId)) {
        return err(422, 'KEY_OF_OTHER_DOSSIER', 'Mã cập nhật đã được dùng cho hồ sơ khác.');
      }
      // A repeat of a known key replays the first request, whatever this body says.
      const update = existing ? (JSON.parse(existing.payload) as StatusUpdateBody) : input;
      const declared = update.DanhSachGiayToKetQua ?? [];
      if (!existing) {
        const current = Number(d.status);
        if (TERMINAL_STATUSES.has(current) && String(current) !== update.TrangThai) {
          return err(422, 'STATUS_CONFLICT', `Hồ sơ đã ở trạng thái kết thúc (${current}); không thể chuyển sang ${update.TrangThai}.`);
        }
        this.db.prepare('INSERT INTO status_updates (key, dossier_id, client_id, payload) VALUES (?, ?, ?, ?)').run(key, dossierId, clientId, JSON.stringify(update));
        for (const r of declared) this.declare(dossierId, r);
      }
      this.db.prepare('UPDATE status_updates SET posts = posts + 1 WHERE key = ?').run(key);
      let applied = existing?.applied === 1;
      const pending = () => declared.map((r) => this.fileState(dossierId, r));
      if (!applied && pending().every((f) => f.complete)) {
        this.apply(dossierId, update);
        this.db.prepare('UPDATE status_updates SET applied = 1 WHERE key = ?').run(key);
        applied = true;
      }
      const after = this.db.prepare('SELECT * FROM dossiers WHERE id = ?').get(dossierId) as DossierRow;
      return {
        status: applied ? 200 : 202,
        body: { id: key, applied, ...(after.ma_ho_so ? { MaHoSo: after.ma_ho_so } : {}), TrangThaiHoSo: after.status, files: pending() },
      };
    })();
  }

  /** Records a declared result document; a changed declaration under the same id starts its bytes over. */
  private declare(dossierId: string, r: DeclaredResult): void {
    if (this.held(dossierId, r)) return;
    const prev = this.upload(dossierId, r.GiayToId);
    if (prev && prev.sha256 === r.MaBam && prev.size === r.KichThuoc) return;
    rmSync(this.partPath(dossierId, r.GiayToId), { force: true });
    this.db
      .prepare('INSERT OR REPLACE INTO result_uploads (dossier_id, doc_id, name, code, size, sha256, complete) VALUES (?, ?, ?, ?, ?, ?, 0)')
      .run(dossierId, r.GiayToId, r.TenGiayTo, r.MaGiayToKetQua ?? null, r.KichThuoc, r.MaBam);
  }

  /** Inside the caller's transaction: the new status, one progress record, and the results published. */
  private apply(dossierId: string, u: StatusUpdateBody): void {
    const label = DOSSIER_STATUSES[Number(u.TrangThai) as keyof typeof DOSSIER_STATUSES].vi;
    this.db.prepare('UPDATE dossiers SET status = ?, change_seq = ? WHERE id = ?').run(u.TrangThai, nextChange(this.db), dossierId);
    this.db
      .prepare('INSERT INTO progress (dossier_id, status, at, note, by_whom) VALUES (?, ?, ?, ?, ?)')
      .run(dossierId, u.TrangThai, u.ThoiDiemXuLy, u.NoiDungXuLy ?? label, u.NguoiXuLy ?? 'Cán bộ một cửa');
    for (const r of u.DanhSachGiayToKetQua ?? []) {
      if (this.held(dossierId, r)) continue;
      const path = this.partPath(dossierId, r.GiayToId);
      this.db
        .prepare('INSERT INTO results (dossier_id, doc_id, name, code, sha256, bytes) VALUES (?, ?, ?, ?, ?, ?)')
        .run(dossierId, r.GiayToId, r.TenGiayTo, r.MaGiayToKetQua ?? null, r.MaBam, readFileSync(path));
      this.db.prepare('DELETE FROM result_uploads WHERE dossier_id = ? AND doc_id = ?').run(dossierId, r.GiayToId);
      rmSync(path, { force: true });
    }
  }

  /** The PATCH target of a declared result document, or undefined (404). */
  resultTarget(clientId: string, dossierId: string, docId: string): UploadTarget | undefined {
    if (!this.dossier(clientId, dossierId)) return undefined;
    const u = this.upload(dossierId, docId);
    const published = this.db.prepare('SELECT length(bytes) AS size, sha256 FROM results WHERE dossier_id = ? AND doc_id = ?').get(dossierId, docId) as
      | { size: number; sha256: string }
      | undefined;
    if (!u && !published) return undefined;
    const decl: DeclaredResult = u
      ? { GiayToId: docId, TenGiayTo: u.name, KichThuoc: u.size, MaBam: u.sha256 }
      : { GiayToId: docId, TenGiayTo: '', KichThuoc: published!.size, MaBam: published!.sha256 };
    return {
      busyKey: `${dossierId}/results/${docId}`,
      path: this.partPath(dossierId, docId),
      size: decl.KichThuoc,
      sha256: decl.MaBam,
      complete: !u || u.complete === 1,
      markComplete: () => this.db.prepare('UPDATE result_uploads SET complete = 1 WHERE dossier_id = ? AND doc_id = ?').run(dossierId, docId),
      state: () => this.fileState(dossierId, decl),
    };
  }

  /** For the admin view: how often each update was posted, and whether it applied. */
  forDossier(dossierId: string): Array<{ key: string; TrangThaiHoSo: string; applied: boolean; posts: number }> {
    return (this.db.prepare('SELECT key, payload, applied, posts FROM status_updates WHERE dossier_id = ? ORDER BY rowid').all(dossierId) as Array<{
      key: string;
      payload: string;
      applied: number;
      posts: number;
    }>).map((r) => ({ key: r.key, TrangThaiHoSo: (JSON.parse(r.payload) as StatusUpdateBody).TrangThai, applied: r.applied === 1, posts: r.posts }));
  }
}
