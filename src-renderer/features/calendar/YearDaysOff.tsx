import { useEffect, useState } from 'react';
import { useCall } from '../../app/use-call.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useMessages } from '../../i18n/messages.ts';
import { ErrorText } from '../../ui/ErrorText.tsx';
import { parseIsoDay, viDate, weekdayName } from '../../../src-main/domain/calendar/civil-day.ts';
import { calendarMsgs } from './calendar-messages.ts';
import { vnWallClock } from '../../../src-main/domain/vn-date.ts';

/**
 * The days off of one year as the calculator sees them, each with the act or rule behind it, so the
 * admin can check the announced plan and the table's effect.
 */
export function YearDaysOff({ version }: { version: number }) {
  const { lang, pick } = useI18n();
  const t = useMessages(calendarMsgs);
  const [year, setYear] = useState(() => vnWallClock(new Date()).year);
  const r = useCall('calendar.holidays', { year });
  const { reload } = r;
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);
  return (
    <div data-testid="year-days-off">
      <label style={{ flexDirection: 'row', alignItems: 'center', gap: 8 }}>
        {t('year')}
        <input type="number" min={1990} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value))} style={{ width: 90 }} />
      </label>
      <ErrorText error={r.error} />
      {r.data &&
        (r.data.announced ? (
          <p className="muted">
            {t('announcedBy')} {r.data.sources.map((s) => pick(s)).join('; ')}
          </p>
        ) : (
          <p className="warning" role="status">{t('notAnnounced')}</p>
        ))}
      <table className="table">
        <tbody>
          {r.data?.daysOff.map((d) => (
            <tr key={d.date}>
              <td>{viDate(parseIsoDay(d.date) as number)}</td>
              <td>{weekdayName(parseIsoDay(d.date) as number, lang)}</td>
              <td>{pick(d.name)}</td>
              <td className="muted">{pick(d.basis)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
