import { defineMessages } from '../../i18n/messages.ts';

export const calendarMsgs = defineMessages({
  title: { vi: 'Lịch làm việc và ngày nghỉ', en: 'Working calendar and days off' },
  lead: {
    vi: 'Dùng để tính ngày hẹn trả. Ngày nghỉ lễ, Tết của mỗi năm do Thủ tướng Chính phủ quyết định và được công bố bằng văn bản; ứng dụng có sẵn lịch đã công bố của năm 2025 và 2026, lịch các năm sau do CNTT huyện gửi trong tệp cấu hình có chữ ký. Năm chưa có thông báo, ngày lễ, Tết được tính theo Bộ luật Lao động 2019 và âm lịch, và mọi giấy hẹn phụ thuộc vào các ngày đó đều ghi "chưa có thông báo chính thức". Bảng dưới đây chỉ dùng cho ngày nghỉ, làm bù riêng của đơn vị.',
    en: "Used for appointment dates. Each year's Tết and holidays are decided by the Prime Minister and announced in writing; the app ships the announced plans for 2025 and 2026, and the district IT sends later years' plans in the signed configuration file. For a year without an announcement, holidays follow the Labour Code 2019 and the lunar calendar, and every appointment depending on them says 'no official announcement yet'. The table below is only for the agency's own extra days off or make-up days.",
  },
  sessions: { vi: 'Giờ làm việc', en: 'Working hours' },
  from: { vi: 'Từ', en: 'From' },
  to: { vi: 'Đến', en: 'To' },
  addSession: { vi: 'Thêm buổi', en: 'Add session' },
  remove: { vi: 'Xoá', en: 'Remove' },
  weekend: { vi: 'Ngày nghỉ hằng tuần', en: 'Weekly rest days' },
  cutoff: { vi: 'Tiếp nhận từ giờ này thì tính từ ngày làm việc tiếp theo (NĐ 61/2018, Điều 18)', en: 'Receipts from this time count from the next working day' },
  cutoffOn: { vi: 'Áp dụng', en: 'Apply' },
  hoursPerDay: { vi: 'Số giờ của một ngày làm việc', en: 'Hours in a working day' },
  exceptions: { vi: 'Ngày nghỉ bù / làm bù theo thông báo', en: 'Announced days off / swapped working days' },
  date: { vi: 'Ngày', en: 'Date' },
  kind: { vi: 'Loại', en: 'Kind' },
  note: { vi: 'Ghi chú (căn cứ thông báo)', en: 'Note (notice reference)' },
  dayOff: { vi: 'Nghỉ (nghỉ bù, hoán đổi)', en: 'Day off' },
  workingDay: { vi: 'Làm việc (làm bù)', en: 'Working day (swap)' },
  add: { vi: 'Thêm', en: 'Add' },
  noExceptions: { vi: 'Chưa có ngày nào.', en: 'No entries yet.' },
  save: { vi: 'Lưu lịch làm việc', en: 'Save calendar' },
  saved: { vi: 'Đã lưu.', en: 'Saved.' },
  year: { vi: 'Ngày nghỉ trong năm', en: 'Days off in year' },
  basis: { vi: 'Căn cứ', en: 'Basis' },
  announcedBy: { vi: 'Theo lịch đã công bố:', en: 'Announced plan:' },
  notAnnounced: {
    vi: 'Năm này chưa có thông báo chính thức: ngày lễ, Tết tính theo Bộ luật Lao động 2019 và âm lịch, có thể thay đổi.',
    en: 'No official announcement for this year yet: holidays follow the Labour Code 2019 and the lunar calendar and may change.',
  },
  nextYearMissing: {
    vi: 'Nhắc việc: năm {year} chưa có lịch nghỉ lễ, Tết đã công bố trên máy này. Khi Thủ tướng phê duyệt, CNTT huyện nhập lịch (số, ngày văn bản) và gửi tệp cấu hình có chữ ký cho các xã.',
    en: 'Reminder: {year} has no announced holiday plan on this PC. Once the Prime Minister approves it, the district IT enters the plan (act number and date) and sends the signed configuration file to the communes.',
  },
});

export const WEEKDAYS = [
  { vi: 'CN', en: 'Sun' },
  { vi: 'T2', en: 'Mon' },
  { vi: 'T3', en: 'Tue' },
  { vi: 'T4', en: 'Wed' },
  { vi: 'T5', en: 'Thu' },
  { vi: 'T6', en: 'Fri' },
  { vi: 'T7', en: 'Sat' },
] as const;
