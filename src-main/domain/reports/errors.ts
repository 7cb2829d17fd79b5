import { defineErrors } from '../../contract/errors.ts';

export const ReportErrors = defineErrors({
  REPORT_INVALID_PERIOD: {
    vi: 'Kỳ báo cáo không hợp lệ: ngày bắt đầu phải là ngày có thật và không sau ngày kết thúc.',
    en: 'Invalid report period: the first day must be a real date, not after the last day.',
  },
  REPORT_INVALID_TIME: {
    vi: 'Một hồ sơ có thời điểm không đọc được; báo cáo không thể tính đúng. Hãy chạy "counter store check".',
    en: 'A dossier has an unreadable time; the report cannot be computed. Run "counter store check".',
  },
});
