import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SystemPrinter } from '../../../contract/print.ts';
import type { PdfPrintRequest, SystemPrinterDriver } from '../system-printer.ts';

export const TRAINING_PRINTER = 'Máy in giả lập (PDF, đào tạo)';

/** Safe file name part from a job title (diacritics kept, path characters dropped). */
function fileSafe(title: string): string {
  return title.replace(/[\\/:*?"<>|\x00-\x1f]+/g, '_').slice(0, 80) || 'job';
}

/**
 * Training mode's system printer: every job becomes a PDF file in the training data folder, so an
 * officer can open what "came out" and no real printer is touched.
 */
export class PdfFolderPrinter implements SystemPrinterDriver {
  readonly name = 'training-pdf';
  private seq = 0;

  constructor(readonly dir: string) {}

  async list(): Promise<SystemPrinter[]> {
    return [{ name: TRAINING_PRINTER, status: 'ready', isDefault: true, detail: this.dir }];
  }

  async printPdf(r: PdfPrintRequest): Promise<{ printer: string; jobId: string }> {
    mkdirSync(this.dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const jobId = `${stamp}-${++this.seq}`;
    for (let copy = 1; copy <= r.copies; copy++) {
      writeFileSync(join(this.dir, `${jobId}-${fileSafe(r.title)}${r.copies > 1 ? `-ban-${copy}` : ''}.pdf`), r.pdf);
    }
    return { printer: r.printer || TRAINING_PRINTER, jobId };
  }
}
