import type { PrefillFields } from '../contract/documents.ts';

const NAME_LABELS = /(?:Họ,? chữ đệm,? (?:và )?tên(?: người yêu cầu)?|Họ và tên|Ông\/bà|Ông|Bà)\s*:\s*([^\n.,;:]+)/giu;
const DATE = /\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})\b/g;
/** 12-digit personal ID (CCCD / số định danh) or the old 9-digit CMND, not inside a longer number. */
const ID = /(?<![\d.])(\d{12}|\d{9})(?![\d.])/g;
const MRZ_LINE = /^[A-Z0-9<]{30}$/;

function titleCaseVi(s: string): string {
  return s.trim().replace(/\s+/g, ' ');
}

/** Finds the lines of a TD1 MRZ (3 × 30 characters); OCR often inserts spaces or reads « as <. */
export function findMrzLines(text: string): string[] | undefined {
  const lines = text.split('\n').map((l) => l.replace(/\s+/g, '').replace(/[«‹]/g, '<').toUpperCase());
  for (let i = 0; i + 2 < lines.length; i++) {
    const trio = lines.slice(i, i + 3);
    if (trio.every((l) => MRZ_LINE.test(l)) && trio[0]!.startsWith('I')) return trio;
  }
  return undefined;
}

/**
 * Suggestions only: every value goes to the officer to confirm. Dates come out as dd/MM/yyyy;
 * names keep their Vietnamese diacritics.
 */
export function extractPrefill(text: string): PrefillFields {
  const t = text.normalize('NFC');
  const names = new Set<string>();
  for (const m of t.matchAll(NAME_LABELS)) {
    const v = titleCaseVi(m[1] ?? '');
    if (v.split(' ').length >= 2 && v.length <= 60) names.add(v);
  }
  const dates = new Set<string>();
  for (const m of t.matchAll(DATE)) {
    const d = Number(m[1]);
    const mo = Number(m[2]);
    if (d >= 1 && d <= 31 && mo >= 1 && mo <= 12) dates.add(`${String(d).padStart(2, '0')}/${String(mo).padStart(2, '0')}/${m[3]}`);
  }
  const mrzLines = findMrzLines(t);
  const withoutMrz = mrzLines ? t.split('\n').filter((l) => !MRZ_LINE.test(l.replace(/\s+/g, ''))).join('\n') : t;
  const ids = new Set<string>();
  for (const m of withoutMrz.matchAll(ID)) ids.add(m[1]!);
  const out: PrefillFields = { idNumbers: [...ids], names: [...names], dates: [...dates] };
  if (mrzLines) out.mrzLines = mrzLines;
  return out;
}
