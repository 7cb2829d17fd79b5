import { useState } from 'react';
import { useCall } from '../../app/use-call.ts';
import type { AppointmentPreviewProps } from '../../app/slots.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { defineMessages, useMessages } from '../../i18n/messages.ts';
import { ErrorText } from '../../ui/ErrorText.tsx';
import { describeMoment } from '../../../src-main/domain/calendar/explain.ts';
import { parseIsoDay, viDate } from '../../../src-main/domain/calendar/civil-day.ts';

const msgs = defineMessages({
  title: { vi: 'Ngày hẹn trả kết quả', en: 'Appointment for the result' },
  loading: { vi: 'Đang tính…', en: 'Calculating…' },
  start: { vi: 'Bắt đầu tính', en: 'Counting starts' },
  skipped: { vi: 'Ngày không tính', en: 'Days not counted' },
  none: { vi: 'Không có', en: 'None' },
  weekend: { vi: 'nghỉ hằng tuần', en: 'weekly rest' },
  holiday: { vi: 'ngày lễ, Tết', en: 'public holiday' },
  compensatory: { vi: 'nghỉ bù', en: 'compensatory day' },
  'day-off': { vi: 'nghỉ theo thông báo', en: 'day off by notice' },
});


/** The appointment date and why: what the officer reads out to the citizen at the counter. */
export function AppointmentPreview({ processingTime, receivedAt }: AppointmentPreviewProps) {
  const { lang, pick } = useI18n();
  const t = useMessages(msgs);
  const [mountedAt] = useState(() => new Date().toISOString());
  const r = useCall('calendar.appointment', { receivedAt: receivedAt ?? mountedAt, processingTime });
  return (
    <section className="card" aria-live="polite" data-testid="appointment-preview">
      <h2>{t('title')}</h2>
      {r.loading && !r.data && <p className="muted">{t('loading')}</p>}
      <ErrorText error={r.error} />
      {r.data && (
        <>
          <p style={{ fontSize: 20, fontWeight: 700, margin: 0 }}>{describeMoment(r.data.appointmentAt, lang)}</p>
          <p style={{ margin: 0 }}>{pick(r.data.explanation)}</p>
          <dl className="facts">
            <dt>{t('start')}</dt>
            <dd>{describeMoment(r.data.countingStartsAt, lang)}</dd>
            <dt>{t('skipped')}</dt>
            <dd>
              {r.data.skipped.length === 0
                ? t('none')
                : r.data.skipped.map((d) => (
                    <div key={d.date}>
                      {viDate(parseIsoDay(d.date) as number)} — {pick(d.name)} <span className="muted">({t(d.kind)})</span>
                    </div>
                  ))}
            </dd>
          </dl>
        </>
      )}
    </section>
  );
}
