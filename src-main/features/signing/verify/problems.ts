import type { VerifyProblem } from '../../../contract/signing.ts';

/** What the verifier found wrong or could not establish; shown under the badge. */
const TEXTS = {
  NO_SIGNATURE: { vi: 'Tài liệu chưa được ký số.', en: 'The document is not signed.' },
  CMS_UNREADABLE: { vi: 'Không đọc được dữ liệu chữ ký.', en: 'The signature data cannot be read.' },
  SIGNER_CERT_MISSING: { vi: 'Chữ ký không kèm chứng thư số của người ký.', en: "The signer's certificate is missing." },
  DIGEST_UNSUPPORTED: { vi: 'Thuật toán băm của chữ ký chưa được hỗ trợ.', en: 'Unsupported digest algorithm.' },
  DIGEST_MISMATCH: { vi: 'Nội dung tài liệu đã bị thay đổi sau khi ký.', en: 'The document was changed after signing.' },
  SIGNATURE_MISMATCH: { vi: 'Chữ ký số không khớp với chứng thư số.', en: 'The signature does not match the certificate.' },
  BAD_BYTE_RANGE: { vi: 'Vùng dữ liệu được ký không hợp lệ.', en: 'The signed byte range is malformed.' },
  NOT_WHOLE_DOCUMENT: { vi: 'Tài liệu có thêm nội dung sau khi ký.', en: 'Content was added after this signature.' },
  CHAIN_UNTRUSTED: { vi: 'Chứng thư số không do tổ chức được tin cậy cấp.', en: 'The certificate does not chain to a trusted root.' },
  NO_TRUST_ANCHORS: { vi: 'Chưa cấu hình chứng thư gốc tin cậy (ví dụ VGCA).', en: 'No trusted root certificates are configured.' },
  CERT_NOT_VALID_AT_SIGNING: { vi: 'Chứng thư số không còn hiệu lực tại thời điểm ký.', en: 'The certificate was not valid at signing time.' },
  REVOKED: { vi: 'Chứng thư số đã bị thu hồi.', en: 'The certificate has been revoked.' },
  REVOCATION_UNKNOWN: { vi: 'Không kiểm tra được tình trạng thu hồi của chứng thư số.', en: 'Revocation status could not be checked.' },
  TIMESTAMP_INVALID: { vi: 'Dấu thời gian kèm chữ ký không hợp lệ.', en: 'The signature timestamp is invalid.' },
  TIMESTAMP_UNTRUSTED: { vi: 'Dấu thời gian không do máy chủ tin cậy cấp.', en: 'The timestamp is not from a trusted TSA.' },
} as const;
export type ProblemCode = keyof typeof TEXTS;

export function problem(code: ProblemCode): VerifyProblem {
  return { code, ...TEXTS[code] };
}
