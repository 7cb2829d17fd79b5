import { defineErrors } from '../contract/errors.ts';

/** Usage errors of `counter`: refused before the store is opened, each with the usage line in its details. */
export const CliErrors = defineErrors({
  CLI_UNKNOWN_COMMAND: { vi: 'Không có lệnh này. Chạy "counter help" để xem danh sách lệnh.', en: 'Unknown command. Run "counter help".' },
  CLI_UNKNOWN_OPTION: { vi: 'Lệnh này không có tùy chọn đó (có thể gõ sai). Xem cách dùng bên dưới.', en: 'This command has no such option (perhaps misspelt). See the usage below.' },
  CLI_OPTION_VALUE: { vi: 'Tùy chọn thiếu giá trị, hoặc tùy chọn bật/tắt lại được gán giá trị.', en: 'An option is missing its value, or an on/off option was given one.' },
  CLI_MISSING_ARGUMENT: { vi: 'Thiếu tham số bắt buộc. Xem cách dùng bên dưới.', en: 'A required argument is missing. See the usage below.' },
  CLI_TOO_MANY_ARGUMENTS: { vi: 'Thừa tham số (có thể do thiếu dấu "--" trước một tùy chọn). Xem cách dùng bên dưới.', en: 'Too many arguments (perhaps an option lacks its "--"). See the usage below.' },
});
