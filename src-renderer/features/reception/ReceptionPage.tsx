import { useEffect, useState } from 'react';
import { confirmDestructive } from '../../ui/confirm.ts';
import type { ReceptionDraft } from '../../../src-main/contract/reception.ts';
import type { QueueSummary } from '../../../src-main/contract/queue.ts';
import { useSlots } from '../../app/slots.tsx';
import { useClient } from '../../app/client-context.tsx';
import { useCall } from '../../app/use-call.ts';
import { useMessages } from '../../i18n/messages.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { emptyDraft } from './use-reception-draft.ts';
import { ReceptionFlow } from './ReceptionFlow.tsx';
import { receptionMsgs } from './messages.ts';
import { formatDateTime } from '../../../src-main/domain/vn-date.ts';

/** Reception: resume a reception left unfinished (crash, power cut, lunch) or start a new one. */
export function ReceptionPage() {
  const { QueueBanner, TrainingNetworkSwitch } = useSlots();
  const client = useClient();
  const t = useMessages(receptionMsgs);
  const drafts = useCall('reception.drafts.list', {});
  const [current, setCurrent] = useState<ReceptionDraft>();
  const [chosen, setChosen] = useState(false);
  // The offline banner: receptions go on while the province server is unreachable; the queue catches up.
  const queueStatus = useCall('queue.status', {});
  const [queue, setQueue] = useState<QueueSummary>();
  useEffect(() => setQueue(queueStatus.data), [queueStatus.data]);
  useEffect(() => client.on('queue.changed', setQueue), [client]);

  useEffect(() => {
    if (drafts.data && drafts.data.length === 0 && !current) setCurrent(emptyDraft());
  }, [drafts.data, current]);

  const resume = async (id: string) => {
    setCurrent(await client.call('reception.drafts.get', { id }));
    setChosen(true);
  };
  const discard = async (id: string) => {
    if (!confirmDestructive(t('discardConfirm'))) return;
    await client.call('reception.drafts.discard', { id });
    drafts.reload();
  };
  const startNew = () => {
    setCurrent(emptyDraft());
    setChosen(true);
  };

  const unfinished = (drafts.data ?? []).filter((d) => d.id !== current?.id);
  return (
    <section>
      <PageHeader title={t('heading')} lead="" />
      <QueueBanner summary={queue} />
      <TrainingNetworkSwitch />
      {!chosen && unfinished.length > 0 && (
        <div className="card" data-testid="drafts">
          <h2>{t('resumeTitle')}</h2>
          <table className="table">
            <tbody>
              {unfinished.map((d) => (
                <tr key={d.id}>
                  <td>{d.applicantName ?? t('noName')}</td>
                  <td className="mono">{d.procedureCode ?? ''}</td>
                  <td>{formatDateTime(new Date(d.updatedAt))}</td>
                  <td>
                    <button type="button" onClick={() => void resume(d.id)}>
                      {t('resume')}
                    </button>{' '}
                    <button type="button" className="secondary" onClick={() => void discard(d.id)}>
                      {t('discard')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={startNew}>
            {t('newReception')}
          </button>
        </div>
      )}
      {current && (chosen || unfinished.length === 0) && <ReceptionFlow key={current.id} initial={current} onNew={startNew} />}
    </section>
  );
}
