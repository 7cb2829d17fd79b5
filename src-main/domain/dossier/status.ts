/** The national dossier status codes (TrangThaiHoSo, DVCQG 1–10), labels verbatim. */
export const DOSSIER_STATUSES = {
  1: { vi: 'Mới đăng ký', en: 'Newly registered' },
  2: { vi: 'Được tiếp nhận', en: 'Accepted' },
  3: { vi: 'Không được tiếp nhận', en: 'Not accepted' },
  4: { vi: 'Đang xử lý', en: 'Processing' },
  5: { vi: 'Yêu cầu bổ sung giấy tờ', en: 'Supplement requested' },
  6: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Payment requested' },
  7: { vi: 'Công dân yêu cầu rút hồ sơ', en: 'Withdrawn by the citizen' },
  8: { vi: 'Dừng xử lý', en: 'Processing stopped' },
  9: { vi: 'Đã xử lý xong', en: 'Processed' },
  10: { vi: 'Đã trả kết quả', en: 'Result returned' },
} as const;
export type DossierStatusCode = keyof typeof DOSSIER_STATUSES;

export const TERMINAL_STATUSES: ReadonlySet<number> = new Set([3, 7, 8, 10]);

/**
 * Which moves the counter allows. Lenient where real workflows loop (4 ↔ 5/6), strict where a move
 * would rewrite history (nothing leaves a terminal status; nothing goes back to 1).
 */
const NEXT: Record<number, readonly number[]> = {
  1: [2, 3],
  2: [4, 5, 6, 7, 8, 9],
  4: [5, 6, 7, 8, 9],
  5: [4, 7, 8, 9],
  6: [4, 7, 8, 9],
  9: [10],
};

export function canMoveTo(from: number, to: number): boolean {
  return (NEXT[from] ?? []).includes(to);
}

export function isStatusCode(n: number): n is DossierStatusCode {
  return Number.isInteger(n) && n >= 1 && n <= 10;
}
