import type { HandlersOf } from '../../rpc/handlers.ts';
import { viDay } from '../../domain/reports/summary-rows.ts';
import { reportPdf } from './report-pdf.ts';
import { reportWorkbook } from './report-xlsx.ts';
import type { ReportsService } from './reports-service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fileStem = (from: string, to: string) => `bao-cao-${viDay(from).replaceAll('/', '')}-${viDay(to).replaceAll('/', '')}`;

export function reportsHandlers(reports: ReportsService, place: () => string): HandlersOf<'reports.figures' | 'reports.dossiers' | 'reports.exportXlsx' | 'reports.pdf' | 'reports.counterHealth'> {
  return {
    'reports.figures': (input) => reports.report(input),
    'reports.dossiers': (input) => reports.dossiers(input.ids),
    'reports.exportXlsx': async (input) => {
      const bytes = await reportWorkbook(await reports.report(input));
      return { fileName: `${fileStem(input.from, input.to)}.xlsx`, mime: XLSX, base64: bytes.toString('base64'), bytes: bytes.length };
    },
    'reports.pdf': async (input) => {
      const bytes = await reportPdf(await reports.report(input), place());
      return { fileName: `${fileStem(input.from, input.to)}.pdf`, mime: 'application/pdf', base64: Buffer.from(bytes).toString('base64'), bytes: bytes.length };
    },
    'reports.counterHealth': () => reports.counterHealth(),
  };
}
