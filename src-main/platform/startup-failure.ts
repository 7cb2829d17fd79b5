import { CounterError, diskError } from '../contract/errors.ts';

/** Exit code of a host that refused to start for a known reason (damaged store, full disk, …). */
export const EXIT_REFUSED = 2;

/**
 * What a host prints (or shows in a dialog) when the core cannot start: the code, the Vietnamese
 * explanation with what IT should do, then the English one. Unknown failures keep their stack,
 * since only IT reads this and a stack is what they would send on.
 */
export function startupFailure(err: unknown): { code: string; text: string; exitCode: number } {
  const coded = err instanceof CounterError ? err : diskError(err);
  if (!coded) return { code: 'INTERNAL', text: `Ứng dụng không khởi động được / The app could not start:\n${err instanceof Error ? (err.stack ?? err.message) : String(err)}`, exitCode: 1 };
  const details = coded.details === undefined ? '' : `\nChi tiết / Details: ${JSON.stringify(coded.details)}`;
  return {
    code: coded.code,
    text: `Ứng dụng dừng lại — mã lỗi ${coded.code}\n${coded.messages.vi}\n\nThe app stopped — error ${coded.code}\n${coded.messages.en}${details}`,
    exitCode: EXIT_REFUSED,
  };
}
