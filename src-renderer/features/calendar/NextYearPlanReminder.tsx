import { useCall } from '../../app/use-call.ts';
import { useMessages } from '../../i18n/messages.ts';
import { calendarMsgs } from './calendar-messages.ts';

/** Reminds IT while the coming year has no announced holiday plan on this PC. */
export function NextYearPlanReminder() {
  const t = useMessages(calendarMsgs);
  const next = new Date().getFullYear() + 1;
  const r = useCall('calendar.holidays', { year: next });
  if (!r.data || r.data.announced) return null;
  return (
    <p className="warning" role="status" data-testid="next-year-plan-reminder">
      {t('nextYearMissing').replace('{year}', String(next))}
    </p>
  );
}
