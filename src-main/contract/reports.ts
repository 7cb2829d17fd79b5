import { z } from 'zod';
import { method } from './method.ts';
import { DossierSummary } from './dossiers.ts';

/** One dossier as the report sees it: only the facts the figures are defined on, no personal data. */
export const ReportRecord = z.object({
  id: z.string(),
  code: z.string(),
  counterId: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  fieldCode: z.string(),
  fieldName: z.string(),
  channel: z.enum(['direct', 'online', 'postal']),
  receivedAt: z.string(),
  dueAt: z.string().nullable(),
  /** First time the dossier reached 9 (processed) — or 10 when 9 was skipped. */
  resolvedAt: z.string().nullable(),
  /** When the result was handed over (status 10). */
  returnedAt: z.string().nullable(),
  /** Required (non-optional) components of the procedure for the dossier's channel. */
  requiredComponents: z.number().int().nonnegative(),
  /** Of those, how many had at least one digitized page when the dossier was accepted. */
  digitizedRequired: z.number().int().nonnegative(),
  /** Components of any kind with at least one page at acceptance. */
  digitizedComponents: z.number().int().nonnegative(),
  /** A digitized result document was delivered with the return. */
  resultDigitized: z.boolean(),
  feeVnd: z.number().int().nonnegative(),
  /** A VietQR payment code was shown or printed for the fee. */
  feeQrShown: z.boolean(),
  /** Forms issued for the dossier, by form number ('01', '02', '03', …). */
  formsIssued: z.array(z.string()),
  /** Seconds from the citizen's arrival (ticket) to the start of the reception, when known. */
  waitSeconds: z.number().nonnegative().nullable(),
  /** Seconds from the start of the reception to acceptance, when known. */
  handleSeconds: z.number().nonnegative().nullable(),
});
export type ReportRecord = z.infer<typeof ReportRecord>;

/** A count with the dossiers behind it, so every figure can be opened. */
export const CountedIds = z.object({ count: z.number().int().nonnegative(), ids: z.array(z.string()) });
export type CountedIds = z.infer<typeof CountedIds>;

export const RateFigure = CountedIds.extend({
  of: z.number().int().nonnegative(),
  /** count / of as a percentage with two decimals; null when `of` is 0. */
  percent: z.number().nullable(),
});
export type RateFigure = z.infer<typeof RateFigure>;

export const GroupRow = CountedIds.extend({ key: z.string(), label: z.string() });
export type GroupRow = z.infer<typeof GroupRow>;

export const MonthRow = z.object({
  /** yyyy-MM in Vietnam time. */
  month: z.string(),
  received: z.number().int().nonnegative(),
  resolved: z.number().int().nonnegative(),
  onTimePercent: z.number().nullable(),
});
export type MonthRow = z.infer<typeof MonthRow>;

export const ReportPeriod = z.object({
  /** First day, yyyy-MM-dd, Vietnam calendar day, inclusive. */
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Last day, yyyy-MM-dd, inclusive. */
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type ReportPeriod = z.infer<typeof ReportPeriod>;

export const ReportFigures = z.object({
  period: ReportPeriod,
  received: CountedIds,
  byProcedure: z.array(GroupRow),
  byField: z.array(GroupRow),
  byChannel: z.array(GroupRow),
  fullyDigitizedOnReceipt: RateFigure,
  resolved: CountedIds,
  resolvedEarly: RateFigure,
  resolvedOnTime: RateFigure,
  resolvedLate: RateFigure,
  /** Working days past the appointment, summed over the late dossiers. */
  lateWorkingDays: z.number().int().nonnegative(),
  returned: CountedIds,
  returnedWithDigitizedResult: RateFigure,
  feesDue: CountedIds,
  feesWithVietQr: RateFigure,
  feesTotalVnd: z.number().int().nonnegative(),
  supplementFormsIssued: CountedIds,
  refusalFormsIssued: CountedIds,
  averageWaitMinutes: z.number().nullable(),
  averageHandleMinutes: z.number().nullable(),
  months: z.array(MonthRow),
});
export type ReportFigures = z.infer<typeof ReportFigures>;

/** Where the figures came from: this PC's store, or the province's data for the whole agency. */
export const ReportSource = z.enum(['local', 'province']);

export const ReportRequest = ReportPeriod.extend({
  /** This counter only, or every counter of the agency the data covers. */
  scope: z.enum(['counter', 'agency']).default('agency'),
});
export type ReportRequest = z.input<typeof ReportRequest>;

export const Report = z.object({
  figures: ReportFigures,
  scope: z.enum(['counter', 'agency']),
  source: ReportSource,
  agencyCode: z.string(),
  agencyName: z.string(),
  counterId: z.string(),
  generatedAt: z.string(),
});
export type Report = z.infer<typeof Report>;

export const ReportFile = z.object({ fileName: z.string(), mime: z.string(), base64: z.string(), bytes: z.number().int() });

/** What district IT needs to know about this counter without visiting it (no personal data). */
export const CounterHealth = z.object({
  agencyCode: z.string(),
  counterId: z.string(),
  appVersion: z.string(),
  trainingMode: z.boolean(),
  lastDeliveryAt: z.string().nullable(),
  queueDepth: z.number().int().nonnegative(),
  quarantined: z.number().int().nonnegative(),
  network: z.string(),
  devices: z.array(z.object({ kind: z.string(), name: z.string(), status: z.string() })),
  /** SHA-256 of the settings that shape behaviour (no secrets), to spot a counter that drifted. */
  configFingerprint: z.string(),
});
export type CounterHealth = z.infer<typeof CounterHealth>;

export const reportsMethods = {
  'reports.figures': method({ summary: 'The commune report for a period: received, digitized, on time, returned, fees, forms, times', input: ReportRequest, output: Report }),
  'reports.dossiers': method({
    summary: 'The dossiers behind a figure (codes, procedures and statuses; names only as the dossier list shows them)',
    input: z.object({ ids: z.array(z.string()).max(2000) }),
    output: z.object({ items: z.array(DossierSummary) }),
  }),
  'reports.exportXlsx': method({ summary: 'The report as an Excel workbook (.xlsx), Vietnamese headings', input: ReportRequest, output: ReportFile }),
  'reports.pdf': method({ summary: 'The report as a PDF in the layout a commune sends upward', input: ReportRequest, output: ReportFile }),
  'reports.counterHealth': method({ summary: 'This counter\'s health for IT: last delivery, queue depth, devices, configuration fingerprint, version', input: z.object({}), output: CounterHealth }),
};
