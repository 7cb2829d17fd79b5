import type { HandlersOf } from '../../rpc/handlers.ts';
import type { IssuedFormArchive, PrintService } from './print-service.ts';
import { sampleFormData } from './forms/sample.ts';
import { FormData } from '../../contract/print.ts';

type PrintMethods =
  | 'print.forms.list'
  | 'print.forms.sample'
  | 'print.forms.render'
  | 'print.forms.preview'
  | 'print.forms.print'
  | 'print.printers.list'
  | 'print.test'
  | 'print.ticket'
  | 'print.vietqr';

/** `dossierId` in a view model is not part of the contract; forms printed for a stored dossier are archived via `archive`. */
export function printHandlers(print: PrintService, archive?: IssuedFormArchive & { dossierIdOf?(code: string): string | undefined }): HandlersOf<PrintMethods> {
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
  return {
    'print.forms.list': () => print.formsList(),
    'print.forms.sample': ({ form }) => FormData.parse(sampleFormData(form)),
    'print.forms.render': async ({ form, data }) => {
      const pdf = await print.render(form, data);
      return { pdfBase64: b64(pdf.bytes), sha256: pdf.sha256, bytes: pdf.bytes.length, pages: pdf.pages, formNumber: pdf.formNumber };
    },
    'print.forms.preview': ({ form, data, page, widthPx }) => print.preview(form, data, page, widthPx),
    'print.forms.print': async ({ form, data, printer }) => {
      const { pdf, job } = await print.printForm(form, data, printer);
      const id = archive?.dossierIdOf?.(data.dossierCode);
      if (archive && id) archive.archive(id, `Mẫu ${pdf.formNumber}`, pdf.bytes);
      return job;
    },
    'print.printers.list': () => print.listPrinters(),
    'print.test': ({ printer }) => print.printTest(printer),
    'print.ticket': (input) => print.ticket(input),
    'print.vietqr': ({ amount, reference }) => print.vietQr(amount, reference),
  };
}
