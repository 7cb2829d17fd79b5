import type { CountedIds, RateFigure, ReportFigures } from '../../contract/reports.ts';

export interface LocalizedLabel {
  vi: string;
  en: string;
}

/** One line of the summary table: a figure, what it is out of, and the dossiers behind it. */
export interface SummaryRow {
  key: string;
  label: LocalizedLabel;
  value: number | null;
  of?: number;
  percent?: number | null;
  ids?: string[];
  /** How the value reads: a count of dossiers, đồng, or minutes. */
  unit: 'dossiers' | 'vnd' | 'minutes' | 'days';
}

const count = (key: string, label: LocalizedLabel, f: CountedIds): SummaryRow => ({ key, label, value: f.count, ids: f.ids, unit: 'dossiers' });
const rate = (key: string, label: LocalizedLabel, f: RateFigure): SummaryRow => ({ key, label, value: f.count, of: f.of, percent: f.percent, ids: f.ids, unit: 'dossiers' });

/** The summary table, in the order a commune's report lists it; the screen, .xlsx and PDF share it. */
export function summaryRows(f: ReportFigures): SummaryRow[] {
  return [
    count('received', { vi: 'Hồ sơ tiếp nhận trong kỳ', en: 'Dossiers received' }, f.received),
    rate('fullyDigitized', { vi: 'Số hóa đầy đủ thành phần khi tiếp nhận', en: 'Fully digitized on receipt' }, f.fullyDigitizedOnReceipt),
    count('resolved', { vi: 'Hồ sơ đã giải quyết trong kỳ', en: 'Dossiers resolved' }, f.resolved),
    rate('early', { vi: '— Giải quyết trước hạn', en: '— resolved early' }, f.resolvedEarly),
    rate('onTime', { vi: '— Giải quyết đúng hạn', en: '— resolved on time' }, f.resolvedOnTime),
    rate('late', { vi: '— Giải quyết quá hạn', en: '— resolved late' }, f.resolvedLate),
    { key: 'lateDays', label: { vi: 'Tổng số ngày làm việc quá hạn', en: 'Working days late, in total' }, value: f.lateWorkingDays, unit: 'days' },
    count('returned', { vi: 'Đã trả kết quả trong kỳ', en: 'Results returned' }, f.returned),
    rate('returnedDigitized', { vi: 'Trả kết quả kèm bản điện tử (số hóa kết quả)', en: 'Returned with a digitized result' }, f.returnedWithDigitizedResult),
    count('feesDue', { vi: 'Hồ sơ có phí, lệ phí', en: 'Dossiers with a fee' }, f.feesDue),
    rate('feesVietQr', { vi: 'Có mã VietQR để thanh toán không dùng tiền mặt', en: 'With a VietQR code for cashless payment' }, f.feesWithVietQr),
    { key: 'feesTotal', label: { vi: 'Tổng phí, lệ phí (đồng)', en: 'Fees in total (VND)' }, value: f.feesTotalVnd, unit: 'vnd' },
    count('supplement', { vi: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)', en: 'Supplement requests issued (form 02)' }, f.supplementFormsIssued),
    count('refusal', { vi: 'Phiếu từ chối tiếp nhận (Mẫu 03)', en: 'Refusals issued (form 03)' }, f.refusalFormsIssued),
    { key: 'wait', label: { vi: 'Thời gian chờ trung bình (phút)', en: 'Average waiting time (minutes)' }, value: f.averageWaitMinutes, unit: 'minutes' },
    { key: 'handle', label: { vi: 'Thời gian tiếp nhận trung bình (phút)', en: 'Average reception time (minutes)' }, value: f.averageHandleMinutes, unit: 'minutes' },
  ];
}

/** 1.234.567 — Vietnamese digit grouping, as the reports print amounts. */
export function viNumber(n: number): string {
  const [int, frac] = String(n).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return frac ? `${grouped},${frac}` : grouped;
}

/** 66,67 % — Vietnamese decimal comma. */
export const viPercent = (p: number | null | undefined): string => (p === null || p === undefined ? '—' : `${viNumber(p)} %`);

/** dd/MM/yyyy of a yyyy-MM-dd day. */
export const viDay = (day: string): string => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
