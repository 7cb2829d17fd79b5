/** Calendar checks shared by the parsers: a card date must exist (no 31/02 rolling over to March). */

const pad2 = (n: number) => String(n).padStart(2, '0');

export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < 1800 || year > 2300) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/**
 * The CCCD QR writes dates as DDMMYYYY; birth dates may be YYYY (year only) or MMYYYY (month and
 * year) when the registry does not know more. Returns YYYY-MM-DD / YYYY-MM / YYYY, or undefined.
 */
export function parseCompactDate(s: string, allowPartial: boolean): string | undefined {
  if (!/^\d+$/.test(s)) return undefined;
  if (s.length === 8) {
    const d = Number(s.slice(0, 2));
    const m = Number(s.slice(2, 4));
    const y = Number(s.slice(4));
    return isRealDate(y, m, d) ? isoDate(y, m, d) : undefined;
  }
  if (!allowPartial) return undefined;
  if (s.length === 6) {
    const m = Number(s.slice(0, 2));
    const y = Number(s.slice(2));
    return isRealDate(y, m, 1) ? `${y}-${pad2(m)}` : undefined;
  }
  if (s.length === 4) {
    const y = Number(s);
    return isRealDate(y, 1, 1) ? String(y) : undefined;
  }
  return undefined;
}

/** dd/MM/yyyy (also d/M/yyyy), or yyyy alone when allowed, as printed on the BHYT card. */
export function parseSlashDate(s: string, allowYearOnly: boolean): string | undefined {
  if (allowYearOnly && /^\d{4}$/.test(s)) {
    const y = Number(s);
    return isRealDate(y, 1, 1) ? s : undefined;
  }
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(y, mo, d) ? isoDate(y, mo, d) : undefined;
}

/** The year of a partial or full ISO date. */
export function yearOf(partial: string): number {
  return Number(partial.slice(0, 4));
}

/** YYYY-MM-DD / YYYY-MM / YYYY → dd/MM/yyyy / MM/yyyy / yyyy, as the cards and forms write them. */
export function toVnPartialDate(iso: string): string {
  return iso.split('-').reverse().join('/');
}
