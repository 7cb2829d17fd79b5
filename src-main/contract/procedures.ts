import { z } from 'zod';
import { method } from './method.ts';

/** National procedure code in the CSDL quốc gia về TTHC, e.g. 1.004859 or 2.000908. */
export const NATIONAL_PROCEDURE_CODE = /^\d\.\d{6}$/;

/** How a dossier reaches the agency (DVCQG `KENH`: 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích). */
export const SubmissionChannel = z.enum(['direct', 'online', 'postal']);
export type SubmissionChannel = z.infer<typeof SubmissionChannel>;

export const ProcessingTime = z.object({
  value: z.number().positive().max(365 * 24),
  unit: z.enum(['working-days', 'working-hours']),
});

export const Fee = z.object({
  code: z.string().optional(),
  name: z.string().min(1),
  /** Amount in đồng; 0 for "miễn phí". */
  amountVnd: z.number().int().nonnegative(),
  note: z.string().optional(),
});
export type Fee = z.infer<typeof Fee>;

/** How many papers of one component a channel asks for: bản chính, bản sao chứng thực, bản photo. */
export const ComponentCopies = z.object({
  channel: SubmissionChannel,
  originals: z.number().int().min(0).max(20),
  certifiedCopies: z.number().int().min(0).max(20),
  photocopies: z.number().int().min(0).max(20),
});
export type ComponentCopies = z.infer<typeof ComponentCopies>;

export const RequiredComponent = z.object({
  /** MAGIAYTO where the national catalogue gives one. */
  code: z.string().default(''),
  name: z.string().min(1),
  optional: z.boolean().default(false),
  copies: z.array(ComponentCopies).min(1),
});
export type RequiredComponent = z.infer<typeof RequiredComponent>;

export const ProcedureField = z.object({ code: z.string().default(''), name: z.string().min(1) });

export const Procedure = z.object({
  code: z.string().regex(NATIONAL_PROCEDURE_CODE),
  /** Provincial instance code (e.g. 1.003560.000.00.00.H56) where the province uses one. */
  localCode: z.string().optional(),
  name: z.string().min(3),
  field: ProcedureField,
  level: z.enum(['commune', 'district', 'province']).default('commune'),
  processingTime: ProcessingTime,
  /** Per-channel time limit where it differs from `processingTime`. */
  processingTimeByChannel: z.array(z.object({ channel: SubmissionChannel, time: ProcessingTime })).default([]),
  /** "after 15:00 counts as next working day" style cut-off, HH:mm, when the procedure states one. */
  sameDayCutoff: z.string().regex(/^\d{2}:\d{2}$/).optional(),
  fees: z.array(Fee).default([]),
  components: z.array(RequiredComponent).default([]),
  /** Legal basis, for the officer's reference. */
  legalBasis: z.array(z.string()).default([]),
  /** True for invented sample entries that are not from a published catalogue. */
  sample: z.boolean().default(false),
  active: z.boolean().default(true),
});
export type Procedure = z.infer<typeof Procedure>;
export type ProcedureInput = z.input<typeof Procedure>;


export const ProcedureSummary = z.object({ code: z.string(), name: z.string(), fieldName: z.string(), sample: z.boolean(), active: z.boolean() });

export const CatalogImportReport = z.object({
  imported: z.number().int(),
  rejected: z.array(z.object({ row: z.number().int(), code: z.string().optional(), errors: z.array(z.string()) })),
});
export type CatalogImportReport = z.infer<typeof CatalogImportReport>;

export const proceduresMethods = {
  'procedures.list': method({
    summary: 'List the procedure catalogue',
    input: z.object({ field: z.string().optional(), includeInactive: z.boolean().default(false) }),
    output: z.array(ProcedureSummary),
  }),
  'procedures.get': method({ summary: 'One procedure with components, fees and time limit', input: z.object({ code: z.string() }), output: Procedure }),
  'procedures.import': method({
    summary: 'Import procedures from JSON or CSV text; valid rows are kept, rejected rows reported',
    input: z.object({ content: z.string().max(20_000_000), format: z.enum(['json', 'csv']), dryRun: z.boolean().default(false) }),
    output: CatalogImportReport,
  }),
};
