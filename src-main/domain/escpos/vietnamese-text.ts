/** Vietnamese tone marks, which CP1258 encodes as separate combining bytes after the letter. */
const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

/**
 * Prepares text for a CP1258 code table: each letter keeps its vowel shape (â ê ô ơ ư ă, precomposed
 * in CP1258) and its tone follows as a combining mark, because CP1258 has no "ệ", only "ê" + U+0323.
 */
export function forCp1258(text: string): string {
  let out = '';
  for (const cluster of text.normalize('NFD').match(/\P{M}\p{M}*|\p{M}+/gu) ?? []) {
    const marks = [...cluster.slice(1)];
    const shape = cluster[0]! + marks.filter((m) => !TONES.has(m)).join('');
    out += shape.normalize('NFC') + marks.filter((m) => TONES.has(m)).join('');
  }
  return out;
}

export interface CodeTableRun {
  table: 'tcvn3' | 'tcvn3capitals';
  text: string;
}

/**
 * TCVN-3 (ABC) puts lower-case letters in one table and the Vietnamese capitals in another (ESC t 30 /
 * ESC t 31 on Epson), so text is split into runs that each use one table.
 */
export function tcvn3Runs(text: string): CodeTableRun[] {
  const runs: CodeTableRun[] = [];
  for (const ch of text.normalize('NFC')) {
    const table = ch.charCodeAt(0) > 0x7f && ch !== ch.toLowerCase() ? 'tcvn3capitals' : 'tcvn3';
    const last = runs[runs.length - 1];
    if (last && (last.table === table || /^[\x20-\x7f]$/.test(ch))) last.text += ch;
    else runs.push({ table, text: ch });
  }
  return runs;
}
