import type { CountedIds, GroupRow, MonthRow, RateFigure, ReportFigures, ReportPeriod, ReportRecord } from '../../contract/reports.ts';
import { ReportErrors } from './errors.ts';
import { fullyDigitizedOnReceipt, timelinessOf } from './timeliness.ts';
import { vnDay, vnMonth } from './vn-day.ts';

/** Working days from the appointment to the moment the result was ready (the calendar decides). */
export type LateWorkingDays = (dueAt: string, resolvedAt: string) => number;

const CHANNEL_LABELS: Record<ReportRecord['channel'], string> = {
  direct: 'Trực tiếp',
  online: 'Trực tuyến',
  postal: 'Bưu chính công ích',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function counted(rows: readonly ReportRecord[]): CountedIds {
  return { count: rows.length, ids: rows.map((r) => r.id) };
}

function percent(count: number, of: number): number | null {
  return of === 0 ? null : Math.round((count * 10_000) / of) / 100;
}

function rate(rows: readonly ReportRecord[], of: number): RateFigure {
  return { ...counted(rows), of, percent: percent(rows.length, of) };
}

function groupBy(rows: readonly ReportRecord[], key: (r: ReportRecord) => string, label: (r: ReportRecord) => string): GroupRow[] {
  const groups = new Map<string, { label: string; ids: string[] }>();
  for (const r of rows) {
    const k = key(r);
    const g = groups.get(k) ?? { label: label(r), ids: [] };
    g.ids.push(r.id);
    groups.set(k, g);
  }
  return [...groups.entries()]
    .map(([k, g]) => ({ key: k, label: g.label, count: g.ids.length, ids: g.ids }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

function average(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return null;
  return Math.round((known.reduce((s, v) => s + v, 0) / known.length / 60) * 10) / 10;
}

function months(received: readonly ReportRecord[], resolved: readonly ReportRecord[]): MonthRow[] {
  const byMonth = new Map<string, { received: number; resolved: number; notLate: number }>();
  const row = (m: string) => byMonth.get(m) ?? byMonth.set(m, { received: 0, resolved: 0, notLate: 0 }).get(m)!;
  for (const r of received) row(vnMonth(r.receivedAt)).received += 1;
  for (const r of resolved) {
    const m = row(vnMonth(r.resolvedAt!));
    m.resolved += 1;
    if (timelinessOf(r) !== 'late') m.notLate += 1;
  }
  return [...byMonth.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([month, m]) => ({ month, received: m.received, resolved: m.resolved, onTimePercent: percent(m.notLate, m.resolved) }));
}

/**
 * The figures a commune reports upward for a period. Received figures count dossiers received in
 * the period; resolution figures count dossiers whose result was ready in the period; return
 * figures count results handed over in the period — each by its Vietnam calendar day.
 */
export function computeReport(records: readonly ReportRecord[], period: ReportPeriod, lateWorkingDays: LateWorkingDays): ReportFigures {
  if (!DAY.test(period.from) || !DAY.test(period.to) || Number.isNaN(Date.parse(period.from)) || Number.isNaN(Date.parse(period.to)) || period.from > period.to) {
    throw ReportErrors.raise('REPORT_INVALID_PERIOD', period);
  }
  const within = (iso: string | null): boolean => {
    if (!iso) return false;
    const d = vnDay(iso);
    return d >= period.from && d <= period.to;
  };
  const received = records.filter((r) => within(r.receivedAt));
  const resolved = records.filter((r) => within(r.resolvedAt));
  const returned = records.filter((r) => within(r.returnedAt));
  const late = resolved.filter((r) => timelinessOf(r) === 'late');
  const feesDue = received.filter((r) => r.feeVnd > 0);
  return {
    period,
    received: counted(received),
    byProcedure: groupBy(received, (r) => r.procedureCode, (r) => r.procedureName),
    byField: groupBy(received, (r) => r.fieldCode || r.fieldName, (r) => r.fieldName),
    byChannel: groupBy(received, (r) => r.channel, (r) => CHANNEL_LABELS[r.channel]),
    fullyDigitizedOnReceipt: rate(received.filter(fullyDigitizedOnReceipt), received.length),
    resolved: counted(resolved),
    resolvedEarly: rate(resolved.filter((r) => timelinessOf(r) === 'early'), resolved.length),
    resolvedOnTime: rate(resolved.filter((r) => timelinessOf(r) === 'on-time'), resolved.length),
    resolvedLate: rate(late, resolved.length),
    lateWorkingDays: late.reduce((sum, r) => sum + Math.max(0, lateWorkingDays(r.dueAt!, r.resolvedAt!)), 0),
    returned: counted(returned),
    returnedWithDigitizedResult: rate(returned.filter((r) => r.resultDigitized), returned.length),
    feesDue: counted(feesDue),
    feesWithVietQr: rate(feesDue.filter((r) => r.feeQrShown), feesDue.length),
    feesTotalVnd: feesDue.reduce((sum, r) => sum + r.feeVnd, 0),
    supplementFormsIssued: counted(received.filter((r) => r.formsIssued.includes('02'))),
    refusalFormsIssued: counted(received.filter((r) => r.formsIssued.includes('03'))),
    averageWaitMinutes: average(received.map((r) => r.waitSeconds)),
    averageHandleMinutes: average(received.map((r) => r.handleSeconds)),
    months: months(received, resolved),
  };
}
