/** The parts of a local wall-clock string "yyyy-MM-ddTHH:mm", printed exactly as given (no time zone maths). */
export interface ClockParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

export function clockParts(wallClock: string): ClockParts {
  const [date = '', time = ''] = wallClock.split('T');
  const [year = '', month = '', day = ''] = date.split('-');
  const [hour = '', minute = ''] = time.split(':');
  return { year, month, day, hour, minute };
}

/** "09 giờ 40 phút, ngày 02 tháng 03 năm 2026", as the forms write a moment. */
export function longVietnameseTime(wallClock: string): string {
  const p = clockParts(wallClock);
  return `${p.hour} giờ ${p.minute} phút, ngày ${p.day} tháng ${p.month} năm ${p.year}`;
}

/** "ngày 02 tháng 03 năm 2026" for the place-and-date line. */
export function longVietnameseDate(wallClock: string): string {
  const p = clockParts(wallClock);
  return `ngày ${p.day} tháng ${p.month} năm ${p.year}`;
}

/** dd/MM/yyyy HH:mm. */
export function shortTime(wallClock: string): string {
  const p = clockParts(wallClock);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** 1234567 → "1.234.567" (Vietnamese thousands separator). */
export function formatDong(amount: number): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
