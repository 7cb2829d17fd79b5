import type { PrinterProfile, SystemPrinter } from '../../contract/print.ts';

/** One PDF to print with a form's profile. */
export interface PdfPrintRequest {
  pdf: Uint8Array;
  /** Empty = the system default printer. */
  printer: string;
  paper: PrinterProfile['paper'];
  margins: PrinterProfile['margins'];
  copies: number;
  silent: boolean;
  /** Job title shown in the queue (and the file name cups-pdf writes). */
  title: string;
}

/**
 * The system printing the core calls. CUPS `lp` under the web host and the CLI; the Electron shell
 * passes its own implementation (webContents.print) in through CoreConfig.systemPrinter.
 */
export interface SystemPrinterDriver {
  readonly name: string;
  list(): Promise<SystemPrinter[]>;
  printPdf(request: PdfPrintRequest): Promise<{ printer: string; jobId: string }>;
}
