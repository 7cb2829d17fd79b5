/** How often and how lately this counter used each procedure, kept per PC in localStorage. */
const KEY = 'reception.procedureUsage';

type Usage = Record<string, { count: number; last: number }>;

export function readUsage(): Usage {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '{}') as Usage;
  } catch {
    return {};
  }
}

export function recordUse(code: string): void {
  const u = readUsage();
  u[code] = { count: (u[code]?.count ?? 0) + 1, last: Date.now() };
  localStorage.setItem(KEY, JSON.stringify(u));
}

/** Recent first (last 7 days), then by frequency, then catalogue order. */
export function usageRank(u: Usage, code: string): number {
  const e = u[code];
  if (!e) return 0;
  const recent = Date.now() - e.last < 7 * 86_400_000 ? 1_000_000 + e.last / 1e7 : 0;
  return recent + e.count;
}
