import { useState, type FormEvent } from 'react';
import { useCall } from '../../app/use-call.ts';
import { useMessages } from '../../i18n/messages.ts';
import { FormKind, PrinterProfile, TicketPrinter, type PrintSettings } from '../../../src-main/contract/print.ts';
import { ErrorText } from '../../ui/ErrorText.tsx';
import { settingsMsgs } from './settings-messages.ts';
import { useSettingsSection } from '../../ui/use-settings-section.ts';
import { SaveRow } from '../../ui/SaveRow.tsx';
import { SettingsUiErrors } from './settings-errors.ts';

const FORMS = FormKind.options;
const NEW_TICKET = { id: '', name: '', transport: 'tcp', address: '' } as const;

function duplicateTicketId(p: PrintSettings) {
  const ids = p.ticketPrinters.map((x) => x.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  return dup === undefined ? undefined : SettingsUiErrors.raise('SETTINGS_DUPLICATE_ID', { id: dup });
}

/** Which printer, paper and copies each legal form uses, and the ESC/POS queue-ticket printers. */
export function PrintProfilesForm() {
  const t = useMessages(settingsMsgs);
  const { value: print, update, save, saved, error } = useSettingsSection('print');
  const printers = useCall('devices.list', { kind: 'printer' });
  const [ticket, setTicket] = useState<{ id: string; name: string; transport: TicketPrinter['transport']; address: string }>({ ...NEW_TICKET });
  if (!print) return <ErrorText error={error} />;

  const profileOf = (form: FormKind): PrinterProfile => print.profiles[form] ?? PrinterProfile.parse({});
  const setProfile = (form: FormKind, patch: Partial<PrinterProfile>) => update({ profiles: { ...print.profiles, [form]: { ...profileOf(form), ...patch } } });
  const addTicket = () => {
    update({ ticketPrinters: [...print.ticketPrinters, TicketPrinter.parse(ticket)] });
    setTicket({ ...NEW_TICKET });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(duplicateTicketId);
  };
  const names = (printers.data ?? []).map((p) => p.address ?? p.name);

  return (
    <form className="card" onSubmit={submit} data-testid="print-form">
      <h2>{t('print.title')}</h2>
      <label style={{ maxWidth: 320 }}>
        {t('print.formSet')}
        <select value={print.formSet} onChange={(e) => update({ formSet: e.target.value as PrintSettings['formSet'] })}>
          <option value="TT01-2018">TT 01/2018/TT-VPCP</option>
          <option value="TT03-2025">TT 03/2025/TT-VPCP</option>
        </select>
      </label>
      <table className="table">
        <thead>
          <tr><th>{t('print.form')}</th><th>{t('print.printer')}</th><th>{t('print.paper')}</th><th>{t('print.copies')}</th><th>{t('print.silent')}</th></tr>
        </thead>
        <tbody>
          {FORMS.map((form) => {
            const p = profileOf(form);
            const label = t(`form.${form}`);
            return (
              <tr key={form} data-testid={`profile-${form}`}>
                <td>{label}</td>
                <td>
                  <select aria-label={`${t('print.printer')} — ${label}`} value={p.printer} onChange={(e) => setProfile(form, { printer: e.target.value })}>
                    <option value="">{t('print.defaultPrinter')}</option>
                    {[...new Set([...names, p.printer].filter(Boolean))].map((n) => <option key={n} value={n}>{n}</option>)}
                  </select>
                </td>
                <td>
                  <select aria-label={`${t('print.paper')} — ${label}`} value={p.paper} onChange={(e) => setProfile(form, { paper: e.target.value as PrinterProfile['paper'] })}>
                    <option value="A5">A5</option>
                    <option value="A4">A4</option>
                  </select>
                </td>
                <td><input aria-label={`${t('print.copies')} — ${label}`} type="number" min={1} max={9} value={p.copies} style={{ width: 60 }} onChange={(e) => setProfile(form, { copies: Math.min(9, Math.max(1, Number(e.target.value) || 1)) })} /></td>
                <td><input aria-label={`${t('print.silent')} — ${label}`} type="checkbox" checked={p.silent} onChange={(e) => setProfile(form, { silent: e.target.checked })} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>{t('ticket.title')}</h2>
      <table className="table" data-testid="ticket-printers">
        <thead>
          <tr><th>{t('ticket.id')}</th><th>{t('ticket.name')}</th><th>{t('ticket.transport')}</th><th>{t('ticket.address')}</th><th>{t('ticket.default')}</th><th /></tr>
        </thead>
        <tbody>
          {print.ticketPrinters.length === 0 && <tr><td colSpan={6} className="muted">{t('ticket.none')}</td></tr>}
          {print.ticketPrinters.map((x) => (
            <tr key={x.id}>
              <td className="mono">{x.id}</td>
              <td>{x.name}</td>
              <td>{x.transport}</td>
              <td className="mono">{x.address}</td>
              <td><input type="radio" name="default-ticket" aria-label={`${t('ticket.default')} ${x.id}`} checked={print.defaultTicketPrinter === x.id} onChange={() => update({ defaultTicketPrinter: x.id })} /></td>
              <td><button type="button" onClick={() => update({ ticketPrinters: print.ticketPrinters.filter((y) => y !== x), defaultTicketPrinter: print.defaultTicketPrinter === x.id ? '' : print.defaultTicketPrinter })}>{t('remove')}</button></td>
            </tr>
          ))}
          <tr>
            <td><input aria-label={t('ticket.id')} value={ticket.id} style={{ width: 80 }} onChange={(e) => setTicket({ ...ticket, id: e.target.value })} /></td>
            <td><input aria-label={t('ticket.name')} value={ticket.name} onChange={(e) => setTicket({ ...ticket, name: e.target.value })} /></td>
            <td>
              <select aria-label={t('ticket.transport')} value={ticket.transport} onChange={(e) => setTicket({ ...ticket, transport: e.target.value as TicketPrinter['transport'] })}>
                <option value="tcp">TCP (LAN)</option>
                <option value="serial">Serial (COM)</option>
                <option value="usb">USB</option>
              </select>
            </td>
            <td><input aria-label={t('ticket.address')} className="mono" value={ticket.address} placeholder="192.168.1.50:9100" onChange={(e) => setTicket({ ...ticket, address: e.target.value })} /></td>
            <td colSpan={2}><button type="button" disabled={!ticket.id || !ticket.address} onClick={addTicket}>{t('ticket.add')}</button></td>
          </tr>
        </tbody>
      </table>
      <SaveRow saved={saved} error={error} />
    </form>
  );
}
