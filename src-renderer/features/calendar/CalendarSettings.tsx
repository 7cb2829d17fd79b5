import { useEffect, useState, type FormEvent } from 'react';
import { useCall } from '../../app/use-call.ts';
import { useClient } from '../../app/client-context.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useMessages } from '../../i18n/messages.ts';
import { ErrorText } from '../../ui/ErrorText.tsx';
import { CounterError } from '../../../src-main/contract/errors.ts';
import type { CalendarException, CalendarSettings as CalendarConfig } from '../../../src-main/contract/calendar.ts';
import { workingHours } from '../../../src-main/domain/calendar/working-hours.ts';
import { CalendarErrors } from '../../../src-main/domain/calendar/errors.ts';
import { parseIsoDay, viDate } from '../../../src-main/domain/calendar/civil-day.ts';
import { calendarMsgs, WEEKDAYS } from './calendar-messages.ts';
import { YearDaysOff } from './YearDaysOff.tsx';
import { NextYearPlanReminder } from './NextYearPlanReminder.tsx';

/** Checks what the schema cannot say in Vietnamese before saving (hours order, duplicates). */
function check(cfg: CalendarConfig): void {
  workingHours(cfg);
  const seen = new Set<string>();
  for (const e of cfg.exceptions) {
    if (parseIsoDay(e.date) === undefined) throw CalendarErrors.raise('CALENDAR_INVALID_DATE', { date: e.date });
    if (seen.has(e.date)) throw CalendarErrors.raise('CALENDAR_DUPLICATE_EXCEPTION', { date: e.date });
    seen.add(e.date);
  }
}

/** IT admin settings: working hours, weekly rest days, late cutoff, and the yearly exceptions table. */
export function CalendarSettings() {
  const { lang } = useI18n();
  const t = useMessages(calendarMsgs);
  const client = useClient();
  const settings = useCall('settings.get', {});
  const [cfg, setCfg] = useState<CalendarConfig>();
  const [draft, setDraft] = useState<CalendarException>({ date: '', kind: 'day-off', note: '' });
  const [error, setError] = useState<CounterError>();
  const [saved, setSaved] = useState(0);
  useEffect(() => {
    if (settings.data) setCfg(settings.data.calendar);
  }, [settings.data]);
  if (!cfg) return <ErrorText error={settings.error} />;

  const update = (patch: Partial<CalendarConfig>) => {
    setCfg({ ...cfg, ...patch });
    setError(undefined);
  };
  const setSession = (i: number, key: 'start' | 'end', value: string) =>
    update({ sessions: cfg.sessions.map((s, j) => (j === i ? { ...s, [key]: value } : s)) });
  const toggleWeekend = (d: number) =>
    update({ weekendDays: cfg.weekendDays.includes(d) ? cfg.weekendDays.filter((x) => x !== d) : [...cfg.weekendDays, d].sort() });
  const addException = () => {
    try {
      check({ ...cfg, exceptions: [...cfg.exceptions, draft] });
      update({ exceptions: [...cfg.exceptions, draft].sort((a, b) => a.date.localeCompare(b.date)) });
      setDraft({ date: '', kind: draft.kind, note: '' });
    } catch (err) {
      if (err instanceof CounterError) setError(err);
    }
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      check(cfg);
      await client.call('settings.set', { calendar: cfg });
      setSaved((n) => n + 1);
      setError(undefined);
    } catch (err) {
      if (err instanceof CounterError) setError(err);
    }
  };

  return (
    <form className="card" onSubmit={save} data-testid="calendar-settings">
      <h2>{t('title')}</h2>
      <p className="muted" style={{ margin: 0 }}>{t('lead')}</p>
      <NextYearPlanReminder />
      <div className="grid-2">
        <fieldset>
          <legend>{t('sessions')}</legend>
          {cfg.sessions.map((s, i) => (
            <div key={i} style={{ display: 'flex', gap: 8, alignItems: 'end' }}>
              <label>{t('from')}<input type="time" value={s.start} onChange={(e) => setSession(i, 'start', e.target.value)} /></label>
              <label>{t('to')}<input type="time" value={s.end} onChange={(e) => setSession(i, 'end', e.target.value)} /></label>
              {cfg.sessions.length > 1 && (
                <button type="button" onClick={() => update({ sessions: cfg.sessions.filter((_, j) => j !== i) })}>{t('remove')}</button>
              )}
            </div>
          ))}
          {cfg.sessions.length < 4 && (
            <button type="button" onClick={() => update({ sessions: [...cfg.sessions, { start: '18:00', end: '19:00' }] })}>{t('addSession')}</button>
          )}
          <label>
            {t('hoursPerDay')}
            <input type="number" min={1} max={24} step={0.5} value={cfg.hoursPerWorkingDay} onChange={(e) => update({ hoursPerWorkingDay: Number(e.target.value) })} style={{ width: 90 }} />
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('weekend')}</legend>
          <div style={{ display: 'flex', gap: 10 }}>
            {WEEKDAYS.map((w, d) => (
              <label key={d} style={{ flexDirection: 'row', alignItems: 'center', gap: 4 }}>
                <input type="checkbox" checked={cfg.weekendDays.includes(d)} onChange={() => toggleWeekend(d)} />
                {w[lang]}
              </label>
            ))}
          </div>
          <label>
            {t('cutoff')}
            <span style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
              <input type="checkbox" aria-label={t('cutoffOn')} checked={cfg.lateCutoff !== ''} onChange={(e) => update({ lateCutoff: e.target.checked ? '15:00' : '' })} />
              <input type="time" disabled={cfg.lateCutoff === ''} value={cfg.lateCutoff} onChange={(e) => update({ lateCutoff: e.target.value })} />
            </span>
          </label>
        </fieldset>
      </div>
      <fieldset>
        <legend>{t('exceptions')}</legend>
        <table className="table">
          <thead>
            <tr><th>{t('date')}</th><th>{t('kind')}</th><th>{t('note')}</th><th /></tr>
          </thead>
          <tbody>
            {cfg.exceptions.length === 0 && (
              <tr><td colSpan={4} className="muted">{t('noExceptions')}</td></tr>
            )}
            {cfg.exceptions.map((x) => (
              <tr key={x.date}>
                <td>{viDate(parseIsoDay(x.date) as number)}</td>
                <td>{x.kind === 'day-off' ? t('dayOff') : t('workingDay')}</td>
                <td>{x.note}</td>
                <td><button type="button" onClick={() => update({ exceptions: cfg.exceptions.filter((y) => y.date !== x.date) })}>{t('remove')}</button></td>
              </tr>
            ))}
            <tr>
              <td><input type="date" aria-label={t('date')} value={draft.date} onChange={(e) => setDraft({ ...draft, date: e.target.value })} /></td>
              <td>
                <select aria-label={t('kind')} value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as CalendarException['kind'] })}>
                  <option value="day-off">{t('dayOff')}</option>
                  <option value="working-day">{t('workingDay')}</option>
                </select>
              </td>
              <td><input aria-label={t('note')} value={draft.note} maxLength={200} onChange={(e) => setDraft({ ...draft, note: e.target.value })} /></td>
              <td><button type="button" disabled={!draft.date} onClick={addException}>{t('add')}</button></td>
            </tr>
          </tbody>
        </table>
      </fieldset>
      <button type="submit">{t('save')}</button>
      {saved > 0 && !error && <p role="status">{t('saved')}</p>}
      <ErrorText error={error} />
      <YearDaysOff version={saved} />
    </form>
  );
}
