import { z } from 'zod';
import { defineErrors } from './errors.ts';
import { method } from './method.ts';
import { Dossier, Sha256Hex } from './dossiers.ts';
import { VerifyReport } from './signing.ts';

/**
 * The dossier detail view and returning results (trả kết quả): a component PDF for the viewer
 * (audited, it is personal data), the lookup behind the QR on the citizen's slip, the signature
 * state of every component PDF, and the return itself (digitize the result, status 9 → 10).
 */

/** Why personal data is being read; recorded in the audit log with who and when. */
const Reason = z.string().trim().min(1).max(500).default('Xem hồ sơ / viewing the dossier');

/** Where the digitized result comes from: a scan session (scanned or imported pages) or a stored PDF (e.g. queue.fetchResult). */
export const ResultSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('scan'), sessionId: z.string().min(1) }),
  z.object({ kind: z.literal('stored'), sha256: Sha256Hex }),
]);
export type ResultSource = z.infer<typeof ResultSource>;

export const ComponentSignature = z.object({
  componentId: z.string(),
  name: z.string(),
  sha256: z.string(),
  report: VerifyReport,
});
export type ComponentSignature = z.infer<typeof ComponentSignature>;

/** The component code under which the digitized result is filed with the dossier. */
export const RESULT_COMPONENT_CODE = 'KQ';

export const dossierViewMethods = {
  'dossiers.componentPdf': method({
    summary: "A component's PDF as base64 for the page viewer (audited)",
    input: z.object({ dossierId: z.string().min(1), componentId: z.string().min(1), reason: Reason }),
    output: z.object({ componentId: z.string(), name: z.string(), sha256: z.string(), bytes: z.number().int(), pdfBase64: z.string() }),
  }),
  'dossiers.findByCode': method({
    summary: 'Find a dossier by the code typed or read from the QR on the citizen’s slip (code or tracking URL)',
    input: z.object({ text: z.string().max(2000) }),
    output: z.object({ id: z.string(), code: z.string(), provisional: z.boolean(), status: z.number().int() }),
  }),
  'dossiers.componentSignatures': method({
    summary: 'Verify the signatures of every component PDF of a dossier (valid / invalid / unknown)',
    input: z.object({ dossierId: z.string().min(1) }),
    output: z.array(ComponentSignature),
  }),
  'dossiers.returnResult': method({
    summary: 'Return the result: file the digitized result PDF with the dossier and mark it returned (status 10)',
    input: z.object({
      dossierId: z.string().min(1),
      source: ResultSource,
      /** Who collected the result, when not the applicant (written in the status note). */
      collectedBy: z.string().trim().max(200).optional(),
      note: z.string().trim().max(1000).optional(),
    }),
    output: Dossier,
  }),
};

export const DossierViewErrors = defineErrors({
  DOSSIER_COMPONENT_NOT_FOUND: { vi: 'Không tìm thấy thành phần hồ sơ này.', en: 'Dossier component not found.' },
  DOSSIER_COMPONENT_NO_PDF: { vi: 'Thành phần hồ sơ này chưa có bản số hóa (PDF).', en: 'This component has no digitized PDF.' },
  DOSSIER_CODE_UNREADABLE: {
    vi: 'Không đọc được mã hồ sơ từ nội dung quét. Hãy quét lại mã QR trên giấy tiếp nhận hoặc gõ mã hồ sơ.',
    en: 'No dossier code in the scanned text. Scan the QR on the receipt again or type the code.',
  },
  DOSSIER_ALREADY_RETURNED: { vi: 'Hồ sơ này đã trả kết quả trước đó.', en: 'The result of this dossier was already returned.' },
  DOSSIER_NOT_RETURNABLE: {
    vi: 'Hồ sơ ở trạng thái này không thể trả kết quả (không được tiếp nhận, đã rút hoặc dừng xử lý).',
    en: 'A dossier in this status cannot be returned (refused, withdrawn or stopped).',
  },
  RESULT_EMPTY: { vi: 'Chưa có trang nào của giấy tờ kết quả. Hãy quét hoặc chọn tệp kết quả.', en: 'No result pages yet. Scan or import the result document.' },
  RESULT_NOT_PDF: { vi: 'Tệp kết quả đã lưu không phải PDF.', en: 'The stored result file is not a PDF.' },
});
export type DossierViewErrorCode = keyof typeof DossierViewErrors.table;
