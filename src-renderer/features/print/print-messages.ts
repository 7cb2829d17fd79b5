import { defineMessages } from '../../i18n/messages.ts';

export const printMsgs = defineMessages({
  profilesTitle: { vi: 'Gán biểu mẫu cho máy in', en: 'Assign forms to printers' },
  form: { vi: 'Biểu mẫu', en: 'Form' },
  printer: { vi: 'Máy in', en: 'Printer' },
  defaultPrinter: { vi: '(máy in mặc định)', en: '(default printer)' },
  paper: { vi: 'Khổ giấy', en: 'Paper' },
  copies: { vi: 'Số bản', en: 'Copies' },
  margins: { vi: 'Lề (mm) trên/phải/dưới/trái', en: 'Margins (mm) top/right/bottom/left' },
  silent: { vi: 'In ngay, không hỏi', en: 'Print without a dialog' },
  save: { vi: 'Lưu', en: 'Save' },
  saved: { vi: 'Đã lưu.', en: 'Saved.' },
  previewTitle: { vi: 'Xem trước biểu mẫu', en: 'Form preview' },
  page: { vi: 'Trang', en: 'Page' },
  previous: { vi: 'Trang trước', en: 'Previous page' },
  next: { vi: 'Trang sau', en: 'Next page' },
  print: { vi: 'In', en: 'Print' },
  sent: { vi: 'Đã gửi in', en: 'Sent to printer' },
  working: { vi: 'Đang xử lý…', en: 'Working…' },
  sample: { vi: 'Dữ liệu mẫu', en: 'Sample data' },
  feeTitle: { vi: 'Quét mã để nộp lệ phí', en: 'Scan to pay the fee' },
  amount: { vi: 'Số tiền', en: 'Amount' },
});
