import { z } from 'zod';
import { Identity } from '../../contract/identity.ts';
import { SubmissionChannel } from '../procedure/procedure.ts';

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

/** The code to print and to look the dossier up by: the official one once it exists. */
export function displayCode(d: Pick<Dossier, 'officialCode' | 'provisionalCode'>): string {
  return d.officialCode ?? d.provisionalCode ?? '';
}

export function applicantName(d: { applicant: Party }): string {
  return d.applicant.identity.fullName ?? '';
}
