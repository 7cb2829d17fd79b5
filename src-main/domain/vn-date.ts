const pad = (n: number) => String(n).padStart(2, '0');

/** dd/MM/yyyy, as every Vietnamese form writes a date (local time). */
export function formatDate(d: Date): string {
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** dd/MM/yyyy HH:mm, 24-hour clock (local time). */
export function formatDateTime(d: Date): string {
  return `${formatDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
