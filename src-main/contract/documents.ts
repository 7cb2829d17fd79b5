import { z } from 'zod';
import { method } from './method.ts';
import { defineErrors } from './errors.ts';
import { OcrWord } from './scan.ts';

export const OcrLang = z.string().regex(/^[a-z]{3}(\+[a-z]{3})*$/).default('vie+eng');

export const OcrResult = z.object({
  file: z.string(),
  text: z.string(),
  /** Mean word confidence, 0–100. */
  confidence: z.number(),
  words: z.array(OcrWord),
});
export type OcrResult = z.infer<typeof OcrResult>;

/** What a scan suggests for the applicant form; the officer confirms every field. */
export const PrefillFields = z.object({
  idNumbers: z.array(z.string()),
  names: z.array(z.string()),
  dates: z.array(z.string()),
  /** The three 30-character lines of a TD1 MRZ (back of the chip ID card), if seen. */
  mrzLines: z.array(z.string()).optional(),
});
export type PrefillFields = z.infer<typeof PrefillFields>;

export const documentsMethods = {
  'documents.ocr': method({
    summary: 'OCR image or PDF files on this machine (text, confidence, word boxes), in file order',
    input: z.object({ paths: z.array(z.string()).min(1), lang: OcrLang }),
    output: z.array(OcrResult),
  }),
  'documents.prefill': method({
    summary: 'ID numbers, names, dates and MRZ lines found in OCR text (of a session or given)',
    input: z.object({ sessionId: z.string().optional(), pageIds: z.array(z.string()).optional(), text: z.string().optional() }),
    output: PrefillFields,
  }),
};

/**
 * Caps on what an imported file may make the core decode. An A3 page at 600 dpi is 70 megapixels;
 * a commune dossier never has hundreds of pages. Beyond these a file is a decompression bomb
 * (a 16000×16000 PNG needs 1.8 GB; a 333-byte PDF with one huge page renders for 45 s).
 */
export const MAX_IMPORT_PIXELS = 80_000_000;
export const MAX_PDF_PAGES = 500;

export const DocumentErrors = defineErrors({
  DOC_IMAGE_TOO_LARGE: {
    vi: 'Ảnh quá lớn, không nhận được (tối đa 80 megapixel, tức khổ A3 ở 600 dpi). Hãy quét lại ở độ phân giải thấp hơn.',
    en: 'The image is too large (at most 80 megapixels, i.e. A3 at 600 dpi). Scan it again at a lower resolution.',
  },
  DOC_PDF_PAGE_TOO_LARGE: {
    vi: 'Trang PDF quá lớn, không hiển thị được (lớn hơn khổ A3 rất nhiều). Hãy kiểm tra lại tệp.',
    en: 'A PDF page is too large to render (far larger than A3). Check the file.',
  },
  DOC_PDF_TOO_MANY_PAGES: {
    vi: `Tệp PDF có quá nhiều trang (tối đa ${MAX_PDF_PAGES} trang). Hãy tách tệp.`,
    en: `The PDF has too many pages (at most ${MAX_PDF_PAGES}). Split the file.`,
  },
  DOC_FILE_NOT_FOUND: { vi: 'Không tìm thấy tệp.', en: 'File not found.' },
  DOC_UNSUPPORTED_TYPE: { vi: 'Loại tệp này không nhận được. Chỉ nhận PDF, JPEG, PNG, TIFF.', en: 'Unsupported file type. Only PDF, JPEG, PNG, TIFF.' },
  DOC_PDF_CORRUPT: { vi: 'Tệp PDF bị hỏng hoặc không đọc được.', en: 'The PDF file is damaged or unreadable.' },
  DOC_PDF_ENCRYPTED: { vi: 'Tệp PDF có mật khẩu, không mở được.', en: 'The PDF is password-protected.' },
  DOC_IMAGE_CORRUPT: { vi: 'Tệp ảnh bị hỏng hoặc không đọc được.', en: 'The image file is damaged or unreadable.' },
  DOC_OCR_FAILED: { vi: 'Nhận dạng chữ (OCR) thất bại cho trang này.', en: 'Text recognition (OCR) failed for this page.' },
  DOC_OCR_CANCELLED: { vi: 'Đã dừng nhận dạng chữ.', en: 'Text recognition cancelled.' },
  DOC_LANG_MISSING: { vi: 'Thiếu dữ liệu ngôn ngữ cho nhận dạng chữ.', en: 'OCR language data missing.' },
  DOC_OCR_ENGINE_MISSING: {
    vi: 'Không tìm thấy chương trình Tesseract trên máy (hoặc thiếu dữ liệu tiếng Việt). Bỏ chọn "native" để dùng bộ nhận dạng có sẵn.',
    en: 'The Tesseract program was not found on this PC (or its Vietnamese data is missing). Do not force "native" to use the built-in recogniser.',
  },
  DOC_OCR_ENGINE_UNKNOWN: { vi: 'Bộ nhận dạng chữ không hợp lệ (chỉ nhận auto, native, wasm).', en: 'Unknown OCR engine (only auto, native, wasm).' },
});
