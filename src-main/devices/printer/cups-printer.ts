import { execProgram } from '../../platform/exec.ts';
import { PrintErrors, type SystemPrinter } from '../../contract/print.ts';
import type { PdfPrintRequest, SystemPrinterDriver } from './system-printer.ts';

/** `lpstat -p -d`: one "printer NAME is idle. …" line per queue and "system default destination: NAME". */
export function parseLpstat(stdout: string): SystemPrinter[] {
  const def = /system default destination: (\S+)/.exec(stdout)?.[1];
  const out: SystemPrinter[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^printer (\S+) (.*)$/.exec(line.trim());
    if (!m) continue;
    const [, name, state] = m as unknown as [string, string, string];
    const status = /disabled/.test(state) ? 'offline' : /now printing/.test(state) ? 'busy' : 'ready';
    out.push({ name, status, isDefault: name === def, detail: state });
  }
  return out;
}

/** "request id is PDF-12 (1 file(s))" → "PDF-12". */
export function parseLpJobId(stdout: string): string | undefined {
  return /request id is (\S+)/.exec(stdout)?.[1];
}

const MM_TO_PT = 72 / 25.4;

/** The `lp` options for a profile: paper, margins (points), copies, and no scaling of our exact layout. */
export function lpArgs(r: PdfPrintRequest, printer: string): string[] {
  const args = ['-d', printer, '-n', String(r.copies), '-t', r.title, '-o', `media=${r.paper}`, '-o', 'fit-to-page=false'];
  const m = r.margins;
  if (m.top || m.right || m.bottom || m.left) {
    for (const [side, mm] of Object.entries({ top: m.top, right: m.right, bottom: m.bottom, left: m.left })) args.push('-o', `page-${side}=${Math.round(mm * MM_TO_PT)}`);
  }
  return args;
}

/** Prints through CUPS (`lp`, PDF on stdin) and lists queues with `lpstat`. */
export class CupsPrinter implements SystemPrinterDriver {
  readonly name = 'cups';

  async list(): Promise<SystemPrinter[]> {
    const r = await execProgram('lpstat', ['-p', '-d'], { timeoutMs: 5_000 });
    if (r.missing) throw PrintErrors.raise('PRINT_SYSTEM_MISSING');
    return parseLpstat(r.stdout);
  }

  async printPdf(r: PdfPrintRequest): Promise<{ printer: string; jobId: string }> {
    const printers = await this.list();
    const target = r.printer ? printers.find((p) => p.name === r.printer) : printers.find((p) => p.isDefault);
    if (!target) throw PrintErrors.raise('PRINTER_NOT_FOUND', { printer: r.printer || '(default)', known: printers.map((p) => p.name) });
    if (target.status === 'offline') throw PrintErrors.raise('PRINTER_OFFLINE', { printer: target.name, detail: target.detail });
    const res = await execProgram('lp', lpArgs(r, target.name), { timeoutMs: 30_000, input: Buffer.from(r.pdf) });
    const jobId = parseLpJobId(res.stdout);
    if (res.code !== 0 || !jobId) throw PrintErrors.raise('PRINT_FAILED', { printer: target.name, stderr: res.stderr.trim().slice(0, 300) });
    return { printer: target.name, jobId };
  }
}
