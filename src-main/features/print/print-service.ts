import QRCode from 'qrcode';
import { PrintErrors, type FormKind, type PrinterProfile, type TicketPrinter } from '../../contract/print.ts';
import type { Settings } from '../../contract/settings.ts';
import type { SystemPrinterDriver } from '../../devices/printer/system-printer.ts';
import { printTicket } from '../../devices/printer/escpos/ticket-printer.ts';
import { formatDateTime, vnDay } from '../../domain/vn-date.ts';
import { buildVietQr } from '../../domain/vietqr/vietqr.ts';
import { paymentReference } from '../../domain/vietqr/reference.ts';
import { renderPdfPagePng } from './forms/preview.ts';
import { renderForm, type RenderedPdf } from './forms/render.ts';
import { formTemplate } from './forms/templates/template.ts';
import { renderTestPage } from './forms/test-page.ts';

/** Where issued PDFs go with their dossier (the store's blob store + dossiers.recordForm). */
export interface IssuedFormArchive {
  archive(dossierId: string, form: string, pdf: Uint8Array): void;
}

export interface PrintServiceDeps {
  settings: { get(): Settings };
  systemPrinter: SystemPrinterDriver;
  now?: () => Date;
}

const DEFAULT_PROFILE: PrinterProfile = { printer: '', paper: 'A5', margins: { top: 0, right: 0, bottom: 0, left: 0 }, copies: 1, silent: true };

/** Forms to PDF, preview, system printing by profile, ESC/POS tickets and the VietQR fee code. */
export class PrintService {
  constructor(private readonly d: PrintServiceDeps) {}

  private renderOptions() {
    const s = this.d.settings.get();
    return { formSet: s.print.formSet, texts: s.print.texts, payment: s.payment };
  }

  formsList() {
    const s = this.d.settings.get();
    const tpl = formTemplate(s.print.formSet, s.print.texts);
    return (['receipt', 'supplement', 'refusal', 'control'] as const).map((kind) => ({ kind, number: tpl.form(kind).number, title: tpl.form(kind).title }));
  }

  render(kind: FormKind, data: unknown): Promise<RenderedPdf> {
    return renderForm(kind, data, this.renderOptions());
  }

  async preview(kind: FormKind, data: unknown, page: number, widthPx: number) {
    const pdf = await this.render(kind, data);
    const { png, pages } = await renderPdfPagePng(pdf.bytes, page, widthPx);
    return { pngDataUrl: `data:image/png;base64,${png.toString('base64')}`, pages, sha256: pdf.sha256 };
  }

  profile(kind: FormKind): PrinterProfile {
    return { ...DEFAULT_PROFILE, ...this.d.settings.get().print.profiles[kind] };
  }

  async printPdf(pdf: RenderedPdf, profile: PrinterProfile, title: string) {
    const job = await this.d.systemPrinter.printPdf({ ...profile, pdf: pdf.bytes, title });
    return { printer: job.printer, jobId: job.jobId, sha256: pdf.sha256, copies: profile.copies };
  }

  async printForm(kind: FormKind, data: unknown, printer?: string) {
    const pdf = await this.render(kind, data);
    const profile = this.profile(kind);
    const code = (data as { dossierCode?: string }).dossierCode ?? '';
    return { pdf, job: await this.printPdf(pdf, printer ? { ...profile, printer } : profile, `Mau-${pdf.formNumber}-${code.replace(/[^0-9A-Za-z.-]/g, '')}`) };
  }

  async printTest(printer: string) {
    const pdf = await renderTestPage(printer, this.renderOptions());
    return this.printPdf(pdf, { ...DEFAULT_PROFILE, printer }, `Trang-in-thu-${Date.now()}`);
  }

  listPrinters() {
    return this.d.systemPrinter.list();
  }

  ticketPrinter(id?: string): TicketPrinter {
    const s = this.d.settings.get().print;
    const wanted = id || s.defaultTicketPrinter || s.ticketPrinters[0]?.id;
    const p = s.ticketPrinters.find((t) => t.id === wanted);
    if (!p) throw PrintErrors.raise('TICKET_PRINTER_UNKNOWN', { id: wanted ?? '' });
    return p;
  }

  async ticket(input: { number: number; printerId?: string; counter: string; service: string }) {
    const p = this.ticketPrinter(input.printerId);
    const s = this.d.settings.get();
    const now = (this.d.now ?? (() => new Date()))();
    const number = String(input.number).padStart(4, '0');
    const r = await printTicket(
      {
        agency: s.agency.name || 'Quầy Một cửa',
        title: 'SỐ THỨ TỰ',
        number,
        service: input.service,
        counter: input.counter ? `Quầy ${input.counter}` : '',
        issuedAt: formatDateTime(now),
        qr: `STT:${number}:${vnDay(now)}`,
      },
      p,
    );
    return { printerId: p.id, bytes: r.bytes, status: r.status };
  }

  async vietQr(amount: number, reference: string) {
    const pay = this.d.settings.get().payment;
    if (!pay.enabled || !pay.bankBin || !pay.accountNumber) throw PrintErrors.raise('PAYMENT_NOT_CONFIGURED');
    const payload = buildVietQr({ bankBin: pay.bankBin, accountNumber: pay.accountNumber, amount, reference: paymentReference(pay.referencePrefix, reference) });
    return { payload, pngDataUrl: await QRCode.toDataURL(payload, { errorCorrectionLevel: 'M', margin: 2, scale: 6 }) };
  }
}
