/**
 * Whether this PC's clock can be trusted for receipt times, appointment dates and signatures: its
 * zone must be UTC+7 (Vietnam, no daylight saving) and its clock within a few minutes of the
 * province server's (the HTTP `Date` header of its last answer, where one is known).
 */
export const VN_UTC_OFFSET_MINUTES = 420;
export const MAX_SKEW_SECONDS = 120;

export interface ClockState {
  /** The PC zone's offset east of UTC now, in minutes (Vietnam: 420). */
  pcUtcOffsetMinutes: number;
  zoneOk: boolean;
  /** PC clock minus the server's, in seconds; null when no server answer has been seen. */
  skewSeconds: number | null;
  ok: boolean;
}

export function clockState(now: Date, server?: { date: string; receivedAtMs: number }): ClockState {
  const pcUtcOffsetMinutes = -now.getTimezoneOffset();
  const zoneOk = pcUtcOffsetMinutes === VN_UTC_OFFSET_MINUTES;
  const serverMs = server ? Date.parse(server.date) : NaN;
  // The Date header has one-second resolution; half a second is the rounding it carries.
  const skewSeconds = server && Number.isFinite(serverMs) ? Math.round((server.receivedAtMs - serverMs - 500) / 1000) : null;
  return { pcUtcOffsetMinutes, zoneOk, skewSeconds, ok: zoneOk && (skewSeconds === null || Math.abs(skewSeconds) <= MAX_SKEW_SECONDS) };
}

/** "UTC+07:00", "UTC−08:00" for the warning text. */
export function utcOffsetLabel(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  const m = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
