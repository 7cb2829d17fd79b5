import { z } from 'zod';
import { method } from './method.ts';
import { defineErrors } from './errors.ts';

/**
 * Printing: the legal slips (Mẫu 01/02/03/05) as PDF, system printers, ESC/POS queue tickets and
 * the VietQR payment code. The forms take a plain view model, so whoever holds a dossier (store,
 * CLI, tests) maps it onto `FormData` and nothing here knows about the store.
 */

/** Which legal form, by meaning: the number printed on it depends on the form set (2018 vs 2025). */
export const FormKind = z.enum(['receipt', 'supplement', 'refusal', 'control']);
export type FormKind = z.infer<typeof FormKind>;

/** TT 01/2018/TT-VPCP numbering or the 2025 renumbering (TT 03/2025/TT-VPCP, control sheet = 06). */
export const FormSet = z.enum(['TT01-2018', 'TT03-2025']);
export type FormSet = z.infer<typeof FormSet>;

/** Local wall-clock time at the counter, "yyyy-MM-ddTHH:mm" (seconds ignored); printed as given. */
export const WallClock = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/, 'yyyy-MM-ddTHH:mm');

const name = z.string().trim().min(1);
const text = z.string().trim();

export const FormAgency = z.object({
  /** Governing body, upper line of the header, e.g. "UBND XÃ AN BÌNH". */
  parentName: text.default(''),
  /** Receiving unit, e.g. "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG". */
  name,
  /** Place name for "An Bình, ngày … tháng … năm …". */
  place: name,
  code: text.default(''),
  phone: text.default(''),
});

export const FormPerson = z.object({
  fullName: name,
  idNumber: text.default(''),
  address: text.default(''),
  phone: text.default(''),
  email: text.default(''),
});

export const FormComponent = z.object({
  name,
  original: z.number().int().min(0).default(0),
  certified: z.number().int().min(0).default(0),
  copy: z.number().int().min(0).default(0),
});
export type FormComponent = z.infer<typeof FormComponent>;

export const FormProcessingTime = z.object({ value: z.number().positive(), unit: z.enum(['working-days', 'working-hours']) });

export const FormFee = z.object({
  /** In đồng; 0 = no fee. */
  amount: z.number().int().min(0),
  label: text.default('Lệ phí'),
});

export const SupplementItem = z.object({ name, reason: name });
export const ControlStep = z.object({
  handedBy: name,
  receivedBy: name,
  at: WallClock,
  result: z.enum(['early', 'on-time', 'late', '']).default(''),
  note: text.default(''),
});

/** Everything the forms print. Times are local wall-clock strings (see WallClock). */
export const FormData = z.object({
  agency: FormAgency,
  applicant: FormPerson,
  /** Chủ hồ sơ, when different from the person submitting. */
  owner: FormPerson.optional(),
  procedure: z.object({ code: text.default(''), name, processingTime: FormProcessingTime.optional() }),
  components: z.array(FormComponent).default([]),
  setCount: z.number().int().min(1).default(1),
  receivedAt: WallClock,
  appointmentAt: WallClock.optional(),
  /** Sổ theo dõi hồ sơ: volume ("01/2026") and running number. */
  book: z.object({ volume: text.default(''), number: text.default('') }).default({ volume: '', number: '' }),
  dossierCode: name,
  /** True while the code is local only (the official MaHoSo has not come back from the province). */
  provisional: z.boolean().default(false),
  fee: FormFee.optional(),
  officer: z.object({ fullName: name, title: text.default('') }),
  resultDelivery: text.default(''),
  /** What the dossier QR encodes; default is the dossier code itself. A "{code}" placeholder is replaced. */
  trackingUrl: text.default(''),
  supplement: z.object({ items: z.array(SupplementItem).min(1) }).optional(),
  refusal: z.object({ reason: name }).optional(),
  control: z.object({ steps: z.array(ControlStep).default([]) }).optional(),
});
export type FormData = z.infer<typeof FormData>;
export type FormDataInput = z.input<typeof FormData>;

const margins = z.object({ top: z.number().min(0).max(50), right: z.number().min(0).max(50), bottom: z.number().min(0).max(50), left: z.number().min(0).max(50) });

/** Where and how one form prints. `printer` empty = the system default printer. */
export const PrinterProfile = z.object({
  printer: z.string().default(''),
  paper: z.enum(['A5', 'A4']).default('A5'),
  /** Millimetres. */
  margins: margins.default({ top: 0, right: 0, bottom: 0, left: 0 }),
  copies: z.number().int().min(1).max(9).default(1),
  silent: z.boolean().default(true),
});
export type PrinterProfile = z.infer<typeof PrinterProfile>;

export const TicketTransport = z.enum(['tcp', 'serial', 'usb']);
export const TicketPrinter = z.object({
  id: z.string().min(1),
  name: z.string().default(''),
  transport: TicketTransport,
  /** tcp: host[:port] (9100 default); serial: COM3 or /dev/ttyUSB0; usb: /dev/usb/lp0. */
  address: z.string().min(1),
  baudRate: z.number().int().default(9600),
  /** raster always prints Vietnamese; codepage is faster where the firmware has the table. */
  mode: z.enum(['raster', 'codepage']).default('raster'),
  codepage: z.enum(['cp1258', 'tcvn3']).default('cp1258'),
  /** Which vendor's code-table numbering (ESC t n) the firmware uses. */
  vendor: z.enum(['epson', 'citizen', 'bixolon', 'pos-5890']).default('epson'),
  /** Printable width in dots: 576 for 80 mm, 384 for 58 mm paper at 203 dpi. */
  widthDots: z.number().int().min(128).max(832).default(576),
});
export type TicketPrinter = z.infer<typeof TicketPrinter>;

export const PrintSettings = z
  .object({
    formSet: FormSet.default('TT01-2018'),
    /** Province wording overrides: template key → text (see forms/templates). */
    texts: z.record(z.string(), z.string()).default({}),
    profiles: z.partialRecord(FormKind, PrinterProfile).default({}),
    ticketPrinters: z.array(TicketPrinter).default([]),
    defaultTicketPrinter: z.string().default(''),
  });
export type PrintSettings = z.infer<typeof PrintSettings>;

/** The bank account citizens pay fees into (VietQR / NAPAS 247). */
export const PaymentSettings = z
  .object({
    enabled: z.boolean().default(false),
    /** NAPAS bank BIN, 6 digits (e.g. 970436 Vietcombank). */
    bankBin: z.string().default(''),
    accountNumber: z.string().default(''),
    accountName: z.string().default(''),
    /** Prefix of the transfer reference; the dossier code follows. */
    referencePrefix: z.string().default('LP'),
  });
export type PaymentSettings = z.infer<typeof PaymentSettings>;

export const PrintErrors = defineErrors({
  FORM_DATA_INVALID: { vi: 'Thiếu hoặc sai thông tin để in biểu mẫu.', en: 'Missing or invalid data for the form.' },
  FORM_TEXT_TOO_LONG: { vi: 'Nội dung quá dài, không vừa biểu mẫu. Hãy rút gọn.', en: 'A field is too long for the form. Shorten it.' },
  FORM_TEXT_UNPRINTABLE: { vi: 'Nội dung có ký tự không in được.', en: 'A field contains characters that cannot be printed.' },
  FORM_UNKNOWN: { vi: 'Không có biểu mẫu số này trong bộ biểu mẫu đang dùng.', en: 'No such form number in the form set in use.' },
  FORM_NEEDS_SECTION: { vi: 'Biểu mẫu này cần thêm nội dung (lý do / danh sách bổ sung).', en: 'This form needs its own section (reason / items to supplement).' },
  FONT_MISSING: { vi: 'Không tìm thấy phông chữ tiếng Việt để in.', en: 'The Vietnamese font for printing was not found.' },
  PRINTER_NOT_FOUND: { vi: 'Không tìm thấy máy in này.', en: 'Printer not found.' },
  PRINTER_OFFLINE: { vi: 'Máy in không sẵn sàng (tắt, mất kết nối hoặc bị tạm dừng).', en: 'The printer is offline or paused.' },
  PRINTER_NO_PAPER: { vi: 'Máy in hết giấy.', en: 'The printer is out of paper.' },
  PRINT_FAILED: { vi: 'In không thành công.', en: 'Printing failed.' },
  PRINT_SYSTEM_MISSING: { vi: 'Máy này chưa có hệ thống in (CUPS).', en: 'No print system (CUPS) on this computer.' },
  TICKET_PRINTER_UNKNOWN: { vi: 'Chưa cấu hình máy in phiếu số thứ tự này.', en: 'This ticket printer is not configured.' },
  PAYMENT_NOT_CONFIGURED: { vi: 'Chưa cấu hình tài khoản nhận lệ phí (VietQR).', en: 'The fee account (VietQR) is not configured.' },
  VIETQR_INVALID: { vi: 'Mã VietQR không hợp lệ.', en: 'Invalid VietQR code.' },
});

const Pdf = z.object({ pdfBase64: z.string(), sha256: z.string(), bytes: z.number(), pages: z.number(), formNumber: z.string() });

export const SystemPrinter = z.object({
  name: z.string(),
  status: z.enum(['ready', 'busy', 'offline']),
  isDefault: z.boolean(),
  detail: z.string().default(''),
});
export type SystemPrinter = z.infer<typeof SystemPrinter>;

export const PrintJob = z.object({ printer: z.string(), jobId: z.string(), sha256: z.string(), copies: z.number() });

export const printMethods = {
  'print.forms.list': method({
    summary: 'The forms of the form set in use, with their printed numbers and titles',
    input: z.object({}),
    output: z.array(z.object({ kind: FormKind, number: z.string(), title: z.string() })),
  }),
  'print.forms.sample': method({ summary: 'A filled sample view model (for preview and test pages)', input: z.object({ form: FormKind }), output: FormData }),
  'print.forms.render': method({ summary: 'Render a form to PDF (bytes + SHA-256)', input: z.object({ form: FormKind, data: FormData }), output: Pdf }),
  'print.forms.preview': method({
    summary: 'Render a form page to a PNG data URL for on-screen preview',
    input: z.object({ form: FormKind, data: FormData, page: z.number().int().min(1).default(1), widthPx: z.number().int().min(100).max(2000).default(700) }),
    output: z.object({ pngDataUrl: z.string(), pages: z.number(), sha256: z.string() }),
  }),
  'print.forms.print': method({
    summary: 'Render a form and send it to the printer of its profile',
    input: z.object({ form: FormKind, data: FormData, printer: z.string().optional() }),
    output: PrintJob,
  }),
  'print.printers.list': method({ summary: 'System printers (CUPS / the OS)', input: z.object({}), output: z.array(SystemPrinter) }),
  'print.test': method({ summary: 'Print a Vietnamese test page', input: z.object({ printer: z.string() }), output: PrintJob }),
  'print.ticket': method({
    summary: 'Print a queue ticket on an ESC/POS printer',
    input: z.object({ number: z.number().int().min(0).max(99999), printerId: z.string().optional(), counter: z.string().default(''), service: z.string().default('') }),
    output: z.object({ printerId: z.string(), bytes: z.number(), status: z.string() }),
  }),
  'print.vietqr': method({
    summary: 'The VietQR payment string and QR image for a fee',
    input: z.object({ amount: z.number().int().min(0), reference: z.string().min(1) }),
    output: z.object({ payload: z.string(), pngDataUrl: z.string() }),
  }),
};
