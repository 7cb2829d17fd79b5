import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import {
  PDFDocument,
  type PDFFont,
  type PDFRef,
  beginText,
  endText,
  moveText,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingRgbColor,
  setFontAndSize,
  setLineWidth,
  setStrokingRgbColor,
  showText,
  stroke,
} from 'pdf-lib';
import { stampTime } from './pdf-strings.ts';
import { loadFormFonts } from '../../../documents/fonts.ts';

/**
 * Noto Sans covers every Vietnamese letter with its diacritics: the copy the app ships (the same the
 * printed forms use, found in the repository, the packaged resources or COUNTER_FONT_DIR), so a
 * Windows counter stamps exactly as a Debian one.
 */
export function stampFontBytes(fontPath?: string): Uint8Array {
  if (fontPath) return readFileSync(fontPath);
  return loadFormFonts().regular;
}

export interface StampText {
  signerName: string;
  unit?: string;
  time: Date;
}

export function stampLines(t: StampText): string[] {
  const lines = [`Ký bởi: ${t.signerName}`];
  if (t.unit) lines.push(`Đơn vị: ${t.unit}`);
  lines.push(`Thời gian: ${stampTime(t.time)}`);
  return lines;
}

/**
 * Builds the widget's normal appearance: a red frame with the signer, unit and time, the font
 * subset embedded so the stamp reads the same on a PC without Noto.
 */
export async function buildStampAppearance(doc: PDFDocument, width: number, height: number, t: StampText, fontPath?: string): Promise<PDFRef> {
  doc.registerFontkit(fontkit);
  const font: PDFFont = await doc.embedFont(stampFontBytes(fontPath), { subset: true });
  const lines = stampLines(t);
  const pad = 4;
  const widest = Math.max(...lines.map((l) => font.widthOfTextAtSize(l, 10)));
  const byWidth = (10 * (width - 2 * pad)) / widest;
  const byHeight = (height - 2 * pad) / (lines.length * 1.25);
  const size = Math.max(4, Math.min(11, byWidth, byHeight));
  const lineGap = size * 1.25;
  const ops = [
    pushGraphicsState(),
    setStrokingRgbColor(0.8, 0, 0),
    setLineWidth(1),
    rectangle(0.5, 0.5, width - 1, height - 1),
    stroke(),
    setFillingRgbColor(0.8, 0, 0),
    beginText(),
    setFontAndSize('F1', size),
    moveText(pad, height - pad - size),
  ];
  lines.forEach((line, i) => {
    if (i > 0) ops.push(moveText(0, -lineGap));
    ops.push(showText(font.encodeText(line)));
  });
  ops.push(endText(), popGraphicsState());
  await font.embed();
  const form = doc.context.formXObject(ops, { BBox: [0, 0, width, height], Resources: { Font: { F1: font.ref } } });
  return doc.context.register(form);
}

/** An empty appearance for an invisible signature (PDF/A and some readers want one). */
export function emptyAppearance(doc: PDFDocument): PDFRef {
  return doc.context.register(doc.context.formXObject([], { BBox: [0, 0, 0, 0] }));
}
