import { useCallback, useEffect, useRef, useState } from 'react';
import type { CheckIn } from '../../../src-main/contract/health.ts';
import type { IdentityRead } from '../../../src-main/contract/idread.ts';
import { CounterError } from '../../../src-main/contract/errors.ts';
import { formatDateTime } from '../../../src-main/domain/vn-date.ts';
import { useClient } from '../../app/client-context.tsx';
import { useCall } from '../../app/use-call.ts';
import { useMessages } from '../../i18n/messages.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorText } from '../../ui/ErrorText.tsx';
import { useSlots } from '../../app/slots.tsx';
import { healthMsgs } from './messages.ts';
import { useTicketPrinter } from './use-ticket-printer.ts';
import './health.css';

function CardStatusBadge({ c }: { c: CheckIn }) {
  const t = useMessages(healthMsgs);
  return (
    <span className={`card-status ${c.card.status}`} data-testid="card-status">
      {t(`status.${c.card.status}`)}
    </span>
  );
}

/**
 * Health station: every identity read (chip, QR reader, keyboard-wedge scanner, or pasted text)
 * checks the patient in, draws the day's next queue number and shows whether the BHYT card is valid.
 */
export function HealthPage() {
  const { IdentityCard, useQrWedgeSubmit } = useSlots();
  const t = useMessages(healthMsgs);
  const client = useClient();
  const info = useCall('app.info', {});
  const [list, setList] = useState<CheckIn[]>([]);
  const [current, setCurrent] = useState<CheckIn>();
  const [error, setError] = useState<CounterError>();
  const [manual, setManual] = useState('');
  const [recheckNote, setRecheckNote] = useState<string>();
  /** True once the scanner and event listeners are attached (tests wait for it). */
  const [ready, setReady] = useState(false);
  const wedge = useQrWedgeSubmit();
  const tickets = useTicketPrinter();
  const autoPrint = useRef(tickets.auto);
  autoPrint.current = tickets.auto;

  const reload = useCallback(() => {
    void client.call('health.today', {}).then(setList, () => {});
  }, [client]);

  const checkIn = useCallback(
    async (input: { read?: IdentityRead; text?: string }) => {
      try {
        const c = await client.call('health.checkIn', input.read ? { identity: input.read.identity, source: input.read.source } : { text: input.text });
        setCurrent(c);
        setError(undefined);
        if (autoPrint.current) void tickets.print(c.queueNumber);
        wedge.clear();
        reload();
        return true;
      } catch (err) {
        setError(err instanceof CounterError ? err : undefined);
        return false;
      }
    },
    [client, reload, wedge, tickets.print],
  );

  const checkInRef = useRef(checkIn);
  checkInRef.current = checkIn;

  useEffect(() => {
    reload();
    setReady(true);
    const offRead = client.on('identity.read', (read) => void checkInRef.current({ read }));
    const offChanged = client.on('health.changed', (c) => {
      setCurrent((cur) => (cur && cur.id === c.id ? c : cur));
      setList((l) => (l.some((x) => x.id === c.id) ? l.map((x) => (x.id === c.id ? c : x)) : l));
    });
    return () => {
      offRead();
      offChanged();
    };
  }, [client, reload]);

  const recheck = async () => {
    const r = await client.call('health.recheck', {});
    setRecheckNote(`${t('rechecked')}: ${r.checked}, ${t('stillPending')}: ${r.stillPending}`);
    reload();
  };

  return (
    <section data-testid="health-page" data-ready={ready}>
      <PageHeader title={t('heading')} lead={t('lead')} />
      <div className="health-top">
        <div className="card queue-ticket" data-testid="queue-ticket">
          <span className="muted">{t('queueNumber')}</span>
          <span className="queue-number" data-testid="queue-number">
            {current ? current.queueNumber : '—'}
          </span>
          {current && <CardStatusBadge c={current} />}
          {current?.card.status === 'pending' && <small className="muted">{t('pendingHint')}</small>}
          {current?.card.message && current.card.status !== 'pending' && <small className="muted">{current.card.message}</small>}
          {current && (
            <button type="button" className="secondary" data-testid="print-ticket" onClick={() => void tickets.print(current.queueNumber)}>
              {t('printTicket')}
            </button>
          )}
          {tickets.printed !== undefined && <small className="muted" data-testid="ticket-printed">{t('ticketPrinted')} {tickets.printed}</small>}
          <ErrorText error={tickets.error} />
        </div>
        <div>
          {current ? <IdentityCard identity={current.identity} source={current.source} at={current.at} /> : <p className="card muted">{t('waiting')}</p>}
          <ErrorText error={error ?? wedge.error} />
        </div>
      </div>
      <div className="card">
        <form
          className="health-manual"
          onSubmit={(e) => {
            e.preventDefault();
            void checkIn({ text: manual }).then((ok) => ok && setManual(''));
          }}
        >
          <label style={{ flex: 1 }}>
            {t('manual')}
            <textarea value={manual} onChange={(e) => setManual(e.target.value)} />
          </label>
          <button type="submit" disabled={!manual.trim()}>
            {t('checkIn')}
          </button>
        </form>
        <div className="health-actions">
          <button type="button" onClick={() => void recheck()}>
            {t('recheck')}
          </button>
          {recheckNote && <span className="muted">{recheckNote}</span>}
          {info.data?.trainingMode &&
            (['bhyt', 'cccd', 'vneid', 'mrz'] as const).map((s) => (
              <button key={s} type="button" className="secondary" onClick={() => void client.call('identity.trainingScan', { sample: s })}>
                {t('training')} {s.toUpperCase()}
              </button>
            ))}
        </div>
      </div>
      <div className="card">
        <h2>{t('today')}</h2>
        {list.length === 0 ? (
          <p className="muted">{t('none')}</p>
        ) : (
          <table className="table" data-testid="health-today">
            <thead>
              <tr>
                <th>{t('queueNumber')}</th>
                <th>{t('time')}</th>
                <th>{t('name')}</th>
                <th>{t('card')}</th>
                <th>{t('status')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.map((c) => (
                <tr key={c.id}>
                  <td>{c.queueNumber}</td>
                  <td>{formatDateTime(new Date(c.at)).slice(11)}</td>
                  <td>{c.identity.fullName ?? '—'}</td>
                  <td className="mono">{c.lookupNumber ?? '—'}</td>
                  <td>
                    <CardStatusBadge c={c} />
                  </td>
                  <td>
                    <button type="button" className="secondary" onClick={() => void tickets.print(c.queueNumber)}>
                      {t('reprintTicket')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
