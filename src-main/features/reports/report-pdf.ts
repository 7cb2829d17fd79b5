import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import type { Report } from '../../contract/reports.ts';
import { loadFormFonts } from '../../documents/fonts.ts';
import { summaryRows, viDay, viNumber, viPercent } from '../../domain/reports/summary-rows.ts';

const A4 = { w: 595.28, h: 841.89 };
const MARGIN = 50;
const LINE = 15;

class Sheet {
  page: PDFPage;
  y = A4.h - MARGIN;

  constructor(
    private readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.page = doc.addPage([A4.w, A4.h]);
  }

  ensure(height: number): void {
    if (this.y - height >= MARGIN) return;
    this.page = this.doc.addPage([A4.w, A4.h]);
    this.y = A4.h - MARGIN;
  }

  text(s: string, x: number, opts: { bold?: boolean; size?: number; center?: number; right?: number } = {}): void {
    const font = opts.bold ? this.bold : this.regular;
    const size = opts.size ?? 11;
    const width = font.widthOfTextAtSize(s, size);
    const at = opts.center !== undefined ? opts.center - width / 2 : opts.right !== undefined ? opts.right - width : x;
    this.page.drawText(s, { x: at, y: this.y, size, font, color: rgb(0, 0, 0) });
  }

  /** Splits a label into lines that fit `width` at `size`. */
  wrap(s: string, width: number, size = 11): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of s.split(' ')) {
      const next = line ? `${line} ${word}` : word;
      if (this.regular.widthOfTextAtSize(next, size) > width && line) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    return [...lines, line];
  }

  rule(): void {
    this.page.drawLine({ start: { x: MARGIN, y: this.y + LINE - 3 }, end: { x: A4.w - MARGIN, y: this.y + LINE - 3 }, thickness: 0.5 });
  }
}

function header(s: Sheet, report: Report): void {
  const left = MARGIN + 90;
  const right = A4.w - MARGIN - 130;
  s.text((report.agencyName || report.agencyCode || 'CƠ QUAN').toUpperCase(), 0, { bold: true, size: 10, center: left });
  s.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 0, { bold: true, size: 10, center: right });
  s.y -= LINE;
  s.text('BỘ PHẬN MỘT CỬA', 0, { size: 10, center: left });
  s.text('Độc lập - Tự do - Hạnh phúc', 0, { bold: true, size: 10, center: right });
  s.y -= LINE * 2.5;
  s.text('BÁO CÁO', 0, { bold: true, size: 14, center: A4.w / 2 });
  s.y -= LINE * 1.3;
  s.text('Kết quả tiếp nhận, giải quyết hồ sơ thủ tục hành chính', 0, { bold: true, size: 12, center: A4.w / 2 });
  s.y -= LINE * 1.3;
  const f = report.figures;
  s.text(`Kỳ báo cáo: từ ngày ${viDay(f.period.from)} đến ngày ${viDay(f.period.to)}`, 0, { size: 11, center: A4.w / 2 });
  s.y -= LINE;
  const scope = report.scope === 'counter' ? `Quầy số ${report.counterId}` : 'Toàn cơ quan';
  s.text(`${scope} — nguồn số liệu: ${report.source === 'province' ? 'hệ thống một cửa của tỉnh' : 'dữ liệu trên máy này'}`, 0, { size: 10, center: A4.w / 2 });
  s.y -= LINE * 2;
}

function table(s: Sheet, title: string, columns: Array<{ title: string; width: number; right?: boolean }>, rows: string[][]): void {
  s.ensure(LINE * 4);
  s.text(title, MARGIN, { bold: true, size: 12 });
  s.y -= LINE * 1.4;
  let x = MARGIN;
  for (const c of columns) {
    s.text(c.title, x, { bold: true, size: 10, right: c.right ? x + c.width - 4 : undefined });
    x += c.width;
  }
  s.y -= LINE;
  s.rule();
  for (const row of rows) {
    const first = s.wrap(row[0] ?? '', columns[0]!.width - 8, 10);
    s.ensure(LINE * first.length);
    x = MARGIN;
    columns.forEach((c, i) => {
      if (i === 0) first.forEach((line, k) => s.page.drawText(line, { x, y: s.y - k * LINE, size: 10, font: s.regular }));
      else s.text(row[i] ?? '', x, { size: 10, right: c.right ? x + c.width - 4 : undefined });
      x += c.width;
    });
    s.y -= LINE * first.length;
  }
  s.y -= LINE;
}

/** Received per month as bars, with the on-time rate written above each bar. */
function monthChart(s: Sheet, report: Report): void {
  const months = report.figures.months;
  if (months.length === 0) return;
  const height = 120;
  s.ensure(height + LINE * 4);
  s.text('Hồ sơ tiếp nhận theo tháng (tỷ lệ đúng hạn ghi trên cột)', MARGIN, { bold: true, size: 12 });
  s.y -= LINE;
  const max = Math.max(1, ...months.map((m) => m.received));
  const slot = Math.min(60, (A4.w - 2 * MARGIN) / months.length);
  const base = s.y - height;
  months.forEach((m, i) => {
    const h = (m.received / max) * (height - LINE * 2);
    const x = MARGIN + i * slot + 8;
    s.page.drawRectangle({ x, y: base, width: slot - 16, height: h, color: rgb(0.25, 0.4, 0.65) });
    s.page.drawText(String(m.received), { x: x + 2, y: base + h + 3, size: 9, font: s.regular });
    s.page.drawText(viPercent(m.onTimePercent), { x: x + 2, y: base + h + 14, size: 8, font: s.regular });
    s.page.drawText(`${m.month.slice(5, 7)}/${m.month.slice(0, 4)}`, { x, y: base - 12, size: 8, font: s.regular });
  });
  s.y = base - LINE * 2.5;
}

function signature(s: Sheet, report: Report, place: string): void {
  s.ensure(LINE * 6);
  const at = new Date(Date.parse(report.generatedAt) + 7 * 3_600_000);
  const [d, m, y] = [at.getUTCDate(), at.getUTCMonth() + 1, at.getUTCFullYear()].map((n) => String(n).padStart(2, '0'));
  const right = A4.w - MARGIN - 110;
  s.text(`${place ? `${place}, ` : ''}ngày ${d} tháng ${m} năm ${y}`, 0, { size: 11, center: right });
  s.y -= LINE * 1.3;
  s.text('NGƯỜI LẬP BÁO CÁO', 0, { bold: true, size: 11, center: right });
  s.y -= LINE;
  s.text('(Ký, ghi rõ họ tên)', 0, { size: 10, center: right });
}

/** The report on A4 in the shape a commune sends upward: header, summary, breakdowns, chart, signature. */
export async function reportPdf(report: Report, place = ''): Promise<Uint8Array> {
  const fonts = loadFormFonts();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(`Báo cáo ${viDay(report.figures.period.from)}–${viDay(report.figures.period.to)}`);
  const [regular, bold] = await Promise.all([doc.embedFont(fonts.regular, { subset: true }), doc.embedFont(fonts.bold, { subset: true })]);
  const s = new Sheet(doc, regular, bold);
  header(s, report);
  const f = report.figures;
  table(
    s,
    'I. Số liệu tổng hợp',
    [{ title: 'Chỉ tiêu', width: 300 }, { title: 'Số lượng', width: 65, right: true }, { title: 'Trên tổng', width: 65, right: true }, { title: 'Tỷ lệ', width: 65, right: true }],
    summaryRows(f).map((r) => [r.label.vi, r.value === null ? '—' : viNumber(r.value), r.of === undefined ? '' : viNumber(r.of), r.percent === undefined ? '' : viPercent(r.percent)]),
  );
  table(s, 'II. Theo lĩnh vực', [{ title: 'Lĩnh vực', width: 400 }, { title: 'Số hồ sơ', width: 95, right: true }], f.byField.map((g) => [g.label, viNumber(g.count)]));
  table(s, 'III. Theo thủ tục', [{ title: 'Thủ tục', width: 400 }, { title: 'Số hồ sơ', width: 95, right: true }], f.byProcedure.map((g) => [`${g.label} (${g.key})`, viNumber(g.count)]));
  table(s, 'IV. Theo kênh tiếp nhận', [{ title: 'Kênh', width: 400 }, { title: 'Số hồ sơ', width: 95, right: true }], f.byChannel.map((g) => [g.label, viNumber(g.count)]));
  monthChart(s, report);
  signature(s, report, place);
  return doc.save();
}
