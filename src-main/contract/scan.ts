import { z } from 'zod';
import { method } from './method.ts';
import { defineErrors } from './errors.ts';
import { CodedText, LocalizedText } from './common/localized.ts';

/** Paper source of a scan. Duplex is a flag on the feeder, as in eSCL. */
export const ScanSource = z.enum(['platen', 'adf']);
export type ScanSource = z.infer<typeof ScanSource>;
export const ColorMode = z.enum(['color', 'gray', 'bw']);
export type ColorMode = z.infer<typeof ColorMode>;

export const ScanSettings = z.object({
  source: ScanSource.default('adf'),
  duplex: z.boolean().default(false),
  dpi: z.number().int().min(75).max(1200).default(300),
  color: ColorMode.default('color'),
});
export type ScanSettings = z.output<typeof ScanSettings>;

export const SourceCaps = z.object({
  source: ScanSource,
  duplex: z.boolean(),
  resolutions: z.array(z.number().int()),
  colorModes: z.array(ColorMode),
  /** Largest scan area in millimetres. */
  maxWidthMm: z.number().optional(),
  maxHeightMm: z.number().optional(),
});
export const ScanCaps = z.object({ deviceId: z.string(), sources: z.array(SourceCaps) });
export type ScanCaps = z.infer<typeof ScanCaps>;

/** One quality problem found on a page, with the text shown to the officer. */
export const QualityFlag = LocalizedText.extend({
  code: z.enum(['blank', 'skewed', 'too_dark', 'too_light', 'cut_edge', 'low_ocr_confidence']),
  /** A number that made the call (coverage %, angle °, mean luma, confidence %). */
  measure: z.number(),
});
export type QualityFlag = z.infer<typeof QualityFlag>;

export const BBox = z.object({ x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number() });
export const OcrWord = z.object({ text: z.string(), confidence: z.number(), bbox: BBox });
export type OcrWord = z.infer<typeof OcrWord>;

export const PageState = z.enum(['processing', 'ocr', 'done', 'error']);
export const ScanPage = z.object({
  id: z.string(),
  /** 1-based order inside the session, after any reordering. */
  order: z.number().int(),
  side: z.enum(['front', 'back']).optional(),
  state: PageState,
  ocrProgress: z.number().min(0).max(1),
  width: z.number().int(),
  height: z.number().int(),
  dpi: z.number(),
  rotation: z.number().int(),
  bytes: z.number().int(),
  mime: z.string(),
  componentId: z.string().nullable(),
  flags: z.array(QualityFlag),
  text: z.string().optional(),
  confidence: z.number().optional(),
  /** Where the text came from: OCR, or the text layer of a born-digital PDF. */
  textSource: z.enum(['ocr', 'pdf']).optional(),
  error: z.string().optional(),
});
export type ScanPage = z.infer<typeof ScanPage>;

export const ScanSession = z.object({
  id: z.string(),
  state: z.enum(['idle', 'scanning', 'cancelling']),
  deviceId: z.string().optional(),
  pages: z.array(ScanPage),
  /** The last error of a scan run, if it stopped on one (code + Vietnamese/English message). */
  lastError: CodedText.optional(),
});
export type ScanSession = z.infer<typeof ScanSession>;

const SessionRef = z.object({ sessionId: z.string() });
const PageRef = SessionRef.extend({ pageId: z.string() });

export const PageEdit = z.discriminatedUnion('op', [
  z.object({ op: z.literal('rotate'), degrees: z.union([z.literal(90), z.literal(180), z.literal(270)]) }),
  z.object({ op: z.literal('delete') }),
  z.object({ op: z.literal('move'), toOrder: z.number().int().min(1) }),
  z.object({ op: z.literal('assign'), componentId: z.string().nullable() }),
]);

export const BuiltPdf = z.object({
  componentId: z.string().nullable(),
  pages: z.number().int(),
  bytes: z.number().int(),
  sha256: z.string(),
  /** Where the PDF was written, when asked (outPath) or when no blob store took it. */
  path: z.string().optional(),
  /** True when the PDF went into the encrypted blob store (key: sha256). */
  stored: z.boolean(),
  pdfa: z.boolean(),
});

export const scanMethods = {
  'scan.caps': method({ summary: 'Paper sources, resolutions and colour modes of a scanner', input: z.object({ deviceId: z.string() }), output: ScanCaps }),
  'scan.open': method({ summary: 'Start a scan session (the pages of one dossier)', input: z.object({}), output: ScanSession }),
  'scan.get': method({ summary: 'The pages of a scan session', input: SessionRef, output: ScanSession }),
  'scan.run': method({
    summary: 'Scan into a session; pages arrive as scan.changed events',
    input: SessionRef.extend({ deviceId: z.string(), settings: ScanSettings.default({ source: 'adf', duplex: false, dpi: 300, color: 'color' }), replacePageId: z.string().optional(), componentId: z.string().optional() }),
    output: z.object({ started: z.boolean() }),
  }),
  'scan.cancel': method({ summary: 'Stop the running scan', input: SessionRef, output: ScanSession }),
  'scan.import': method({
    summary: 'Add PDF or image files to a session (paths on this machine, or file contents)',
    input: SessionRef.extend({
      paths: z.array(z.string()).default([]),
      files: z.array(z.object({ name: z.string(), base64: z.string() })).default([]),
      componentId: z.string().optional(),
    }),
    output: ScanSession,
  }),
  'scan.wait': method({ summary: 'Wait until scanning and OCR of a session are finished', input: SessionRef.extend({ timeoutMs: z.number().int().default(120_000) }), output: ScanSession }),
  'scan.pageImage': method({
    summary: 'A page image as a data URL (thumbnail or full page)',
    input: PageRef.extend({ variant: z.enum(['thumb', 'page']).default('thumb') }),
    output: z.object({ dataUrl: z.string(), width: z.number(), height: z.number() }),
  }),
  'scan.pageWords': method({ summary: 'OCR words with boxes and confidences of a page', input: PageRef, output: z.array(OcrWord) }),
  'scan.editPage': method({ summary: 'Rotate, delete, reorder a page or assign it to a component', input: PageRef.extend({ edit: PageEdit }), output: ScanSession }),
  'scan.buildPdf': method({
    summary: 'Build the searchable PDF of one component (or of all pages)',
    input: SessionRef.extend({ componentId: z.string().nullable().default(null), outPath: z.string().optional(), dossierId: z.string().optional() }),
    output: BuiltPdf,
  }),
  'scan.close': method({ summary: 'Forget a session and its pages', input: SessionRef, output: z.object({ closed: z.boolean() }) }),
};

export const ScanErrors = defineErrors({
  SCAN_DEVICE_NOT_FOUND: { vi: 'Không tìm thấy máy quét. Kiểm tra cáp, nguồn điện hoặc địa chỉ mạng.', en: 'Scanner not found. Check cable, power or network address.' },
  SCAN_UNREACHABLE: { vi: 'Không kết nối được tới máy quét qua mạng.', en: 'Cannot reach the network scanner.' },
  SCAN_BUSY: { vi: 'Máy quét đang bận. Đợi giây lát rồi quét lại.', en: 'The scanner is busy. Wait a moment and scan again.' },
  SCAN_JAMMED: { vi: 'Kẹt giấy trong khay nạp. Gỡ tờ giấy bị kẹt rồi quét lại trang này.', en: 'Paper jam in the feeder. Remove the jammed sheet and rescan this page.' },
  SCAN_DOOR_OPEN: { vi: 'Nắp máy quét đang mở. Đóng nắp rồi quét lại.', en: 'The scanner cover is open. Close it and scan again.' },
  SCAN_FEEDER_EMPTY: { vi: 'Khay nạp giấy trống. Đặt giấy vào khay rồi quét lại.', en: 'The feeder is empty. Load paper and scan again.' },
  SCAN_NO_FEEDER: { vi: 'Máy quét này không có khay nạp giấy tự động.', en: 'This scanner has no document feeder.' },
  SCAN_NO_DUPLEX: { vi: 'Máy quét này không quét được hai mặt.', en: 'This scanner cannot scan both sides.' },
  SCAN_CANCELLED: { vi: 'Đã dừng quét.', en: 'Scan cancelled.' },
  SCAN_DEVICE_ERROR: { vi: 'Máy quét báo lỗi. Tắt và bật lại máy quét rồi thử lại.', en: 'The scanner reported an error. Power-cycle it and retry.' },
  SCAN_PROTOCOL: { vi: 'Máy quét trả lời không đúng giao thức.', en: 'The scanner answered outside the protocol.' },
  SCAN_UNSUPPORTED_DRIVER: { vi: 'Loại máy quét này không dùng được trên máy tính này.', en: 'This scanner driver is not available on this computer.' },
  SCAN_SESSION_NOT_FOUND: { vi: 'Phiên quét không còn tồn tại. Mở phiên quét mới.', en: 'Scan session not found. Open a new one.' },
  SCAN_PAGE_NOT_FOUND: { vi: 'Không tìm thấy trang này.', en: 'Page not found.' },
  SCAN_ALREADY_RUNNING: { vi: 'Đang quét. Đợi quét xong hoặc dừng quét.', en: 'A scan is already running. Wait or cancel it.' },
  SCAN_NO_PAGES: { vi: 'Chưa có trang nào để tạo tệp PDF.', en: 'No pages to build a PDF from.' },
  SCAN_TIMEOUT: { vi: 'Quét quá lâu, đã dừng chờ.', en: 'Timed out waiting for the scan.' },
});
export type ScanErrorCode = keyof typeof ScanErrors.table;
