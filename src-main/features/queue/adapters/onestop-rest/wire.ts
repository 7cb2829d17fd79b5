import { z } from 'zod';

/** The server's answers as openapi.yaml defines them; parsed so a drifting server fails loudly. */
export const FileState = z.object({
  TepDinhKemId: z.string(),
  offset: z.number().int().min(0),
  KichThuoc: z.number().int().min(0),
  complete: z.boolean(),
});
export type FileState = z.infer<typeof FileState>;

export const UpsertResult = z.object({
  id: z.string(),
  committed: z.boolean(),
  MaHoSo: z.string().optional(),
  files: z.array(FileState),
});

export const OffsetConflict = z.object({ error_code: z.string(), message: z.string(), offset: z.number().int().min(0) });

export const StatusUpdateResult = z.object({
  id: z.string(),
  applied: z.boolean(),
  MaHoSo: z.string().optional(),
  TrangThaiHoSo: z.string(),
  files: z.array(FileState),
});

export const CommitResult = z.object({ id: z.string(), MaHoSo: z.string(), TrangThaiHoSo: z.string(), NgayTiepNhan: z.string() });

export const DossierState = z.object({
  id: z.string(),
  committed: z.boolean(),
  MaHoSo: z.string().optional(),
  TrangThaiHoSo: z.string(),
  TienDo: z.array(z.object({ TrangThai: z.string(), ThoiDiemXuLy: z.string(), NoiDungXuLy: z.string(), NguoiXuLy: z.string().optional() })),
  TaiLieuNop: z.array(FileState),
  DanhSachGiayToKetQua: z.array(
    z.object({ GiayToId: z.string(), TenGiayTo: z.string(), MaGiayToKetQua: z.string().optional(), KichThuoc: z.number(), MaBam: z.string() }),
  ),
});
export type DossierState = z.infer<typeof DossierState>;

export const Changes = z.object({ cursor: z.number().int().min(0), items: z.array(DossierState) });

export const TokenResponse = z.object({ access_token: z.string(), token_type: z.string(), expires_in: z.number() });

export const ServerError = z.object({ error_code: z.string(), message: z.string() });
