const VN_OFFSET_MS = 7 * 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** The last `count` months in Vietnam time, newest first, as yyyy-MM. */
export function recentMonths(now: Date, count = 12): string[] {
  const vn = new Date(now.getTime() + VN_OFFSET_MS);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const d = new Date(Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth() - i, 1));
    out.push(`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`);
  }
  return out;
}

/** First and last day of a yyyy-MM month. */
export function monthPeriod(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${pad(last)}` };
}

export const monthLabel = (month: string): string => `${month.slice(5, 7)}/${month.slice(0, 4)}`;
