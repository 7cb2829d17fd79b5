import { describe, expect, it } from 'vitest';
import { Dossier } from '../../../src-main/contract/dossiers.ts';
import { Procedure } from '../../../src-main/contract/procedures.ts';
import { toReportRecord } from '../../../src-main/domain/reports/from-dossier.ts';

const copies = (n: number) => [{ channel: 'direct' as const, originals: n, certifiedCopies: 0, photocopies: 0 }];
const procedure = Procedure.parse({
  code: '1.001193',
  name: 'Đăng ký khai sinh',
  field: { code: 'HT', name: 'Hộ tịch' },
  processingTime: { value: 1, unit: 'working-days' },
  fees: [{ name: 'Lệ phí', amountVnd: 8000 }, { name: 'Bản sao', amountVnd: 3000 }],
  components: [
    { code: 'TK', name: 'Tờ khai đăng ký khai sinh', copies: copies(1) },
    { name: 'Giấy chứng sinh', copies: copies(1) },
    { name: 'Giấy tờ tùy chọn', optional: true, copies: copies(1) },
    { name: 'Chỉ xuất trình', copies: copies(0) },
  ],
});
const page = { pageNo: 1, sha256: 'a'.repeat(64), size: 10, mime: 'application/pdf' };
const dossier = Dossier.parse({
  id: 'd1', provisionalCode: 'X-260302-T01-0001', officialCode: null, agencyCode: 'X', counterId: '01',
  procedureCode: '1.001193', procedureName: 'Đăng ký khai sinh', channel: 'direct',
  applicant: { identity: { kind: 'manual', fullName: 'A' }, trust: 'manual' }, owner: null, summary: '', status: 10,
  receivedAt: '2026-03-02T08:00:00+07:00', dueAt: '2026-03-03T08:00:00+07:00', acceptedBy: null, provinceConfirmedAt: null,
  components: [
    { id: 'c1', code: 'TK', name: 'Tờ khai (tên khác)', pages: [page] },
    { id: 'c2', code: 'component-1', name: 'Giấy chứng sinh', pages: [] },
    { id: 'c3', code: 'component-2', name: 'Giấy tờ tùy chọn', pages: [page] },
    { id: 'c4', code: 'KQ', name: 'Kết quả giải quyết thủ tục hành chính', pages: [page] },
  ],
  statusHistory: [
    { status: 2, at: '2026-03-02T08:00:00+07:00' },
    { status: 4, at: '2026-03-02T09:00:00+07:00' },
    { status: 9, at: '2026-03-03T07:00:00+07:00' },
    { status: 10, at: '2026-03-04T10:00:00+07:00' },
  ],
  forms: [
    { form: 'Mẫu 01', sha256: 'b'.repeat(64), issuedAt: '2026-03-02T08:00:00+07:00' },
    { form: 'Mẫu 01', sha256: 'c'.repeat(64), issuedAt: '2026-03-02T08:05:00+07:00' },
    { form: '02', sha256: 'd'.repeat(64), issuedAt: '2026-03-02T08:06:00+07:00' },
  ],
});

describe('toReportRecord', () => {
  const facts = { vietQrEnabled: true, waitSeconds: null, handleSeconds: 60 };

  it('counts required components that ask for paper, matched by code or else by name', () => {
    const r = toReportRecord(dossier, procedure, facts);
    expect([r.requiredComponents, r.digitizedRequired, r.digitizedComponents]).toEqual([2, 1, 2]);
  });

  it('counts the returned result (KQ) as a digitized result, not as a received component', () => {
    const r = toReportRecord(dossier, procedure, facts);
    expect(r.resultDigitized).toBe(true);
    expect(toReportRecord({ ...dossier, components: dossier.components.filter((c) => c.code !== 'KQ') }, procedure, facts).resultDigitized).toBe(false);
  });

  it('marks a fee as shown with VietQR only when payment by QR is on and a receipt was issued', () => {
    expect(toReportRecord(dossier, procedure, facts).feeQrShown).toBe(true);
    expect(toReportRecord(dossier, procedure, { ...facts, vietQrEnabled: false }).feeQrShown).toBe(false);
    expect(toReportRecord({ ...dossier, forms: dossier.forms.filter((f) => f.form === '02') }, procedure, facts).feeQrShown).toBe(false);
  });

  it('takes resolution and return times from the history, fees from the catalogue, forms once each', () => {
    const r = toReportRecord(dossier, procedure, facts);
    expect(r).toMatchObject({ resolvedAt: '2026-03-03T07:00:00+07:00', returnedAt: '2026-03-04T10:00:00+07:00', feeVnd: 11_000, formsIssued: ['01', '02'], fieldCode: 'HT', code: 'X-260302-T01-0001' });
  });

  it('uses the return as resolution when 9 was skipped, and survives a procedure missing from the catalogue', () => {
    const skipped = { ...dossier, statusHistory: dossier.statusHistory.filter((s) => s.status !== 9) };
    const r = toReportRecord(skipped, undefined, facts);
    expect(r).toMatchObject({ resolvedAt: '2026-03-04T10:00:00+07:00', requiredComponents: 0, feeVnd: 0, fieldName: 'Chưa rõ lĩnh vực' });
  });
});
