/**
 * RFC 4180 CSV: comma-separated (or `;`, as Excel writes it where the decimal mark is a comma, e.g.
 * Vietnamese Windows), fields optionally in double quotes, "" for a quote inside quotes, CRLF or LF
 * line ends, a leading BOM ignored. Returns rows of raw strings; a quote left open is an error.
 */
export function parseCsv(text: string, delimiter: ',' | ';' = ','): { rows: string[][]; error?: string } {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
  };
  while (i < src.length) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === delimiter) {
      endField();
    } else if (ch === '\n' || ch === '\r') {
      endRow();
      if (ch === '\r' && src[i + 1] === '\n') i++;
    } else {
      field += ch;
    }
    i++;
  }
  if (quoted) return { rows, error: 'unterminated quoted field' };
  if (field !== '' || row.length > 0) endRow();
  return { rows };
}

/** `;` or `,`: whichever separates more fields of the header line (quoted text not counted). */
export function sniffDelimiter(text: string): ',' | ';' {
  let quoted = false;
  let commas = 0;
  let semicolons = 0;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Writes rows as CSV (quoting only where needed); `parseCsv(toCsv(rows))` gives the rows back. */
export function toCsv(rows: string[][]): string {
  const cell = (s: string) => (/[",;\r\n]/.test(s) || s === '' ? `"${s.replace(/"/g, '""')}"` : s);
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
