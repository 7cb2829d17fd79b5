import type { CoreStatus } from '../../src-main/contract/status.ts';
import { utcOffsetLabel } from '../../src-main/domain/clock-check.ts';
import { defineMessages, useMessages } from '../i18n/messages.ts';

const msgs = defineMessages({
  zone: { vi: 'Múi giờ máy tính là', en: 'The PC time zone is' },
  zoneFix: { vi: 'cần đặt UTC+07:00 (Hà Nội, Băng Cốc, Jakarta). Ngày giờ trên màn hình vẫn theo giờ Việt Nam.', en: 'set it to UTC+07:00 (Bangkok, Hanoi, Jakarta). Screens still show Vietnam time.' },
  skew: { vi: 'Đồng hồ máy tính lệch so với máy chủ tỉnh', en: 'The PC clock differs from the province server by' },
  skewFix: { vi: 'hãy chỉnh lại giờ (giờ nhận hồ sơ và chữ ký số dùng đồng hồ này).', en: 'correct it (receipt times and signatures use this clock).' },
});

function duration(seconds: number): string {
  const s = Math.abs(seconds);
  return s >= 3600 ? `${(s / 3600).toFixed(1)} h` : s >= 60 ? `${Math.round(s / 60)} min` : `${s} s`;
}

/** The status bar's warning when the PC zone is not UTC+7 or its clock is off. */
export function ClockWarning({ clock }: { clock: CoreStatus['clock'] | undefined }) {
  const t = useMessages(msgs);
  if (!clock || clock.ok) return null;
  return (
    <span data-testid="status-clock" className="clock-warning" role="alert">
      {!clock.zoneOk && `⚠ ${t('zone')} ${utcOffsetLabel(clock.pcUtcOffsetMinutes)}: ${t('zoneFix')}`}
      {clock.zoneOk && clock.skewSeconds !== null && `⚠ ${t('skew')} ${duration(clock.skewSeconds)}: ${t('skewFix')}`}
    </span>
  );
}
