import { rgb, type PDFDocument, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import { wrapText } from './wrap.ts';

export const MM = 72 / 25.4;
export const A5: [number, number] = [148 * MM, 210 * MM];

export interface TextOptions {
  size?: number;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
  /** Left edge and width of the box, default the whole content width. */
  x?: number;
  width?: number;
  /** Do not move the cursor (for side-by-side columns). */
  keepY?: boolean;
}

export interface Column {
  title: string;
  /** Fraction of the table width. */
  share: number;
  align?: 'left' | 'center' | 'right';
}

const BLACK = rgb(0, 0, 0);

/**
 * A top-down cursor over A5 pages: draws wrapped text, tables and images, and starts a continuation
 * page when the content does not fit, so a long component list never gets cut off.
 */
export class Writer {
  page!: PDFPage;
  y = 0;
  readonly left: number;
  readonly right: number;
  pages = 0;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: { regular: PDFFont; bold: PDFFont },
    private readonly size: [number, number] = A5,
    private readonly margin = 10 * MM,
  ) {
    this.left = margin;
    this.right = size[0] - margin;
    this.newPage();
  }

  get contentWidth(): number {
    return this.right - this.left;
  }

  newPage(): void {
    this.page = this.doc.addPage(this.size);
    this.y = this.size[1] - this.margin;
    this.pages++;
  }

  /** Starts a new page unless `height` points still fit above the bottom margin. */
  ensure(height: number): void {
    if (this.y - height < this.margin) this.newPage();
  }

  font(bold?: boolean): PDFFont {
    return bold ? this.fonts.bold : this.fonts.regular;
  }

  lineHeight(size: number): number {
    return size * 1.3;
  }

  /** Draws wrapped text; returns its height. */
  text(text: string, o: TextOptions = {}): number {
    const size = o.size ?? 9;
    const font = this.font(o.bold);
    const x = o.x ?? this.left;
    const width = o.width ?? this.right - x;
    const lines = wrapText(text, font, size, width);
    const lh = this.lineHeight(size);
    const startY = this.y;
    let y = this.y;
    for (const line of lines) {
      if (!o.keepY && y - lh < this.margin) {
        this.newPage();
        y = this.y;
      }
      const w = font.widthOfTextAtSize(line, size);
      const dx = o.align === 'center' ? (width - w) / 2 : o.align === 'right' ? width - w : 0;
      this.page.drawText(line, { x: x + dx, y: y - size, size, font, color: BLACK });
      y -= lh;
    }
    const height = lines.length * lh;
    if (!o.keepY) this.y = y;
    else this.y = startY;
    return height;
  }

  gap(points: number): void {
    this.y -= points;
  }

  rule(x1 = this.left, x2 = this.right): void {
    this.page.drawLine({ start: { x: x1, y: this.y }, end: { x: x2, y: this.y }, thickness: 0.5, color: BLACK });
  }

  image(img: PDFImage, x: number, width: number, height: number, keepY = false): void {
    if (!keepY) this.ensure(height);
    this.page.drawImage(img, { x, y: this.y - height, width, height });
    if (!keepY) this.y -= height;
  }

  /** A bordered table; the header row is bold and centred; rows wrap and break across pages. */
  table(columns: Column[], rows: string[][], size = 8.5): void {
    const pad = 2;
    const lh = this.lineHeight(size);
    const xs: number[] = [];
    let x = this.left;
    for (const c of columns) {
      xs.push(x);
      x += c.share * this.contentWidth;
    }
    const drawRow = (cells: string[], bold: boolean, header: boolean) => {
      const wrapped = cells.map((cell, i) => wrapText(cell, this.font(bold), size, columns[i]!.share * this.contentWidth - 2 * pad));
      const height = Math.max(...wrapped.map((l) => l.length)) * lh + 2 * pad;
      this.ensure(height);
      const top = this.y;
      wrapped.forEach((lines, i) => {
        const col = columns[i]!;
        const w = col.share * this.contentWidth;
        this.page.drawRectangle({ x: xs[i]!, y: top - height, width: w, height, borderColor: BLACK, borderWidth: 0.5 });
        lines.forEach((line, j) => {
          const lw = this.font(bold).widthOfTextAtSize(line, size);
          const align = header ? 'center' : (col.align ?? 'left');
          const dx = align === 'center' ? (w - lw) / 2 : align === 'right' ? w - pad - lw : pad;
          this.page.drawText(line, { x: xs[i]! + dx, y: top - pad - size - j * lh, size, font: this.font(bold), color: BLACK });
        });
      });
      this.y = top - height;
    };
    drawRow(columns.map((c) => c.title), true, true);
    for (const row of rows) drawRow(row, false, false);
  }
}
