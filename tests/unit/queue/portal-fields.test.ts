import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { portalFields, type PortalProcedure } from '../../../src-main/features/queue/store-source.ts';
import { OpenApiValidator } from '../../../src-main/reference-server/openapi-validator.ts';
import { isAgencyCode } from '../../../src-main/domain/codes/dossier-code.ts';
import type { Dossier } from '../../../src-main/contract/dossiers.ts';

const FIXTURE = JSON.parse(readFileSync(join(import.meta.dirname, '../../../fixtures/portal/dongbohoso-counter-intake.json'), 'utf8')) as Record<'withId' | 'withoutId', Record<string, unknown>>;

/** A fixed dossier as the store holds it (Vietnam 09:30 on 04/12/2026 = 02:30Z). */
function dossier(over: Partial<Dossier> = {}): Dossier {
  return {
    id: '6f1c2b1e-8d0a-4c55-9a1e-2b7f3c9d0e11',
    provisionalCode: 'H56.14-261204-T01-0007',
    officialCode: null,
    agencyCode: 'H56.14',
    counterId: '01',
    procedureCode: '1.001612',
    procedureName: 'Đăng ký khai sinh',
    channel: 'direct',
    applicant: { identity: { kind: 'chip', idNumber: '001090012345', fullName: 'Nguyễn Văn An', warnings: [] }, trust: 'verified', phone: '0912345678' },
    owner: null,
    summary: 'Đăng ký khai sinh cho con',
    status: 2,
    receivedAt: '2026-12-04T02:30:00.000Z',
    dueAt: '2026-12-07T02:30:00.000Z',
    acceptedBy: 'canbo01',
    provinceConfirmedAt: null,
    components: [{ id: 'c1', code: 'TK', name: 'Tờ khai', required: true, copies: 1, pages: [{ pageNo: 1, sha256: 'a'.repeat(64), size: 1000, mime: 'application/pdf' }] }],
    statusHistory: [],
    forms: [],
    ...over,
  } as Dossier;
}

const PROCEDURE: PortalProcedure = { field: { code: 'HT', name: 'Hộ tịch' }, fees: [{ code: 'LP01', name: 'Lệ phí đăng ký khai sinh', amountVnd: 8000 }] };

describe('the dossier body sent to the province (DongBoHoSoMC names)', () => {
  it('is exactly the JSON of the fixture written from the published field list, field and fees included', () => {
    expect(portalFields(dossier(), 'UBND xã An Bình', PROCEDURE)).toEqual(FIXTURE.withId);
  });

  it('sends no holder-ID list when the holder has no ID number (never an empty list)', () => {
    const d = dossier({
      provisionalCode: 'H56.14-261204-T01-0008',
      applicant: { identity: { kind: 'manual', fullName: 'Nguyễn Văn An', warnings: [] }, trust: 'manual' },
      summary: '',
      dueAt: null,
      components: [],
    });
    const fields = portalFields(d);
    expect(fields).toEqual(FIXTURE.withoutId);
    expect(fields).not.toHaveProperty('DinhDanhCHS');
  });

  it('the body and an official code with a QĐ 20/2020 agency code (H56.14) pass the contract the reference server enforces', () => {
    const contract = new OpenApiValidator();
    expect(contract.check('HoSo', { ...portalFields(dossier(), 'UBND xã An Bình', PROCEDURE), MaHoSo: 'H56.14-261204-0001', TaiLieuNop: [] })).toEqual([]);
    expect(contract.check('HoSo', { ...FIXTURE.withoutId, DanhSachLePhi: [{ TenPhiLePhi: 'x', Gia: '8000' }], TaiLieuNop: [] }).length).toBeGreaterThan(0);
    expect(contract.check('HoSo', { ...FIXTURE.withoutId, TaiLieuNop: [] })).toEqual([]);
  });

  it('the contract the reference server enforces refuses a field the portal does not have', () => {
    const contract = new OpenApiValidator();
    expect(contract.check('HoSo', { ...FIXTURE.withoutId, TaiLieuNop: [] })).toEqual([]);
    expect(contract.check('HoSo', { ...FIXTURE.withoutId, NgayCapNhat: '20261204093000', TaiLieuNop: [] }).length).toBeGreaterThan(0);
  });

  it('a status update uses the portal progress names TrangThai / ThoiDiemXuLy; the old names are refused', () => {
    const contract = new OpenApiValidator();
    expect(contract.check('CapNhatTrangThai', { TrangThai: '10', ThoiDiemXuLy: '20261204093000', NguoiXuLy: 'Cán bộ một cửa' })).toEqual([]);
    expect(contract.check('CapNhatTrangThai', { TrangThaiHoSo: '10', NgayCapNhat: '20261204093000' }).length).toBeGreaterThan(0);
  });

  it('store, contract and server agree on which agency codes are valid (property)', () => {
    const contract = new OpenApiValidator();
    const part = fc.stringMatching(/^[0-9A-Z]{1,8}$/);
    const code = fc.oneof(
      fc.tuple(fc.stringMatching(/^\d{3}$/), fc.stringMatching(/^\d{2}$/), fc.stringMatching(/^\d{2}$/), fc.stringMatching(/^[A-Z]\d{2}$/)).map((p) => p.join('.')),
      fc.tuple(fc.stringMatching(/^[A-Z]\d{2}$/), fc.array(part, { maxLength: 6 })).map(([h, rest]) => [h, ...rest].join('.')),
      fc.string({ maxLength: 20 }),
    );
    fc.assert(
      fc.property(code, (c) => {
        const body = { ...FIXTURE.withoutId, MaDonVi: c, TaiLieuNop: [] };
        const accepted = contract.check('HoSo', body).length === 0;
        expect(accepted).toBe(isAgencyCode(c));
      }),
    );
  });
});
