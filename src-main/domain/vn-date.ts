const pad = (n: number) => String(n).padStart(2, '0');

/** dd/MM/yyyy, as every Vietnamese form writes a date (local time). */
export function formatDate(d: Date): string {
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** dd/MM/yyyy HH:mm, 24-hour clock (local time). */
export function formatDateTime(d: Date): string {
  return `${formatDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact. */
const VN_OFFSET_MS = 7 * 3600_000;

/** The Asia/Ho_Chi_Minh wall clock of an instant, as a Date whose UTC fields hold it. */
function vnWall(d: Date): Date {
  return new Date(d.getTime() + VN_OFFSET_MS);
}

/** dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh, whatever zone the PC or server runs in (tickets, slips). */
export function formatVnDateTime(d: Date): string {
  const v = vnWall(d);
  return `${pad(v.getUTCDate())}/${pad(v.getUTCMonth() + 1)}/${v.getUTCFullYear()} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}`;
}

/** The calendar day (YYYY-MM-DD) in Asia/Ho_Chi_Minh. */
export function vnDay(d: Date): string {
  return vnWall(d).toISOString().slice(0, 10);
}
