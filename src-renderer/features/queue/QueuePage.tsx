import { useEffect, useState } from 'react';
import type { QueueItem, QueueProblem, QueueStatusUpdate, QueueSummary } from '../../../src-main/contract/queue.ts';
import { formatDateTime } from '../../../src-main/domain/vn-date.ts';
import { useClient } from '../../app/client-context.tsx';
import { useCall } from '../../app/use-call.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useMessages } from '../../i18n/messages.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { queueMessages } from './messages.ts';

const WARN = { background: '#fff3cd', border: '1px solid #e0c060', padding: '8px 12px', borderRadius: 4 };
const ERROR = { ...WARN, background: '#f8d7da', border: '1px solid #d08080' };
const OPEN_STATES = ['pending', 'sending', 'sent', 'failed-retrying', 'quarantined'] as const;

/** The offline / unconfigured / paused banner; also usable on the reception page. */
export function QueueBanner({ summary }: { summary: QueueSummary | undefined }) {
  const t = useMessages(queueMessages);
  if (!summary) return null;
  if (summary.authBlocked) return <p className="banner banner-error" style={ERROR} role="alert" data-testid="queue-banner">{t('authBlocked')}</p>;
  if (summary.network === 'offline') return <p className="banner banner-warn" style={WARN} role="status" data-testid="queue-banner">{t('offline')}</p>;
  if (summary.network === 'unconfigured') return <p className="banner banner-warn" style={WARN} role="status" data-testid="queue-banner">{t('unconfigured')}</p>;
  return null;
}

const STATUS_UPDATE_STATES = ['pending', 'sending', 'failed-retrying', 'quarantined'] as const;
const needsRetry = (state: string) => state === 'failed-retrying' || state === 'quarantined';

/** What went wrong, what the province said, what to do, and when the next automatic try is. */
function ProblemAndNextTry({ problem, state, nextAttemptAt }: { problem: QueueProblem | null; state: string; nextAttemptAt: string | null }) {
  const t = useMessages(queueMessages);
  const { lang } = useI18n();
  return (
    <>
      {problem ? (
        <>
          <div>{problem.message[lang]}</div>
          {problem.serverReason ? <div className="muted">{t('serverSaid')}: {problem.serverReason}</div> : null}
          <div>→ {problem.advice[lang]}</div>
        </>
      ) : null}
      {nextAttemptAt && state === 'failed-retrying' ? (
        <div className="muted">
          {t('nextTry')} {formatDateTime(new Date(nextAttemptAt))}
        </div>
      ) : null}
    </>
  );
}

/** One status change made at the counter: "Cập nhật trạng thái 10. Đã trả kết quả — đã gửi", its problem and what to do. */
function StatusUpdateLine({ update }: { update: QueueStatusUpdate }) {
  const t = useMessages(queueMessages);
  const { lang } = useI18n();
  return (
    <li data-testid="queue-status-update" data-state={update.state} data-to-status={update.toStatus}>
      {t('statusUpdate')} {update.toStatus}. {update.toStatusName[lang]} — {t(`su.${update.state}`)}
      <ProblemAndNextTry problem={update.problem} state={update.state} nextAttemptAt={update.nextAttemptAt} />
    </li>
  );
}

function QueueRow({ item, onRetry }: { item: QueueItem; onRetry: (id: string) => void }) {
  const t = useMessages(queueMessages);
  const pct = Math.round((item.bytesDone / Math.max(1, item.bytesTotal)) * 100);
  return (
    <tr data-testid="queue-row" data-state={item.state} data-dossier={item.dossierId}>
      <td>
        <strong data-testid="queue-code">{item.officialCode ?? item.code}</strong> {item.officialCode ? null : <span className="muted">{t('provisional')}</span>}
        <div className="muted">{item.procedureName}</div>
      </td>
      <td>{item.applicantName}</td>
      <td data-testid="queue-state">{t(`state.${item.state}`)}</td>
      <td>
        <progress max={100} value={item.state === 'confirmed' || item.state === 'sent' ? 100 : pct} /> {item.state === 'confirmed' || item.state === 'sent' ? 100 : pct}%
      </td>
      <td>
        <ProblemAndNextTry problem={item.problem} state={item.state} nextAttemptAt={item.nextAttemptAt} />
        {item.statusUpdates.length ? (
          <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
            {item.statusUpdates.map((u) => (
              <StatusUpdateLine key={u.seq} update={u} />
            ))}
          </ul>
        ) : null}
      </td>
      <td>
        {needsRetry(item.state) || item.statusUpdates.some((u) => needsRetry(u.state)) ? (
          <button type="button" onClick={() => onRetry(item.dossierId)}>
            {t('retryOne')}
          </button>
        ) : null}
      </td>
    </tr>
  );
}

export function QueuePage() {
  const t = useMessages(queueMessages);
  const client = useClient();
  const [showDone, setShowDone] = useState(false);
  const status = useCall('queue.status', {});
  const list = useCall('queue.list', { states: showDone ? undefined : [...OPEN_STATES], limit: 200 });
  const [summary, setSummary] = useState<QueueSummary | undefined>();
  const { reload: reloadList } = list;
  useEffect(() => setSummary(status.data), [status.data]);
  useEffect(
    () =>
      client.on('queue.changed', (s) => {
        setSummary(s);
        reloadList();
      }),
    [client, reloadList],
  );
  const retry = (ids?: string[]) => void client.call('queue.retry', { dossierIds: ids }).then(reloadList);
  const items = list.data?.items ?? [];
  return (
    <section>
      <PageHeader title={t('heading')} lead={t('lead')} />
      <QueueBanner summary={summary} />
      <p data-testid="queue-summary">
        {summary?.network === 'online' ? <span>{t('online')} · </span> : null}
        {t('lastSuccess')}: {summary?.lastSuccessAt ? formatDateTime(new Date(summary.lastSuccessAt)) : t('never')}
        {summary ? ` · ${(['pending', 'sending', 'sent', 'confirmed', 'failed-retrying', 'quarantined'] as const).map((s) => `${t(`state.${s}`)}: ${summary.counts[s] ?? 0}`).join(' · ')}` : null}
      </p>
      {summary ? (
        <p data-testid="queue-status-summary">
          {t('statusUpdatesLabel')}: {STATUS_UPDATE_STATES.map((s) => `${t(`su.${s}`)}: ${summary.statusCounts[s] ?? 0}`).join(' · ')}
        </p>
      ) : null}
      <p>
        <button type="button" onClick={() => retry()} data-testid="queue-retry-all">
          {t('retryAll')}
        </button>{' '}
        <label>
          <input type="checkbox" checked={showDone} onChange={(e) => setShowDone(e.target.checked)} /> {t('showDone')}
        </label>
      </p>
      {items.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('colCode')}</th>
              <th>{t('colApplicant')}</th>
              <th>{t('colState')}</th>
              <th>{t('colProgress')}</th>
              <th>{t('colProblem')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <QueueRow key={i.dossierId} item={i} onRetry={(id) => retry([id])} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
