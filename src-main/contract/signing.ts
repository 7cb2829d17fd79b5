import { z } from 'zod';
import { defineErrors } from './errors.ts';
import { method } from './method.ts';
import { CodedText } from './common/localized.ts';

/** Errors a user can meet while signing or verifying; codes are stable, texts Vietnamese first. */
export const SigningErrors = defineErrors({
  PIN_REQUIRED: { vi: 'Hãy nhập mã PIN của thiết bị ký số.', en: 'Enter the PIN of the signing token.' },
  PIN_INCORRECT: {
    vi: 'Mã PIN không đúng. Nhập sai nhiều lần liên tiếp sẽ khóa thiết bị ký số.',
    en: 'Wrong PIN. Several wrong PINs in a row will lock the token.',
  },
  PIN_LOCKED: {
    vi: 'Thiết bị ký số đã bị khóa do nhập sai PIN quá số lần cho phép. Liên hệ nhà cung cấp chứng thư số để mở khóa.',
    en: 'The token is locked after too many wrong PINs. Ask the certificate provider to unlock it.',
  },
  PIN_INVALID_FORMAT: { vi: 'Mã PIN không đúng độ dài hoặc định dạng thiết bị yêu cầu.', en: 'The PIN has the wrong length or format for this token.' },
  TOKEN_NOT_FOUND: {
    vi: 'Không tìm thấy thiết bị ký số (token). Hãy cắm token vào máy và thử lại.',
    en: 'No signing token found. Plug the token in and try again.',
  },
  TOKEN_REMOVED: { vi: 'Thiết bị ký số đã bị rút ra trong khi ký. Hãy cắm lại và ký lại.', en: 'The token was removed while signing. Plug it in and sign again.' },
  PKCS11_MODULE_MISSING: {
    vi: 'Chưa cấu hình hoặc không nạp được thư viện PKCS#11 của thiết bị ký số. Liên hệ bộ phận CNTT.',
    en: 'The PKCS#11 library of the token is not configured or cannot be loaded. Contact IT.',
  },
  PKCS11_FAILED: { vi: 'Thiết bị ký số báo lỗi. Hãy rút ra, cắm lại và thử lại.', en: 'The token reported an error. Replug it and retry.' },
  CERT_NOT_FOUND: { vi: 'Không tìm thấy chứng thư số đã chọn trên thiết bị ký số.', en: 'The chosen certificate is not on the token.' },
  KEY_NOT_FOUND: { vi: 'Không tìm thấy khóa bí mật tương ứng với chứng thư số.', en: 'No private key matches the certificate.' },
  KEY_UNSUPPORTED: { vi: 'Loại khóa hoặc thuật toán ký của chứng thư số này chưa được hỗ trợ.', en: 'This key type or signing mechanism is not supported.' },
  CERT_NOT_VALID_NOW: { vi: 'Chứng thư số chưa có hiệu lực hoặc đã hết hạn.', en: 'The certificate is not yet valid or has expired.' },
  PKCS12_BAD_PASSWORD: { vi: 'Mật khẩu tệp chứng thư số (.p12/.pfx) không đúng.', en: 'Wrong password for the .p12/.pfx file.' },
  PKCS12_INVALID: { vi: 'Tệp chứng thư số (.p12/.pfx) không hợp lệ hoặc không chứa khóa ký.', en: 'The .p12/.pfx file is invalid or holds no signing key.' },
  PDF_INVALID: { vi: 'Tệp PDF không đọc được hoặc bị hỏng.', en: 'The PDF cannot be read or is damaged.' },
  PDF_ENCRYPTED: { vi: 'Tệp PDF đã được mã hóa, không thể ký.', en: 'The PDF is encrypted and cannot be signed.' },
  PAGE_OUT_OF_RANGE: { vi: 'Trang đặt chữ ký không có trong tài liệu.', en: 'The page for the signature stamp does not exist.' },
  SIGNATURE_TOO_LARGE: { vi: 'Chữ ký vượt quá chỗ dành sẵn trong PDF (lỗi nội bộ).', en: 'The signature is larger than the space reserved in the PDF (internal error).' },
  TSA_UNREACHABLE: { vi: 'Không kết nối được máy chủ cấp dấu thời gian (TSA).', en: 'The timestamp server (TSA) is unreachable.' },
  TSA_REJECTED: { vi: 'Máy chủ cấp dấu thời gian từ chối yêu cầu.', en: 'The timestamp server rejected the request.' },
  TSA_INVALID_RESPONSE: { vi: 'Phản hồi của máy chủ cấp dấu thời gian không hợp lệ.', en: 'The timestamp server sent an invalid response.' },
  FILE_READ_FAILED: { vi: 'Không đọc được tệp.', en: 'Cannot read the file.' },
  FILE_WRITE_FAILED: { vi: 'Không ghi được tệp.', en: 'Cannot write the file.' },
  NO_COMPONENT_STORE: {
    vi: 'Chức năng ký hồ sơ chưa được kết nối với kho thành phần hồ sơ.',
    en: 'Dossier signing is not connected to the component store yet.',
  },
  BATCH_EMPTY: { vi: 'Không có thành phần nào để ký.', en: 'Nothing to sign.' },
});
export type SigningErrorCode = keyof typeof SigningErrors.table;

/** The `signing` settings section: trust anchors and TSA are configuration, never built in. */
export const SigningSettings = z.object({
  /** PEM certificates of the roots (and intermediates) to trust, e.g. the VGCA root. */
  trustAnchorsPem: z.array(z.string()).default([]),
  /** RFC 3161 timestamp server; empty = no timestamp. */
  tsaUrl: z.string().default(''),
  defaultTokenLabel: z.string().default(''),
  /** Paths of the tokens' PKCS#11 libraries (vendor DLL / .so). */
  pkcs11Modules: z.array(z.string()).default([]),
  /** Fetch CRL/OCSP when verifying (off = revocation "unknown"). */
  checkRevocation: z.boolean().default(true),
});
export type SigningSettings = z.infer<typeof SigningSettings>;

export const TokenCertificate = z.object({
  /** CKA_ID as hex; what `--cert` and the key selector take. */
  id: z.string(),
  label: z.string(),
  subject: z.string(),
  commonName: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  hasPrivateKey: z.boolean(),
});
export type TokenCertificate = z.infer<typeof TokenCertificate>;

export const TokenInfo = z.object({
  modulePath: z.string(),
  slotId: z.string(),
  label: z.string(),
  serialNumber: z.string(),
  manufacturer: z.string(),
  model: z.string(),
  pinLocked: z.boolean(),
  pinCountLow: z.boolean(),
  pinFinalTry: z.boolean(),
  certificates: z.array(TokenCertificate),
});
export type TokenInfo = z.infer<typeof TokenInfo>;

/** Which key signs. The PIN or password travels once per call and is never stored or logged. */
export const KeySelector = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('pkcs11'),
    tokenLabel: z.string().optional(),
    tokenSerial: z.string().optional(),
    certId: z.string(),
    pin: z.string(),
    /** A PKCS#11 library to use instead of the configured ones (CLI --module). */
    modulePath: z.string().optional(),
  }),
  z.object({ kind: z.literal('pkcs12'), path: z.string(), password: z.string() }),
]);
export type KeySelector = z.infer<typeof KeySelector>;

export const StampRequest = z.object({
  /** 1-based page; default the last page. */
  page: z.number().int().min(1).optional(),
  /** Rectangle in PDF points from the bottom-left of the page; default bottom-right corner. */
  rect: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
  signerName: z.string().optional(),
  unit: z.string().optional(),
});
export type StampRequest = z.infer<typeof StampRequest>;

export const SignOptions = z.object({
  /** A visible stamp; absent = invisible signature. */
  stamp: StampRequest.optional(),
  reason: z.string().optional(),
  location: z.string().optional(),
  /** Overrides the configured TSA URL; '' disables the timestamp. */
  tsaUrl: z.string().optional(),
});
export type SignOptions = z.infer<typeof SignOptions>;

export const SignatureStatus = z.enum(['valid', 'invalid', 'unknown']);
export type SignatureStatus = z.infer<typeof SignatureStatus>;

export const VerifyProblem = CodedText;
export type VerifyProblem = z.infer<typeof VerifyProblem>;

export const SignatureReport = z.object({
  fieldName: z.string(),
  signerName: z.string(),
  signerSubject: z.string(),
  signingTime: z.string().optional(),
  timestamped: z.boolean(),
  subFilter: z.string(),
  integrity: z.enum(['ok', 'failed']),
  coversWholeDocument: z.boolean(),
  chain: z.enum(['trusted', 'untrusted', 'unknown']),
  validAtSigningTime: z.boolean(),
  revocation: z.enum(['good', 'revoked', 'unknown']),
  status: SignatureStatus,
  problems: z.array(VerifyProblem),
});
export type SignatureReport = z.infer<typeof SignatureReport>;

export const VerifyReport = z.object({
  /** valid only when every signature is valid; no signature at all = unknown. */
  status: SignatureStatus,
  signatures: z.array(SignatureReport),
});
export type VerifyReport = z.infer<typeof VerifyReport>;

export const SignFileResult = z.object({ path: z.string(), outPath: z.string(), bytes: z.number(), timestamped: z.boolean() });

export const SigningProgress = z.object({
  batchId: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  itemId: z.string().optional(),
  itemName: z.string().optional(),
  phase: z.enum(['started', 'signed', 'failed', 'finished']),
  error: CodedText.optional(),
});
export type SigningProgress = z.infer<typeof SigningProgress>;

export const BatchResult = z.object({
  batchId: z.string(),
  signed: z.array(z.string()),
  failed: z.array(CodedText.extend({ itemId: z.string() })),
});
export type BatchResult = z.infer<typeof BatchResult>;

export const signingMethods = {
  'signing.tokens': method({
    summary: 'List plugged-in signing tokens and their certificates',
    input: z.object({ modulePath: z.string().optional() }), output: z.array(TokenInfo) }),
  'signing.signFile': method({
    summary: 'Sign one PDF file (PAdES), writing the signed copy',
    input: z.object({ path: z.string(), outPath: z.string().optional(), key: KeySelector, options: SignOptions.default({}) }),
    output: SignFileResult,
  }),
  'signing.signFiles': method({
    summary: 'Sign several PDF files with one PIN entry, in place or into outDir; emits signing.progress',
    input: z.object({
      paths: z.array(z.string()),
      outDir: z.string().optional(),
      key: KeySelector,
      options: SignOptions.default({}),
      batchId: z.string().optional(),
    }),
    output: BatchResult,
  }),
  'signing.signDossier': method({
    summary: "Sign all of a dossier's PDF components with one PIN entry; emits signing.progress",
    input: z.object({ dossierId: z.string(), key: KeySelector, options: SignOptions.default({}), batchId: z.string().optional() }),
    output: BatchResult,
  }),
  'signing.verifyFile': method({ summary: 'Verify every signature of a PDF file', input: z.object({ path: z.string() }), output: VerifyReport }),
  'signing.verifyBytes': method({
    summary: 'Verify every signature of a PDF given as base64',
    input: z.object({ pdfBase64: z.string() }),
    output: VerifyReport,
  }),
};
