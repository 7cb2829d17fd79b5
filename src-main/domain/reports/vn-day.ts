import { ReportErrors } from './errors.ts';

const VN_OFFSET_MS = 7 * 3_600_000;

/** The Vietnam calendar day (yyyy-MM-dd, UTC+7) of an ISO instant, whatever the PC's zone. */
export function vnDay(iso: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) throw ReportErrors.raise('REPORT_INVALID_TIME', { value: iso });
  return new Date(t + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Vietnam month (yyyy-MM) of an ISO instant. */
export const vnMonth = (iso: string): string => vnDay(iso).slice(0, 7);

export function instant(iso: string): number {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) throw ReportErrors.raise('REPORT_INVALID_TIME', { value: iso });
  return t;
}
