import writeXlsxFile from 'write-excel-file/node';
import type { Report } from '../../contract/reports.ts';
import { summaryRows, viDay } from '../../domain/reports/summary-rows.ts';

type Cell = { value: string | number | null; fontWeight?: 'bold'; type?: typeof String | typeof Number } | null;

const head = (...titles: string[]): Cell[] => titles.map((t) => ({ value: t, fontWeight: 'bold' as const }));
const text = (v: string): Cell => ({ value: v, type: String });
const num = (v: number | null | undefined): Cell => (v === null || v === undefined ? null : { value: v, type: Number });

/** The report as a workbook: the summary, the breakdowns and the months, Vietnamese headings. */
export async function reportWorkbook(report: Report): Promise<Buffer> {
  const f = report.figures;
  const title: Cell[][] = [
    [{ value: `BÁO CÁO KẾT QUẢ TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ — ${report.agencyName || report.agencyCode}`, fontWeight: 'bold' }],
    [text(`Kỳ báo cáo: từ ${viDay(f.period.from)} đến ${viDay(f.period.to)}`)],
    [text(report.scope === 'counter' ? `Quầy số ${report.counterId}` : 'Toàn cơ quan (số liệu có trên máy này)')],
    [],
  ];
  const summary: Cell[][] = [
    ...title,
    head('Chỉ tiêu', 'Số lượng', 'Trên tổng số', 'Tỷ lệ (%)'),
    ...summaryRows(f).map((r) => [text(r.label.vi), num(r.value), num(r.of), num(r.percent)]),
  ];
  const group = (name: string, rows: typeof f.byProcedure): Cell[][] => [
    head(name, 'Mã', 'Số hồ sơ'),
    ...rows.map((g) => [text(g.label), text(g.key), num(g.count)]),
  ];
  const months: Cell[][] = [
    head('Tháng', 'Tiếp nhận', 'Đã giải quyết', 'Đúng hạn (%)'),
    ...f.months.map((m) => [text(`${m.month.slice(5, 7)}/${m.month.slice(0, 4)}`), num(m.received), num(m.resolved), num(m.onTimePercent)]),
  ];
  const sheets = [
    { data: summary, sheet: 'Tổng hợp', columns: [{ width: 60 }, { width: 12 }, { width: 14 }, { width: 12 }] },
    { data: group('Thủ tục', f.byProcedure), sheet: 'Theo thủ tục', columns: [{ width: 60 }, { width: 14 }, { width: 10 }] },
    { data: group('Lĩnh vực', f.byField), sheet: 'Theo lĩnh vực', columns: [{ width: 40 }, { width: 14 }, { width: 10 }] },
    { data: group('Kênh nộp', f.byChannel), sheet: 'Theo kênh', columns: [{ width: 30 }, { width: 10 }, { width: 10 }] },
    { data: months, sheet: 'Theo tháng', columns: [{ width: 12 }, { width: 12 }, { width: 14 }, { width: 14 }] },
  ];
  return (await writeXlsxFile(sheets as never).toBuffer()) as Buffer;
}
