import { BrowserWindow } from 'electron';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrintErrors, type SystemPrinter } from '../contract/print.ts';
import type { PdfPrintRequest, SystemPrinterDriver } from '../devices/printer/system-printer.ts';
import { renderPdfPagePng } from '../features/print/forms/preview.ts';

const PAPER_MM = { A5: [148, 210], A4: [210, 297] } as const;
/** 300 dpi: sharp enough for text, QR and Code 128 on an office laser printer. */
const DPI = 300;

/**
 * Electron system printing. Chromium's PDF viewer does not print reliably from a hidden window, so
 * the core's PDF (the archived, hashed one) is rasterised page by page at 300 dpi and printed from a
 * small page of <img>s with `webContents.print` (printer by system name, paper, copies, silent). The
 * margins go in CSS @page, because Electron's custom print margins are ignored by some drivers.
 */
export function electronSystemPrinter(): SystemPrinterDriver {
  const anyContents = () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (!win) throw PrintErrors.raise('PRINT_SYSTEM_MISSING');
    return win.webContents;
  };
  return {
    name: 'electron',
    async list(): Promise<SystemPrinter[]> {
      const printers = await anyContents().getPrintersAsync();
      return printers.map((p) => ({ name: p.name, status: 'ready', isDefault: !!(p as { isDefault?: boolean }).isDefault, detail: p.displayName ?? '' }));
    },
    async printPdf(r: PdfPrintRequest) {
      if (r.printer) {
        const known = await this.list();
        if (!known.some((p) => p.name === r.printer)) throw PrintErrors.raise('PRINTER_NOT_FOUND', { printer: r.printer });
      }
      const [wMm, hMm] = PAPER_MM[r.paper];
      const widthPx = Math.round((wMm / 25.4) * DPI);
      const first = await renderPdfPagePng(r.pdf, 1, widthPx);
      const pngs = [first.png];
      for (let p = 2; p <= first.pages; p++) pngs.push((await renderPdfPagePng(r.pdf, p, widthPx)).png);
      const m = r.margins;
      const html = `<!doctype html><meta charset="utf-8"><title>${r.title.replace(/[<&]/g, '')}</title><style>
@page { size: ${wMm}mm ${hMm}mm; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm }
html, body { margin: 0 } img { display: block; width: 100%; height: auto; page-break-after: always }
</style>${pngs.map((png) => `<img src="data:image/png;base64,${png.toString('base64')}">`).join('')}`;
      const dir = mkdtempSync(join(tmpdir(), 'counter-print-'));
      const file = join(dir, 'job.html');
      writeFileSync(file, html);
      const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, javascript: false } });
      try {
        await win.loadFile(file);
        await new Promise<void>((resolve, reject) =>
          win.webContents.print(
            { silent: r.silent, deviceName: r.printer || undefined, copies: r.copies, pageSize: r.paper, printBackground: true, margins: { marginType: 'none' } },
            (ok, reason) => (ok ? resolve() : reject(PrintErrors.raise('PRINT_FAILED', { printer: r.printer, reason }))),
          ),
        );
      } finally {
        win.destroy();
        rmSync(dir, { recursive: true, force: true });
      }
      return { printer: r.printer || '(default)', jobId: `electron-${Date.now()}` };
    },
  };
}
