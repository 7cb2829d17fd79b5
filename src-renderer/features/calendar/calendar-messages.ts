import { defineMessages } from '../../i18n/messages.ts';

export const calendarMsgs = defineMessages({
  title: { vi: 'Lịch làm việc và ngày nghỉ', en: 'Working calendar and days off' },
  lead: {
    vi: 'Dùng để tính ngày hẹn trả. Ngày lễ, Tết lấy từ thư viện date-holidays; bảng dưới đây ghi các ngày nghỉ bù, làm bù theo thông báo hằng năm.',
    en: 'Used for appointment dates. Holidays come from the date-holidays library; the table below holds the yearly compensatory and swapped days.',
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
