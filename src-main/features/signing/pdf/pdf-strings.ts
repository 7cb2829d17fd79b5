/** PDF text string as UTF-16BE hex with a BOM, so Vietnamese names survive every reader. */
export function pdfTextHex(text: string): string {
  let hex = '<FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `${hex}>`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The instant as seen in Vietnam (UTC+7, no daylight saving), whatever the PC's time zone. */
export function vietnamParts(d: Date) {
  const v = new Date(d.getTime() + 7 * 3600_000);
  return {
    y: v.getUTCFullYear(),
    mo: pad(v.getUTCMonth() + 1),
    d: pad(v.getUTCDate()),
    h: pad(v.getUTCHours()),
    mi: pad(v.getUTCMinutes()),
    s: pad(v.getUTCSeconds()),
  };
}

/** PDF date (ISO 32000-1 §7.9.4) in Vietnam time: D:YYYYMMDDHHmmSS+07'00'. */
export function pdfDate(d: Date): string {
  const p = vietnamParts(d);
  return `D:${p.y}${p.mo}${p.d}${p.h}${p.mi}${p.s}+07'00'`;
}

/** dd/MM/yyyy HH:mm:ss in Vietnam time, as the stamp shows it. */
export function stampTime(d: Date): string {
  const p = vietnamParts(d);
  return `${p.d}/${p.mo}/${p.y} ${p.h}:${p.mi}:${p.s}`;
}
