import type { OcrWord } from '../contract/scan.ts';
import { DocumentErrors } from '../contract/documents.ts';
import type { PageOcr } from './ocr-engine.ts';

const HEADER = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';

/**
 * Tesseract's TSV output (one row per page/block/paragraph/line/word) → the same PageOcr the wasm
 * engine gives: words with boxes, mean word confidence, and text with one line per printed line
 * and a blank line between paragraphs (as Tesseract's own text renderer does).
 */
export function parseTesseractTsv(tsv: string, o: { header: boolean } = { header: true }): PageOcr {
  const rows = tsv.replace(/\r\n/g, '\n').split('\n');
  // The program prints a header line; tesseract.js gives the rows alone.
  if (o.header && rows[0]?.trim() !== HEADER) throw DocumentErrors.raise('DOC_OCR_FAILED', { reason: 'TSV header missing' });
  if (!o.header) rows.unshift(HEADER);
  const words: OcrWord[] = [];
  const out: string[] = [];
  let key = '';
  let par = '';
  let line: string[] = [];
  let confSum = 0;
  const flush = () => {
    if (line.length) out.push(line.join(' '));
    line = [];
  };
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i]!;
    if (row === '') continue;
    const cols = row.split('\t');
    if (cols.length !== 12) throw DocumentErrors.raise('DOC_OCR_FAILED', { reason: `TSV row ${i + 1} has ${cols.length} columns` });
    const n = cols.slice(0, 11).map(Number);
    if (n.some((v) => !Number.isFinite(v))) throw DocumentErrors.raise('DOC_OCR_FAILED', { reason: `TSV row ${i + 1} is not numeric` });
    const [level, , block, paragraph, lineNo, , left, top, width, height, conf] = n as [number, number, number, number, number, number, number, number, number, number, number];
    const text = cols[11]!.normalize('NFC');
    if (level !== 5 || !text.trim()) continue;
    const thisPar = `${block}/${paragraph}`;
    const thisKey = `${thisPar}/${lineNo}`;
    if (thisKey !== key) {
      flush();
      if (par && thisPar !== par) out.push('');
      key = thisKey;
      par = thisPar;
    }
    line.push(text.trim());
    const c = Math.max(0, Math.min(100, conf));
    confSum += c;
    words.push({ text: text.trim(), confidence: Math.round(c * 10) / 10, bbox: { x0: left, y0: top, x1: left + width, y1: top + height } });
  }
  flush();
  const confidence = words.length ? Math.round((confSum / words.length) * 10) / 10 : 0;
  return { text: out.length ? `${out.join('\n')}\n` : '', confidence, words };
}
