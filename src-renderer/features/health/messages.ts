import { defineMessages } from '../../i18n/messages.ts';

export const healthMsgs = defineMessages({
  heading: { vi: 'Đón tiếp người bệnh', en: 'Patient check-in' },
  lead: {
    vi: 'Chạm thẻ căn cước hoặc quét mã QR (CCCD, BHYT, VNeID, VssID) để tiếp đón.',
    en: 'Tap the ID card or scan a QR code (CCCD, BHYT, VNeID, VssID) to check a patient in.',
  },
  waiting: { vi: 'Sẵn sàng: quét mã QR hoặc chạm thẻ…', en: 'Ready: scan a QR code or tap a card…' },
  queueNumber: { vi: 'Số thứ tự', en: 'Queue number' },
  manual: { vi: 'Dán hoặc nhập nội dung mã QR', en: 'Paste or type the QR text' },
  checkIn: { vi: 'Tiếp đón', en: 'Check in' },
  today: { vi: 'Danh sách tiếp đón hôm nay', en: "Today's check-ins" },
  none: { vi: 'Chưa có ai hôm nay.', en: 'Nobody yet today.' },
  time: { vi: 'Giờ', en: 'Time' },
  name: { vi: 'Họ và tên', en: 'Name' },
  card: { vi: 'Mã thẻ / số định danh', en: 'Card / ID number' },
  status: { vi: 'Thẻ BHYT', en: 'Insurance card' },
  'status.valid': { vi: 'Thẻ còn giá trị', en: 'Card valid' },
  'status.invalid': { vi: 'Thẻ không hợp lệ', en: 'Card not valid' },
  'status.pending': { vi: 'Chờ tra cứu', en: 'Check pending' },
  'status.not-applicable': { vi: 'Không có thẻ', en: 'No card' },
  pendingHint: {
    vi: 'Không tra cứu được ngay; đã ghi nhận và sẽ tự tra cứu lại khi có mạng.',
    en: 'Could not check now; recorded, and checked again automatically when the network is back.',
  },
  recheck: { vi: 'Tra cứu lại thẻ đang chờ', en: 'Re-check pending cards' },
  rechecked: { vi: 'Đã tra cứu', en: 'Checked' },
  stillPending: { vi: 'còn chờ', en: 'still pending' },
  training: { vi: 'Đào tạo: quét thử', en: 'Training: simulate a scan' },
  printTicket: { vi: 'In phiếu số thứ tự', en: 'Print queue ticket' },
  reprintTicket: { vi: 'In lại phiếu', en: 'Reprint ticket' },
  ticketPrinted: { vi: 'Đã in phiếu số', en: 'Printed ticket' },
});
