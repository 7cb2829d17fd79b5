import { z } from 'zod';
import { method } from './method.ts';
import { Identity } from './identity.ts';
import { Dossier } from './dossiers.ts';
import { FormKind, SupplementItem } from './print.ts';
import { Appointment } from './calendar.ts';
import { defineErrors } from './errors.ts';
import { CodedText } from './common/localized.ts';

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
  /** Set just before the dossier is accepted; with no dossierId it means a crash mid-accept. */
  acceptStartedAt: z.string().optional(),
  /** Forms issued before acceptance (Mẫu 02 supplement, Mẫu 03 refusal), by hash. */
  forms: z.array(z.object({ form: FormKind, sha256: z.string(), issuedAt: z.string() })).default([]),
});
export type ReceptionDraft = z.infer<typeof ReceptionDraft>;

export const DraftSummary = z.object({
  id: z.string(),
  updatedAt: z.string(),
  step: ReceptionDraft.shape.step,
  applicantName: z.string().optional(),
  procedureCode: z.string().optional(),
  scanSessionId: z.string().optional(),
});

/** A form ready to show and print: the archived PDF's hash and a PNG of its first page. */
export const IssuedFormView = z.object({
  form: FormKind,
  sha256: z.string(),
  pages: z.number().int(),
  pngDataUrl: z.string(),
  printed: z.object({ printer: z.string(), jobId: z.string() }).optional(),
  printError: CodedText.optional(),
});
export type IssuedFormView = z.infer<typeof IssuedFormView>;

export const FormRequest = z.object({
  form: FormKind,
  /** A stored dossier, or a reception not accepted (for Mẫu 02 / 03 handed over at the counter). */
  dossierId: z.string().optional(),
  draftId: z.string().optional(),
  supplementItems: z.array(SupplementItem).optional(),
  refusalReason: z.string().max(1000).optional(),
  print: z.boolean().default(false),
});

export const receptionMethods = {
  'reception.accept': method({
    summary: 'Accept the reception: build component PDFs, compute the appointment, store the dossier (queued for upload) and issue Mẫu 01',
    input: z.object({ draftId: z.string(), print: z.boolean().default(false), officerName: z.string().default('') }),
    output: z.object({ dossier: Dossier, appointment: Appointment.optional(), receipt: IssuedFormView, recovered: z.boolean() }),
  }),
  'reception.issueForm': method({ summary: 'Render, archive and optionally print a form for a dossier or a reception', input: FormRequest, output: IssuedFormView }),
  'reception.drafts.save': method({ summary: 'Save the reception in progress (encrypted at rest)', input: ReceptionDraft, output: z.object({ id: z.string(), updatedAt: z.string() }) }),
  'reception.drafts.get': method({ summary: 'Resume a saved reception', input: z.object({ id: z.string() }), output: ReceptionDraft }),
  'reception.drafts.list': method({ summary: 'Receptions not finished yet', input: z.object({}), output: z.array(DraftSummary) }),
  'reception.drafts.discard': method({ summary: 'Drop a saved reception', input: z.object({ id: z.string() }), output: z.object({ discarded: z.boolean() }) }),
};

export const DraftErrors = defineErrors({
  DRAFT_NOT_FOUND: { vi: 'Không tìm thấy hồ sơ đang tiếp nhận dở.', en: 'No such reception in progress.' },
  DRAFT_UNREADABLE: { vi: 'Không đọc được bản lưu tạm của hồ sơ (tệp hỏng).', en: 'The saved reception cannot be read (damaged file).' },
});

export const ReceptionErrors = defineErrors({
  RECEPTION_NO_APPLICANT: { vi: 'Chưa có thông tin người nộp hồ sơ.', en: 'The applicant is missing.' },
  RECEPTION_APPLICANT_NO_ID: { vi: 'Người nộp hồ sơ chưa có số định danh cá nhân (12 chữ số). Mã BHYT chỉ bổ sung thông tin bảo hiểm; hãy quét CCCD/VNeID hoặc nhập số định danh.', en: 'The applicant has no personal ID number (12 digits). A BHYT code only adds insurance data; scan the ID card/VNeID or type the ID number.' },
  RECEPTION_NO_PROCEDURE: { vi: 'Chưa chọn thủ tục hành chính.', en: 'No procedure chosen.' },
  RECEPTION_MISSING_COMPONENTS: { vi: 'Còn thành phần hồ sơ bắt buộc chưa nhận. Hãy nhận đủ hoặc lập phiếu yêu cầu bổ sung (Mẫu 02).', en: 'Required components are missing. Receive them or issue a supplement request (form 02).' },
  RECEPTION_NEEDS_TARGET: { vi: 'Cần chỉ rõ hồ sơ hoặc lượt tiếp nhận để in biểu mẫu.', en: 'Name a dossier or a reception to print the form for.' },
});
