import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** The last `count` JSON-lines entries across the daily log files, oldest first. */
export function readLogTail(dataDir: string, count: number, level?: string): Array<Record<string, unknown>> {
  const dir = join(dataDir, 'logs');
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.log')).sort().reverse();
  const out: Array<Record<string, unknown>> = [];
  for (const f of files) {
    const lines = readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean).reverse();
    for (const line of lines) {
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        if (!level || entry.level === level) out.push(entry);
      } catch {
        out.push({ at: '', level: 'warn', message: 'unreadable log line' });
      }
      if (out.length >= count) return out.reverse();
    }
  }
  return out.reverse();
}
