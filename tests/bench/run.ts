import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchRow } from './row.ts';

/** Runs every tests/bench/*.bench.ts (or those named on the command line) and prints one table. */
async function main(): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  const only = process.argv.slice(2);
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
    .sort();
  const rows: BenchRow[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(here, f)).href)) as { bench: () => Promise<BenchRow[]> };
    const started = Date.now();
    try {
      rows.push(...(await mod.bench()));
    } catch (err) {
      console.error(`bench ${f} failed:`, err);
      process.exitCode = 1;
    }
    console.error(`(${f} took ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toPrecision(3));
  const table = rows.map((r) => ({
    area: r.area,
    measure: r.name,
    value: `${fmt(r.value)} ${r.unit}`,
    baseline: r.baseline ? `${r.baseline.name}: ${fmt(r.baseline.value)} ${r.unit}` : '',
    ratio: r.baseline && r.baseline.value !== 0 ? fmt(r.value / r.baseline.value) : '',
    target: r.target ?? '',
    met: r.met === undefined ? '' : r.met ? 'yes' : 'NO',
  }));
  const cols = ['area', 'measure', 'value', 'baseline', 'ratio', 'target', 'met'] as const;
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(c.length, ...table.map((t) => t[c].length))]));
  const line = (t: Record<string, string>) => cols.map((c) => (t[c] ?? '').padEnd(width[c] as number)).join(' | ');
  console.log(line(Object.fromEntries(cols.map((c) => [c, c]))));
  console.log(cols.map((c) => '-'.repeat(width[c] as number)).join('-|-'));
  for (const t of table) console.log(line(t));
}

void main();
