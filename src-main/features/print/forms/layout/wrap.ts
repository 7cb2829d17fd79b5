import type { PDFFont } from 'pdf-lib';

/** Breaks text into lines no wider than `maxWidth` points; honours "\n"; splits words that cannot fit. */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const out: string[] = [];
  const width = (s: string) => font.widthOfTextAtSize(s, size);
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (width(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) out.push(line);
      line = '';
      // A single word wider than the column (a long code, a URL) is cut by characters.
      let piece = '';
      for (const ch of word) {
        if (width(piece + ch) > maxWidth && piece) {
          out.push(piece);
          piece = '';
        }
        piece += ch;
      }
      line = piece;
    }
    out.push(line);
  }
  return out;
}
