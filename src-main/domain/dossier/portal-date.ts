/**
 * The national portal writes dates as `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh. Vietnam has had no
 * daylight saving since 1975, so a fixed +07:00 offset is exact and needs no time-zone database.
 */
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function toPortalDate(d: Date): string {
  const v = new Date(d.getTime() + VN_OFFSET_MS);
  return `${v.getUTCFullYear()}${pad(v.getUTCMonth() + 1)}${pad(v.getUTCDate())}${pad(v.getUTCHours())}${pad(v.getUTCMinutes())}${pad(v.getUTCSeconds())}`;
}

/** yyMMdd of the Vietnamese calendar day, as the dossier code carries it. */
export function portalDay(d: Date): string {
  return toPortalDate(d).slice(2, 8);
}

const PORTAL_DATE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/** Parses `yyyyMMddHHmmss` (Vietnam time); undefined when malformed or not a real calendar date. */
export function parsePortalDate(s: string): Date | undefined {
  const m = PORTAL_DATE.exec(s);
  if (!m) return undefined;
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const utc = Date.UTC(y, mo - 1, d, h, mi, se) - VN_OFFSET_MS;
  const date = new Date(utc);
  return toPortalDate(date) === s ? date : undefined;
}
