import { defineErrors } from '../../contract/errors.ts';

/** Every way a calendar question can be wrong, with the text the officer sees. */
export const CalendarErrors = defineErrors({
  CALENDAR_INVALID_DATE: {
    vi: 'Thời điểm tiếp nhận không hợp lệ. Nhập theo dạng yyyy-MM-ddTHH:mm, ví dụ 2025-04-25T14:30.',
    en: 'Invalid receipt time. Use yyyy-MM-ddTHH:mm, e.g. 2025-04-25T14:30.',
  },
  CALENDAR_DATE_OUT_OF_RANGE: {
    vi: 'Ngày nằm ngoài khoảng lịch hỗ trợ (năm 1990–2100).',
    en: 'Date outside the supported calendar range (years 1990–2100).',
  },
  CALENDAR_INVALID_DURATION: {
    vi: 'Thời hạn giải quyết phải là một số dương (ngày làm việc hoặc giờ làm việc), ít nhất 1 phút.',
    en: 'The processing time must be a positive number of working days or hours, at least 1 minute.',
  },
  CALENDAR_DURATION_TOO_LONG: {
    vi: 'Thời hạn giải quyết quá dài (tối đa 1.000 ngày làm việc).',
    en: 'Processing time too long (at most 1,000 working days).',
  },
  CALENDAR_INVALID_HOURS: {
    vi: 'Giờ làm việc không hợp lệ: mỗi buổi phải bắt đầu trước khi kết thúc, các buổi theo thứ tự và không chồng nhau.',
    en: 'Invalid working hours: each session must start before it ends, in order and without overlap.',
  },
  CALENDAR_NO_WORKING_DAYS: {
    vi: 'Lịch làm việc không còn ngày làm việc nào (tất cả các ngày trong tuần đều là ngày nghỉ).',
    en: 'The working calendar has no working days (every weekday is a rest day).',
  },
  CALENDAR_DUPLICATE_EXCEPTION: {
    vi: 'Ngày này đã có trong bảng ngày nghỉ bù / làm bù.',
    en: 'This date is already in the exceptions table.',
  },
});
