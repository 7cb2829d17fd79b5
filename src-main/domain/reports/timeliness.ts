import type { ReportRecord } from '../../contract/reports.ts';
import { instant, vnDay } from './vn-day.ts';

/** Trước hạn / đúng hạn / quá hạn, as the one-stop reports count a resolved dossier. */
export type Timeliness = 'early' | 'on-time' | 'late';

/**
 * Late when the result was ready after the appointment instant; early when it was ready on a
 * Vietnam calendar day before the appointment's day; on time otherwise. A dossier without an
 * appointment (resolved on the spot) is on time.
 */
export function timelinessOf(r: Pick<ReportRecord, 'dueAt' | 'resolvedAt'>): Timeliness | null {
  if (!r.resolvedAt) return null;
  if (!r.dueAt) return 'on-time';
  if (instant(r.resolvedAt) > instant(r.dueAt)) return 'late';
  return vnDay(r.resolvedAt) < vnDay(r.dueAt) ? 'early' : 'on-time';
}

/**
 * Every required component has a digitized copy. A procedure without a listed required component
 * counts only when something was digitized at all, so an empty dossier never inflates the rate.
 */
export function fullyDigitizedOnReceipt(r: Pick<ReportRecord, 'requiredComponents' | 'digitizedRequired' | 'digitizedComponents'>): boolean {
  return r.requiredComponents > 0 ? r.digitizedRequired >= r.requiredComponents : r.digitizedComponents > 0;
}
