import { useState } from 'react';
import type { ReportFigures } from '../../../src-main/contract/reports.ts';
import { DOSSIER_STATUSES, isStatusCode } from '../../../src-main/domain/dossier/status.ts';
import { summaryRows, viNumber, viPercent } from '../../../src-main/domain/reports/summary-rows.ts';
import { formatDate, formatDateTime } from '../../../src-main/domain/vn-date.ts';
import { parseSlashDate } from '../../../src-main/domain/identity/dates.ts';
import { useClient } from '../../app/client-context.tsx';
import { useCall } from '../../app/use-call.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useMessages } from '../../i18n/messages.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { downloadFile } from './download.ts';
import { MonthChart } from './MonthChart.tsx';
import { reportsMessages } from './messages.ts';
import './reports.css';
import { monthLabel, monthPeriod, recentMonths } from './period.ts';

type Scope = 'agency' | 'counter';

/** The dossiers behind one figure: codes, procedures and statuses, opened from the summary. */
function Behind({ ids, title, onClose }: { ids: string[]; title: string; onClose: () => void }) {
  const t = useMessages(reportsMessages);
  const { lang } = useI18n();
  const list = useCall('reports.dossiers', { ids });
  return (
    <section className="card" data-testid="report-behind" aria-label={title}>
      <h2>
        {t('behind')}: {title} ({ids.length})
      </h2>
      <table>
        <thead>
          <tr>
            <th>{t('colCode')}</th>
            <th>{t('colProcedure')}</th>
            <th>{t('colReceived')}</th>
            <th>{t('colDue')}</th>
            <th>{t('colStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {(list.data?.items ?? []).map((d) => (
            <tr key={d.id} data-testid="report-behind-row">
              <td>{d.code}</td>
              <td>{d.procedureName}</td>
              <td>{formatDate(new Date(d.receivedAt))}</td>
              <td>{d.dueAt ? formatDate(new Date(d.dueAt)) : '—'}</td>
              <td>{isStatusCode(d.status) ? `${d.status}. ${DOSSIER_STATUSES[d.status][lang]}` : d.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={onClose}>
        {t('close')}
      </button>
    </section>
  );
}

function SummaryTable({ figures, onOpen }: { figures: ReportFigures; onOpen: (ids: string[], title: string) => void }) {
  const t = useMessages(reportsMessages);
  const { lang } = useI18n();
  return (
    <table data-testid="report-summary">
      <thead>
        <tr>
          <th>{t('colFigure')}</th>
          <th>{t('colValue')}</th>
          <th>{t('colOf')}</th>
          <th>{t('colRate')}</th>
        </tr>
      </thead>
      <tbody>
        {summaryRows(figures).map((r) => (
          <tr key={r.key} data-testid={`report-row-${r.key}`}>
            <td>{r.label[lang]}</td>
            <td>
              {r.ids && r.ids.length > 0 ? (
                <button type="button" className="link" onClick={() => onOpen(r.ids!, r.label[lang])}>
                  {viNumber(r.value ?? 0)}
                </button>
              ) : r.value === null ? (
                '—'
              ) : (
                viNumber(r.value)
              )}
            </td>
            <td>{r.of === undefined ? '' : viNumber(r.of)}</td>
            <td>{r.percent === undefined ? '' : viPercent(r.percent)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function GroupTable({ title, rows, onOpen }: { title: string; rows: ReportFigures['byField']; onOpen: (ids: string[], title: string) => void }) {
  return (
    <table>
      <thead>
        <tr>
          <th>{title}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {rows.map((g) => (
          <tr key={g.key}>
            <td>{g.label}</td>
            <td>
              <button type="button" className="link" onClick={() => onOpen(g.ids, g.label)}>
                {viNumber(g.count)}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CounterHealthPanel() {
  const t = useMessages(reportsMessages);
  const h = useCall('reports.counterHealth', {});
  if (!h.data) return null;
  const d = h.data;
  return (
    <section className="card" data-testid="counter-health">
      <h2>{t('health')}</h2>
      <dl>
        <dt>{t('lastDelivery')}</dt>
        <dd>{d.lastDeliveryAt ? formatDateTime(new Date(d.lastDeliveryAt)) : t('never')}</dd>
        <dt>{t('queueDepth')}</dt>
        <dd>{d.queueDepth}</dd>
        <dt>{t('quarantined')}</dt>
        <dd>{d.quarantined}</dd>
        <dt>{t('devices')}</dt>
        <dd>{d.devices.map((x) => `${x.name} (${x.status})`).join(', ') || '—'}</dd>
        <dt>{t('version')}</dt>
        <dd>{d.appVersion}</dd>
        <dt>{t('fingerprint')}</dt>
        <dd>
          <code>{d.configFingerprint}</code>
        </dd>
      </dl>
    </section>
  );
}

export function ReportsPage() {
  const t = useMessages(reportsMessages);
  const { lang } = useI18n();
  const client = useClient();
  const months = recentMonths(new Date());
  const [month, setMonth] = useState(months[0]!);
  const [scope, setScope] = useState<Scope>('agency');
  const [behind, setBehind] = useState<{ ids: string[]; title: string } | undefined>();
  const [range, setRange] = useState({ from: '', to: '' });
  const [custom, setCustom] = useState<{ from: string; to: string } | undefined>();
  const [rangeError, setRangeError] = useState(false);
  const applyRange = () => {
    const from = parseSlashDate(range.from.trim(), false);
    const to = parseSlashDate(range.to.trim(), false);
    const ok = !!from && !!to && from <= to;
    setRangeError(!ok);
    if (ok) setCustom({ from: from!, to: to! });
  };
  const request = { ...(custom ?? monthPeriod(month)), scope };
  const report = useCall('reports.figures', request);
  const open = (ids: string[], title: string) => setBehind({ ids, title });
  return (
    <div className="page reports-page">
      <PageHeader title={t('heading')} lead={t('lead')}>
        <div className="toolbar">
          <label>
            {t('month')}{' '}
            <select
              value={month}
              onChange={(e) => {
                setMonth(e.target.value);
                setCustom(undefined);
              }}
              data-testid="report-month"
            >
              {months.map((m) => (
                <option key={m} value={m}>
                  {monthLabel(m)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('scope')}{' '}
            <select value={scope} onChange={(e) => setScope(e.target.value as Scope)}>
              <option value="agency">{t('scopeAgency')}</option>
              <option value="counter">{t('scopeCounter')}</option>
            </select>
          </label>
          <form
            className="inline"
            onSubmit={(e) => {
              e.preventDefault();
              applyRange();
            }}
          >
            <label>
              {t('from')} <input value={range.from} onChange={(e) => setRange({ ...range, from: e.target.value })} placeholder="dd/MM/yyyy" size={10} data-testid="report-from" />
            </label>{' '}
            <label>
              {t('to')} <input value={range.to} onChange={(e) => setRange({ ...range, to: e.target.value })} placeholder="dd/MM/yyyy" size={10} data-testid="report-to" />
            </label>{' '}
            <button type="submit">{t('show')}</button>
          </form>
          <button type="button" onClick={() => void client.call('reports.exportXlsx', request).then(downloadFile)}>
            {t('exportXlsx')}
          </button>
          <button type="button" onClick={() => void client.call('reports.pdf', request).then(downloadFile)}>
            {t('exportPdf')}
          </button>
        </div>
        {rangeError ? (
          <p className="error" role="alert">
            {t('badRange')}
          </p>
        ) : null}
      </PageHeader>
      {report.loading && !report.data ? <p>{t('loading')}</p> : null}
      {report.error ? <p className="error" role="alert">{report.error.messages[lang]}</p> : null}
      {report.data ? (
        <>
          <p className="muted">{report.data.source === 'province' ? t('sourceProvince') : t('sourceLocal')}</p>
          <SummaryTable figures={report.data.figures} onOpen={open} />
          {behind ? <Behind ids={behind.ids} title={behind.title} onClose={() => setBehind(undefined)} /> : null}
          <MonthChart months={report.data.figures.months} title={t('chart')} />
          <div className="report-groups">
            <GroupTable title={t('byField')} rows={report.data.figures.byField} onOpen={open} />
            <GroupTable title={t('byProcedure')} rows={report.data.figures.byProcedure} onOpen={open} />
          </div>
        </>
      ) : null}
      <CounterHealthPanel />
    </div>
  );
}
