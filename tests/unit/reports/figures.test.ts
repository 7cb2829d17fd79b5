import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ReportRecord } from '../../../src-main/contract/reports.ts';
import { computeReport } from '../../../src-main/domain/reports/figures.ts';

const base: Omit<ReportRecord, 'id' | 'receivedAt'> = {
  code: '',
  counterId: '01',
  procedureCode: '1.001',
  procedureName: 'Đăng ký khai sinh',
  fieldCode: 'HT',
  fieldName: 'Hộ tịch',
  channel: 'direct',
  dueAt: null,
  resolvedAt: null,
  returnedAt: null,
  requiredComponents: 0,
  digitizedRequired: 0,
  digitizedComponents: 0,
  resultDigitized: false,
  feeVnd: 0,
  feeQrShown: false,
  formsIssued: ['01'],
  waitSeconds: null,
  handleSeconds: null,
};
const rec = (r: Partial<ReportRecord> & Pick<ReportRecord, 'id' | 'receivedAt'>): ReportRecord => ({ ...base, code: r.id, ...r });
const CT = { procedureCode: '2.002', procedureName: 'Chứng thực bản sao', fieldCode: 'CT', fieldName: 'Chứng thực' };

// Seven dossiers whose figures were worked out by hand (see the expectations below).
const records: ReportRecord[] = [
  rec({ id: 'A', receivedAt: '2026-03-02T08:10:00+07:00', dueAt: '2026-03-04T16:00:00+07:00', resolvedAt: '2026-03-03T10:00:00+07:00', returnedAt: '2026-03-05T09:00:00+07:00', requiredComponents: 2, digitizedRequired: 2, digitizedComponents: 2, resultDigitized: true, waitSeconds: 300, handleSeconds: 600 }),
  rec({ id: 'B', receivedAt: '2026-03-02T09:00:00+07:00', channel: 'online', dueAt: '2026-03-06T16:00:00+07:00', resolvedAt: '2026-03-06T15:00:00+07:00', returnedAt: '2026-03-09T08:00:00+07:00', requiredComponents: 2, digitizedRequired: 1, digitizedComponents: 1, feeVnd: 8000, feeQrShown: true }),
  rec({ id: 'C', receivedAt: '2026-03-10T14:00:00+07:00', ...CT, dueAt: '2026-03-10T17:00:00+07:00', resolvedAt: '2026-03-11T08:30:00+07:00', digitizedComponents: 1, feeVnd: 20000, formsIssued: ['01', '02'], waitSeconds: 600, handleSeconds: 300 }),
  // Received before the period, resolved and returned inside it.
  rec({ id: 'D', receivedAt: '2026-02-27T10:00:00+07:00', dueAt: '2026-03-03T16:00:00+07:00', resolvedAt: '2026-03-04T09:00:00+07:00', returnedAt: '2026-03-04T10:00:00+07:00', requiredComponents: 1, digitizedRequired: 1, digitizedComponents: 1, resultDigitized: true, waitSeconds: 120, handleSeconds: 240 }),
  // 31/03 in UTC but already 01/04 in Vietnam: outside March.
  rec({ id: 'E', receivedAt: '2026-03-31T17:30:00Z', requiredComponents: 1, digitizedRequired: 1, digitizedComponents: 1 }),
  // 28/02 in UTC but 01/03 in Vietnam: inside March.
  rec({ id: 'F', receivedAt: '2026-02-28T17:30:00Z', ...CT, channel: 'postal', resolvedAt: '2026-03-01T01:00:00Z', formsIssued: ['01', '03'], handleSeconds: 900 }),
  rec({ id: 'G', receivedAt: '2026-03-15T08:00:00+07:00', dueAt: '2026-03-20T16:00:00+07:00', requiredComponents: 3, digitizedRequired: 3, digitizedComponents: 3, feeVnd: 50000, feeQrShown: true, waitSeconds: 900, handleSeconds: 1200 }),
];

const lateDays: Record<string, number> = {
  '2026-03-10T17:00:00+07:00|2026-03-11T08:30:00+07:00': 1,
  '2026-03-03T16:00:00+07:00|2026-03-04T09:00:00+07:00': 2,
};
const lookupLateDays = (due: string, resolved: string): number => {
  const n = lateDays[`${due}|${resolved}`];
  if (n === undefined) throw new Error(`unexpected late pair ${due} ${resolved}`);
  return n;
};

describe('report figures (hand-computed)', () => {
  const r = computeReport(records, { from: '2026-03-01', to: '2026-03-31' }, lookupLateDays);

  it('counts what was received in the period by its Vietnam day, grouped three ways', () => {
    expect(r.received).toEqual({ count: 5, ids: ['A', 'B', 'C', 'F', 'G'] });
    expect(r.byProcedure.map((g) => [g.key, g.label, g.count])).toEqual([
      ['1.001', 'Đăng ký khai sinh', 3],
      ['2.002', 'Chứng thực bản sao', 2],
    ]);
    expect(r.byField.map((g) => [g.key, g.count, g.ids])).toEqual([
      ['HT', 3, ['A', 'B', 'G']],
      ['CT', 2, ['C', 'F']],
    ]);
    expect(r.byChannel.map((g) => [g.label, g.count])).toEqual([
      ['Trực tiếp', 3],
      ['Trực tuyến', 1],
      ['Bưu chính công ích', 1],
    ]);
  });

  it('rates full digitization on receipt: every required component, or something when none is listed', () => {
    expect(r.fullyDigitizedOnReceipt).toEqual({ count: 3, of: 5, percent: 60, ids: ['A', 'C', 'G'] });
  });

  it('splits what was resolved in the period into early, on time and late', () => {
    expect(r.resolved.ids).toEqual(['A', 'B', 'C', 'D', 'F']);
    expect(r.resolvedEarly).toMatchObject({ count: 1, of: 5, percent: 20, ids: ['A'] });
    expect(r.resolvedOnTime).toMatchObject({ count: 2, of: 5, percent: 40, ids: ['B', 'F'] });
    expect(r.resolvedLate).toMatchObject({ count: 2, of: 5, percent: 40, ids: ['C', 'D'] });
    expect(r.lateWorkingDays).toBe(3);
  });

  it('rates returns with a digitized result, fees with a VietQR code, and counts forms 02 and 03', () => {
    expect(r.returned.ids).toEqual(['A', 'B', 'D']);
    expect(r.returnedWithDigitizedResult).toMatchObject({ count: 2, of: 3, percent: 66.67, ids: ['A', 'D'] });
    expect(r.feesDue.ids).toEqual(['B', 'C', 'G']);
    expect(r.feesWithVietQr).toMatchObject({ count: 2, of: 3, percent: 66.67 });
    expect(r.feesTotalVnd).toBe(78_000);
    expect(r.supplementFormsIssued.ids).toEqual(['C']);
    expect(r.refusalFormsIssued.ids).toEqual(['F']);
  });

  it('averages waiting and handling over the dossiers where they are known', () => {
    expect(r.averageWaitMinutes).toBe(10);
    expect(r.averageHandleMinutes).toBe(12.5);
  });

  it('buckets months in Vietnam time', () => {
    expect(r.months).toEqual([{ month: '2026-03', received: 5, resolved: 5, onTimePercent: 60 }]);
  });

  it('refuses an impossible period and an unreadable time with coded errors', () => {
    expect(() => computeReport(records, { from: '2026-04-01', to: '2026-03-01' }, lookupLateDays)).toThrow(expect.objectContaining({ code: 'REPORT_INVALID_PERIOD' }));
    expect(() => computeReport(records, { from: '2026-02-30x', to: '2026-03-01' }, lookupLateDays)).toThrow(expect.objectContaining({ code: 'REPORT_INVALID_PERIOD' }));
    expect(() => computeReport([rec({ id: 'X', receivedAt: 'hôm qua' })], { from: '2026-03-01', to: '2026-03-31' }, lookupLateDays)).toThrow(
      expect.objectContaining({ code: 'REPORT_INVALID_TIME' }),
    );
  });
});

describe('report figures (properties)', () => {
  const instant = fc.integer({ min: Date.parse('2025-12-01T00:00:00Z'), max: Date.parse('2026-02-28T00:00:00Z') }).map((t) => new Date(t).toISOString());
  const record = fc
    .record({
      id: fc.uuid(),
      receivedAt: instant,
      dueAt: fc.option(instant, { nil: null }),
      resolvedAt: fc.option(instant, { nil: null }),
      returnedAt: fc.option(instant, { nil: null }),
      channel: fc.constantFrom('direct' as const, 'online' as const, 'postal' as const),
      requiredComponents: fc.integer({ min: 0, max: 5 }),
      digitized: fc.integer({ min: 0, max: 5 }),
      feeVnd: fc.integer({ min: 0, max: 100_000 }),
      feeQrShown: fc.boolean(),
      resultDigitized: fc.boolean(),
    })
    .map((x) =>
      rec({ ...x, digitizedRequired: Math.min(x.digitized, x.requiredComponents), digitizedComponents: x.digitized }),
    );

  it('partitions: groups add up to the received count, timeliness adds up to the resolved count', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), (rows) => {
        const r = computeReport(rows, { from: '2026-01-01', to: '2026-01-31' }, () => 1);
        const sum = (g: { count: number }[]) => g.reduce((s, x) => s + x.count, 0);
        expect(sum(r.byProcedure)).toBe(r.received.count);
        expect(sum(r.byChannel)).toBe(r.received.count);
        expect(r.resolvedEarly.count + r.resolvedOnTime.count + r.resolvedLate.count).toBe(r.resolved.count);
        expect(r.fullyDigitizedOnReceipt.count).toBeLessThanOrEqual(r.received.count);
        expect(r.lateWorkingDays).toBe(r.resolvedLate.count);
        expect(r.months.reduce((s, m) => s + m.received, 0)).toBe(r.received.count);
      }),
    );
  });
});
