import type Database from 'better-sqlite3';
import { RESULT_COMPONENT_CODE } from '../../contract/dossier-view.ts';
import type { Dossier, Party } from '../../contract/dossiers.ts';
import type { Procedure } from '../../contract/procedures.ts';
import type { Store } from '../../store/store.ts';
import { StoreErrors } from '../../store/store-errors.ts';
import { DeliveryError, type OutgoingDossier, type OutgoingFile, type OutgoingStatus, type RemoteState } from './adapter.ts';
import { toPortalDate } from '../../domain/dossier/portal-date.ts';
import { mergeHistory } from './history-merge.ts';
import type { DossierSource } from './dossier-source.ts';
import { Outbox } from './outbox.ts';
import { StatusOutbox, type StatusEntry, type StatusResultRef } from './status-outbox.ts';

const CHANNEL = { direct: '1', online: '2', postal: '3' } as const;

/** The field (lĩnh vực) and fees of the dossier's procedure, from the catalogue. */
export type PortalProcedure = Pick<Procedure, 'field' | 'fees'>;

/** DongBoHoSoMC's fee list: TenPhiLePhi, MaPhiLePhi, Gia (HinhThucThu, LoaiPhiLePhi: meanings not published, not sent). */
function feeList(p: PortalProcedure | undefined): Record<string, unknown> {
  if (!p || p.fees.length === 0) return {};
  return { DanhSachLePhi: p.fees.map((f) => ({ TenPhiLePhi: f.name, ...(f.code ? { MaPhiLePhi: f.code } : {}), Gia: f.amountVnd })) };
}

/** The national-portal fields (DVCQG DongBoHoSoMC names) of a stored dossier. */
export function portalFields(d: Dossier, agencyName = '', procedure?: PortalProcedure): Record<string, unknown> {
  const holder: Party = d.owner ?? d.applicant;
  const idNumber = holder.identity.idNumber ?? '';
  const pages = d.components.some((c) => c.pages.length > 0);
  return {
    MaDonVi: d.agencyCode,
    SoBienNhan: d.provisionalCode ?? d.id,
    ...(d.officialCode ? { MaHoSo: d.officialCode } : {}),
    MaTTHC: d.procedureCode,
    TenTTHC: d.procedureName,
    ...(procedure?.field.code ? { MaLinhVuc: procedure.field.code } : {}),
    ...(procedure?.field.name ? { TenLinhVuc: procedure.field.name } : {}),
    ChuHoSo: holder.identity.fullName ?? '',
    LoaiDoiTuong: '1',
    ...(idNumber ? { SoGiayToChuHoSo: idNumber } : {}),
    // The holder's identifiers, or no list at all: the portal reads an empty list as "no holder".
    ...(/^\d{12}$/.test(idNumber) ? { DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: idNumber }] } : /^\d{9}$/.test(idNumber) ? { DinhDanhCHS: [{ LoaiDinhDanh: '2', SoDinhDanh: idNumber }] } : {}),
    ...(holder.phone ? { SoDienThoai: holder.phone } : {}),
    ...(holder.email ? { Email: holder.email } : {}),
    TrichYeuHoSo: d.summary.slice(0, 1000),
    KenhThucHien: CHANNEL[d.channel],
    NgayNopHoSo: toPortalDate(new Date(d.receivedAt)),
    NgayTiepNhan: toPortalDate(new Date(d.receivedAt)),
    ...(d.dueAt ? { NgayHenTra: toPortalDate(new Date(d.dueAt)) } : {}),
    TrangThaiHoSo: String(d.status),
    HinhThuc: '0',
    ...(agencyName ? { DonViXuLy: agencyName } : {}),
    // The place of submission: the portal does not publish its values; systems that sync with it send
    // "2" for every dossier taken in at a one-stop counter, so the province reads ours the same way.
    NoiNopHoSo: COUNTER_SUBMISSION,
    HoSoCoThanhPhanSoHoa: pages ? '1' : '0',
    TaiKhoanDuocXacThucVoiVNeID: '0',
    DuocThanhToanTrucTuyen: '0',
    ...feeList(procedure),
  };
}

const COUNTER_SUBMISSION = '2';

/** Statuses whose update carries the result documents filed with the dossier. */
const RESULT_STATUSES: ReadonlySet<number> = new Set([9, 10]);

const isResult = (c: Dossier['components'][number]) => c.code === RESULT_COMPONENT_CODE;

/** The result documents (component KQ) of a dossier, as the province will know them. */
export function resultRefs(d: Dossier): StatusResultRef[] {
  return d.components.filter(isResult).flatMap((c) =>
    c.pages.map((p) => ({ id: `kq-${c.id}-${p.pageNo}`, name: `${c.name}.pdf`, componentCode: c.code, mime: p.mime, size: p.size, sha256: p.sha256 })),
  );
}

export function dossierBytes(d: Dossier): number {
  return d.components.reduce((n, c) => n + c.pages.reduce((m, p) => m + p.size, 0), 0);
}

/**
 * The real store as the uploader's source. Blobs are encrypted whole (AES-GCM), so a file is
 * decrypted once and kept while its chunks are read.
 */
export class StoreSource implements DossierSource {
  private cached: { sha256: string; bytes: Buffer } | undefined;
  /** >0 while applying what the province said: those changes must not be sent back (echo). */
  private fromProvince = 0;

  constructor(
    private readonly store: Store,
    private readonly agencyName: () => string = () => '',
  ) {}

  /**
   * Registers the accept hook (the dossier's outbox row) and the change hook (one status entry per
   * local status change), both writing inside the store's own transaction.
   */
  attach(): () => void {
    const offAccept = this.store.dossiers.onAccept((tx: Database.Database, d: Dossier) => Outbox.enqueueIn(tx, d.id, dossierBytes(d)));
    const offChange = this.store.dossiers.onChange((tx, d, change) => {
      if (change.kind !== 'status' || this.fromProvince > 0) return;
      const entry = [...d.statusHistory].reverse().find((h) => h.status === change.to);
      StatusOutbox.enqueueIn(tx, {
        dossierId: d.id,
        fromStatus: change.from,
        toStatus: change.to,
        changedAt: entry?.at ?? new Date().toISOString(),
        changedBy: entry?.by,
        note: entry?.note,
        results: RESULT_STATUSES.has(change.to) ? resultRefs(d) : [],
      });
    });
    return () => {
      offAccept();
      offChange();
    };
  }

  /** Runs a write that comes from the province, so the change hook does not queue it back. */
  private asProvince(fn: () => void): void {
    this.fromProvince++;
    try {
      fn();
    } finally {
      this.fromProvince--;
    }
  }

  /** A procedure no longer in the catalogue still syncs, without its field and fees. */
  private procedureOf(code: string): PortalProcedure | undefined {
    try {
      return this.store.procedures.get(code);
    } catch {
      return undefined;
    }
  }

  outgoing(dossierId: string): OutgoingDossier | undefined {
    const d = this.store.dossiers.find(dossierId);
    if (!d) return undefined;
    // Result documents (KQ) are not submitted documents: they travel with the status update.
    const files: OutgoingFile[] = d.components.filter((c) => !isResult(c)).flatMap((c, i) =>
      c.pages.map((p) => ({
        id: `tp${i + 1}-trang${p.pageNo}`,
        name: `${c.name} - trang ${p.pageNo}`,
        componentCode: c.code,
        mime: p.mime,
        size: p.size,
        sha256: p.sha256,
        read: async (offset: number, length: number) => this.blob(p.sha256).subarray(offset, offset + length),
      })),
    );
    return { id: d.id, fields: portalFields(d, this.agencyName(), this.procedureOf(d.procedureCode)), files };
  }

  outgoingStatus(entry: StatusEntry): OutgoingStatus | undefined {
    if (entry.results.some((r) => !this.store.blobs.has(r.sha256))) return undefined;
    return {
      dossierId: entry.dossierId,
      idempotencyKey: entry.idempotencyKey,
      status: entry.toStatus,
      changedAt: new Date(entry.changedAt),
      ...(entry.note ? { note: entry.note } : {}),
      ...(entry.changedBy ? { by: entry.changedBy } : {}),
      results: entry.results.map((r) => ({ ...r, read: async (offset: number, length: number) => this.blob(r.sha256).subarray(offset, offset + length) })),
    };
  }

  /** A stored file that is damaged or gone can never be sent as it is: a permanent, local refusal. */
  private blob(sha256: string): Buffer {
    if (this.cached?.sha256 !== sha256) {
      try {
        this.cached = { sha256, bytes: this.store.blobs.get(sha256) };
      } catch (err) {
        if (StoreErrors.is(err, 'BLOB_CORRUPT')) throw new DeliveryError('permanent', 'LOCAL_BLOB_DAMAGED', `Tệp quét ${sha256.slice(0, 12)}… bị hỏng hoặc bị sửa đổi trên máy này.`);
        if (StoreErrors.is(err, 'BLOB_NOT_FOUND')) throw new DeliveryError('permanent', 'LOCAL_BLOB_MISSING', `Tệp quét ${sha256.slice(0, 12)}… không còn trên máy này.`);
        throw err;
      }
    }
    return this.cached.bytes;
  }

  officialCodeIssued(dossierId: string, code: string): void {
    this.asProvince(() => this.store.dossiers.setOfficialCode(dossierId, code));
  }

  provinceConfirmed(dossierId: string, at: Date): void {
    const d = this.store.dossiers.find(dossierId);
    if (d && !d.provinceConfirmedAt) this.store.dossiers.markProvinceConfirmed(dossierId, at);
  }

  /** Merges the province's progress into the local history (see history-merge.ts). */
  remoteState(state: RemoteState): void {
    this.asProvince(() => this.foldRemote(state));
  }

  private foldRemote(state: RemoteState): void {
    const d = this.store.dossiers.find(state.dossierId);
    if (!d) return;
    if (state.officialCode && d.officialCode !== state.officialCode) this.store.dossiers.setOfficialCode(d.id, state.officialCode);
    const merged = mergeHistory(d.statusHistory, state.progress);
    if (merged) this.store.dossiers.replaceHistory(d.id, merged);
  }

}
