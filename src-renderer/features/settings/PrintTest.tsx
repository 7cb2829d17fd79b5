import { useState } from 'react';
import { useCall } from '../../app/use-call.ts';
import { useClient } from '../../app/client-context.tsx';
import { useMessages } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorText } from '../../ui/ErrorText.tsx';
import { testMsgs } from './device-test-messages.ts';
import { useAction } from './use-action.ts';

/** A Vietnamese test page on a system printer, and a test ticket on an ESC/POS printer. */
export function PrintTest() {
  const t = useMessages(testMsgs);
  const g = useI18n().t;
  const client = useClient();
  const printers = useCall('print.printers.list', {});
  const settings = useCall('settings.get', {});
  const page = useAction();
  const ticket = useAction();
  const [printer, setPrinter] = useState('');
  const [ticketId, setTicketId] = useState('');
  const [note, setNote] = useState<{ page?: string; ticket?: string }>({});
  const tickets = settings.data?.print.ticketPrinters ?? [];
  const chosenPrinter = printer || printers.data?.find((p) => p.isDefault)?.name || printers.data?.[0]?.name || '';
  const chosenTicket = ticketId || settings.data?.print.defaultTicketPrinter || tickets[0]?.id || '';

  const printPage = async () => {
    setNote((n) => ({ ...n, page: undefined }));
    const job = await page.run(() => client.call('print.test', { printer: chosenPrinter }));
    if (job) setNote((n) => ({ ...n, page: `${t('print.sent')}: ${job.printer} #${job.jobId}` }));
  };
  const printTicket = async () => {
    setNote((n) => ({ ...n, ticket: undefined }));
    const out = await ticket.run(() => client.call('print.ticket', { number: 0, printerId: chosenTicket, counter: settings.data?.agency.counterId ?? '', service: t('print.service') }));
    if (out) setNote((n) => ({ ...n, ticket: `${t('print.sent')}: ${out.printerId} (${out.bytes} bytes, ${out.status})` }));
  };
  return (
    <div className="card" data-testid="test-printers">
      <h2>{t('print.title')}</h2>
      <div style={{ display: 'flex', gap: 8, alignItems: 'end', flexWrap: 'wrap' }}>
        <label>
          {t('print.system')}
          <select value={chosenPrinter} onChange={(e) => setPrinter(e.target.value)}>
            {printers.data?.length === 0 && <option value="">{t('none')}</option>}
            {printers.data?.map((p) => <option key={p.name} value={p.name}>{p.name} ({g(`device.status.${p.status}`)})</option>)}
          </select>
        </label>
        <button type="button" style={{ alignSelf: 'flex-end' }} disabled={page.busy || !chosenPrinter} onClick={() => void printPage()}>{page.busy ? t('working') : t('print.run')}</button>
      </div>
      {note.page && <p role="status" data-testid="print-test-result">{note.page}</p>}
      <ErrorText error={page.error ?? printers.error} />
      <div style={{ display: 'flex', gap: 8, alignItems: 'end', flexWrap: 'wrap' }}>
        <label>
          {t('print.ticket')}
          <select value={chosenTicket} onChange={(e) => setTicketId(e.target.value)}>
            {tickets.length === 0 && <option value="">{t('print.noTicket')}</option>}
            {tickets.map((p) => <option key={p.id} value={p.id}>{p.name || p.id} · {p.address}</option>)}
          </select>
        </label>
        <button type="button" style={{ alignSelf: 'flex-end' }} disabled={ticket.busy || !chosenTicket} onClick={() => void printTicket()}>{ticket.busy ? t('working') : t('print.ticketRun')}</button>
      </div>
      {note.ticket && <p role="status" data-testid="ticket-test-result">{note.ticket}</p>}
      <ErrorText error={ticket.error} />
    </div>
  );
}
