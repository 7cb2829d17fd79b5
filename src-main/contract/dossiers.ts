import { z } from 'zod';
import { method } from './method.ts';
import { Identity } from './identity.ts';
import { SubmissionChannel } from './procedures.ts';

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
export const IsoDateTime = z.string().datetime({ offset: true });
export const StatusCode = z.number().int().min(1).max(10);

/** A person on the dossier: the identity as read, where it came from and how far it is trusted. */
export const Party = z.object({
  identity: Identity,
  trust: z.enum(['verified', 'machine-read', 'manual']),
  phone: z.string().optional(),
  email: z.string().optional(),
});
export type Party = z.infer<typeof Party>;

export const DossierPage = z.object({
  pageNo: z.number().int().min(1),
  sha256: Sha256Hex,
  size: z.number().int().nonnegative(),
  mime: z.string().min(1),
});
export type DossierPage = z.infer<typeof DossierPage>;

export const DossierComponent = z.object({
  id: z.string(),
  code: z.string().default(''),
  name: z.string().min(1),
  originals: z.number().int().min(0).default(0),
  certifiedCopies: z.number().int().min(0).default(0),
  photocopies: z.number().int().min(0).default(0),
  pages: z.array(DossierPage).default([]),
});
export type DossierComponent = z.infer<typeof DossierComponent>;

export const StatusEntry = z.object({
  status: StatusCode,
  at: IsoDateTime,
  by: z.string().optional(),
  note: z.string().optional(),
});
export type StatusEntry = z.infer<typeof StatusEntry>;

/** A form issued for the dossier (Mẫu 01 receipt, 02, 03…), with the hash of the exact PDF printed. */
export const IssuedForm = z.object({
  form: z.string().min(1),
  sha256: Sha256Hex,
  issuedAt: IsoDateTime,
  by: z.string().optional(),
});
export type IssuedForm = z.infer<typeof IssuedForm>;

/** The appointment date the calendar computed, stored as given (with its reasoning for the officer). */
export const Appointment = z.object({
  dueAt: IsoDateTime,
  reasoning: z.unknown().optional(),
});

/** What the reception screen hands to `accept`: everything but the codes, ids and history. */
export const DossierDraft = z.object({
  procedureCode: z.string().min(1),
  procedureName: z.string().min(1),
  channel: SubmissionChannel.default('direct'),
  applicant: Party,
  /** Chủ hồ sơ, when not the person submitting. */
  owner: Party.optional(),
  summary: z.string().max(1000).default(''),
  components: z.array(DossierComponent.omit({ id: true })).default([]),
  receivedAt: IsoDateTime.optional(),
  appointment: Appointment.optional(),
  acceptedBy: z.string().optional(),
});
export type DossierDraft = z.input<typeof DossierDraft>;
export type ParsedDossierDraft = z.output<typeof DossierDraft>;

export const Dossier = z.object({
  id: z.string(),
  provisionalCode: z.string().nullable(),
  officialCode: z.string().nullable(),
  agencyCode: z.string(),
  counterId: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  channel: SubmissionChannel,
  applicant: Party,
  owner: Party.nullable(),
  summary: z.string(),
  status: StatusCode,
  receivedAt: IsoDateTime,
  dueAt: IsoDateTime.nullable(),
  dueReasoning: z.unknown().optional(),
  acceptedBy: z.string().nullable(),
  provinceConfirmedAt: IsoDateTime.nullable(),
  components: z.array(DossierComponent),
  statusHistory: z.array(StatusEntry),
  forms: z.array(IssuedForm),
});
export type Dossier = z.infer<typeof Dossier>;


export const DossierSummary = z.object({
  id: z.string(),
  code: z.string(),
  provisional: z.boolean(),
  applicantName: z.string(),
  applicantIdNumber: z.string().nullable(),
  procedureCode: z.string(),
  procedureName: z.string(),
  status: z.number().int(),
  receivedAt: z.string(),
  dueAt: z.string().nullable(),
});
export type DossierSummary = z.infer<typeof DossierSummary>;

export const DossierSearchItem = DossierSummary.extend({
  matchedIn: z.enum(['dossier', 'page']),
  pageNo: z.number().int().optional(),
});
export type DossierSearchItem = z.infer<typeof DossierSearchItem>;

const Paging = { limit: z.number().int().min(1).max(200).default(20), offset: z.number().int().min(0).default(0) };

/** Why personal data is being read; recorded in the audit log with who and when. */
const Reason = z.string().trim().min(1).max(500).default('Giải quyết hồ sơ / processing the dossier');

export const dossiersMethods = {
  'dossiers.accept': method({
    summary: 'Accept a dossier (code, rows, history, search index and accept hooks in one transaction)',
    input: DossierDraft,
    output: Dossier,
  }),
  'dossiers.get': method({ summary: 'Read one dossier (audited)', input: z.object({ id: z.string(), reason: Reason }), output: Dossier }),
  'dossiers.list': method({
    summary: 'List dossiers, newest first, with paging',
    input: z.object({ status: StatusCode.optional(), ...Paging }),
    output: z.object({ total: z.number().int(), items: z.array(DossierSummary) }),
  }),
  'dossiers.search': method({
    summary: 'Search names, ID numbers, codes, procedures and OCR text (accents optional)',
    input: z.object({ query: z.string().max(200), ...Paging }),
    output: z.object({ items: z.array(DossierSearchItem), hasMore: z.boolean(), pagesPartial: z.boolean().default(false), tookMs: z.number() }),
  }),
  'dossiers.setOfficialCode': method({
    summary: 'Store the official code issued by the provincial system',
    input: z.object({ id: z.string(), code: z.string() }),
    output: Dossier,
  }),
  'dossiers.changeStatus': method({
    summary: 'Move a dossier to another national status (1–10)',
    input: z.object({ id: z.string(), status: StatusCode, note: z.string().max(1000).optional() }),
    output: Dossier,
  }),
  'dossiers.recordForm': method({
    summary: 'Record a form issued for a dossier (with the hash of the printed file)',
    input: z.object({ id: z.string(), form: z.string().min(1), sha256: Sha256Hex }),
    output: Dossier,
  }),
  'dossiers.markProvinceConfirmed': method({
    summary: 'Record that the province has the dossier (starts the retention period)',
    input: z.object({ id: z.string(), at: IsoDateTime.optional() }),
    output: Dossier,
  }),
  'dossiers.indexPageText': method({
    summary: 'Index the OCR text of one page for search',
    input: z.object({ dossierId: z.string(), componentId: z.string(), pageNo: z.number().int().min(1), text: z.string().max(200_000) }),
    output: z.object({ ok: z.literal(true) }),
  }),
};
