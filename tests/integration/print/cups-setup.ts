import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { runSync } from '../../support/children.ts';

/** Test setup for the real CUPS path: cupsd running, and cups-pdf queues that keep text as text. */
const run = (cmd: string, args: string[]) => runSync(cmd, args, { timeout: 20_000, allowFailure: true });

export function ensureCupsd(): void {
  if (/is running/.test(run('lpstat', ['-r']).stdout)) return;
  const asRoot = process.getuid?.() === 0;
  run(asRoot ? 'cupsd' : 'sudo', asRoot ? [] : ['-n', 'cupsd']);
  for (let i = 0; i < 50; i++) {
    if (/is running/.test(run('lpstat', ['-r']).stdout)) return;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100); // 0.1 s, without a child
  }
  throw new Error('cupsd did not start');
}

/**
 * Adds (idempotently) a cups-pdf queue. The filter chain goes PDF → PostScript → PDF; the default
 * renderer would rasterise the page, so the test queue renders with pdftocairo, which keeps the text
 * extractable for pdftotext (a real printer would not care).
 */
export function ensurePdfQueue(name: string, enabled = true): void {
  if (run('lpstat', ['-p', name]).status !== 0) {
    const r = run('lpadmin', ['-p', name, '-E', '-v', 'cups-pdf:/', '-m', 'lsb/usr/cups-pdf/CUPS-PDF_opt.ppd', '-o', 'pdftops-renderer-default=pdftocairo']);
    if (r.status !== 0) throw new Error(`lpadmin failed: ${r.stderr}`);
  }
  run('cupsaccept', [name]);
  run(enabled ? 'cupsenable' : 'cupsdisable', [name]);
}

/** Where cups-pdf writes: `Out` in /etc/cups/cups-pdf.conf, ${HOME} being the job owner's home. */
export function cupsPdfOutDir(): string {
  const conf = existsSync('/etc/cups/cups-pdf.conf') ? readFileSync('/etc/cups/cups-pdf.conf', 'utf8') : '';
  const out = /^\s*Out\s+(.+)$/m.exec(conf)?.[1]?.trim() ?? '${HOME}/PDF';
  return out.replace('${HOME}', homedir()).replace('${USER}', process.env.USER ?? 'root');
}

export function listPdfs(dir: string): Set<string> {
  return new Set(existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.pdf')) : []);
}

/** Waits for a PDF that was not in `before` and whose size has stopped changing. */
export async function waitForNewPdf(dir: string, before: Set<string>, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const fresh = [...listPdfs(dir)].filter((f) => !before.has(f));
    if (fresh.length) {
      const path = join(dir, fresh[0]!);
      const size = statSync(path).size;
      await new Promise((r) => setTimeout(r, 300));
      if (size > 0 && statSync(path).size === size) return path;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no new PDF in ${dir} after ${timeoutMs} ms`);
}
