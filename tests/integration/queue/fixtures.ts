import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { OutgoingDossier } from '../../../src-main/features/queue/adapter.ts';
import { toPortalDate } from '../../../src-main/domain/dossier/portal-date.ts';

export const AGENCY = '000.00.31.H42';

/** National-portal fields of a plausible counter intake (fictitious person, random ID number). */
export function portalFields(provisional: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const at = new Date();
  const idNumber = String(Math.floor(Math.random() * 1e12)).padStart(12, '0');
  return {
    MaDonVi: AGENCY,
    SoBienNhan: provisional,
    MaTTHC: '1.001612',
    TenTTHC: 'Đăng ký khai sinh',
    MaLinhVuc: 'HT',
    TenLinhVuc: 'Hộ tịch',
    ChuHoSo: 'NGUYỄN VĂN AN',
    LoaiDoiTuong: '1',
    SoGiayToChuHoSo: idNumber,
    DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: idNumber }],
    KenhThucHien: '1',
    NgayNopHoSo: toPortalDate(at),
    NgayTiepNhan: toPortalDate(at),
    NgayHenTra: toPortalDate(new Date(at.getTime() + 3 * 86_400_000)),
    TrangThaiHoSo: '2',
    HoSoCoThanhPhanSoHoa: '1',
    TrichYeuHoSo: 'Đăng ký khai sinh cho con',
    DonViXuLy: 'UBND xã An Bình',
    ...overrides,
  };
}

/** A dossier held in memory, with random file bytes of the given sizes. */
export function memoryDossier(sizes: number[], overrides: Record<string, unknown> = {}): OutgoingDossier & { bytes: Buffer[] } {
  const id = randomUUID();
  const bytes = sizes.map((n) => randomBytes(n));
  return {
    id,
    fields: portalFields(`QUAY01-${id.slice(0, 8)}`, overrides),
    bytes,
    files: bytes.map((b, i) => ({
      id: `tep-${i + 1}`,
      name: `trang-${i + 1}.pdf`,
      componentCode: 'TK-KS',
      mime: 'application/pdf',
      size: b.length,
      sha256: createHash('sha256').update(b).digest('hex'),
      read: async (offset: number, length: number) => b.subarray(offset, offset + length),
    })),
  };
}

export async function admin<T>(serverUrl: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${serverUrl}${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export interface ServerDossier {
  id: string;
  SoBienNhan: string;
  MaHoSo: string | null;
  committed: boolean;
  TrangThaiHoSo: string;
  upserts: number;
  commits: number;
  files: Array<{ id: string; size: number; sha256: string; complete: boolean; storedSha256: string | null }>;
  /** TrangThai of every progress record, in order. */
  TienDo: string[];
  statusUpdates: Array<{ key: string; TrangThaiHoSo: string; applied: boolean; posts: number }>;
  results: Array<{ id: string; name: string; sha256: string; storedSha256: string }>;
}
