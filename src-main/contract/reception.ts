import { z } from 'zod';
import { method } from './method.ts';
import { Identity } from './identity.ts';

/**
 * The reception screen's work in progress, saved on every change so a crash or power cut loses
 * nothing typed or scanned (scanned pages live in their scan session; the draft keeps its id).
 */
export const ReceptionDraft = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{6,64}$/),
  updatedAt: z.string(),
  step: z.enum(['applicant', 'procedure', 'components', 'review', 'done']),
  applicant: Identity.optional(),
  applicantTrust: z.enum(['verified', 'machine-read', 'manual']).optional(),
  phone: z.string().max(20).optional(),
  procedureCode: z.string().optional(),
  /** Components the officer ticked as handed over, with the copies received. */
  received: z.record(z.string(), z.object({ originals: z.number().int().min(0), certifiedCopies: z.number().int().min(0), photocopies: z.number().int().min(0) })).default({}),
  scanSessionId: z.string().optional(),
  note: z.string().max(1000).default(''),
  dossierId: z.string().optional(),
});
export type ReceptionDraft = z.infer<typeof ReceptionDraft>;

export const DraftSummary = z.object({ id: z.string(), updatedAt: z.string(), step: ReceptionDraft.shape.step, applicantName: z.string().optional(), procedureCode: z.string().optional() });

export const receptionMethods = {
  'reception.drafts.save': method({ summary: 'Save the reception in progress (encrypted at rest)', input: ReceptionDraft, output: z.object({ id: z.string(), updatedAt: z.string() }) }),
  'reception.drafts.get': method({ summary: 'Resume a saved reception', input: z.object({ id: z.string() }), output: ReceptionDraft }),
  'reception.drafts.list': method({ summary: 'Receptions not finished yet', input: z.object({}), output: z.array(DraftSummary) }),
  'reception.drafts.discard': method({ summary: 'Drop a saved reception', input: z.object({ id: z.string() }), output: z.object({ discarded: z.boolean() }) }),
};
