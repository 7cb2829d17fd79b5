import { useEffect, useState } from 'react';
import type { FormKind, PrinterProfile } from '../../../src-main/contract/print.ts';
import { CounterError } from '../../../src-main/contract/errors.ts';
import { useCall } from '../../app/use-call.ts';
import { useClient } from '../../app/client-context.tsx';
import { useMessages } from '../../i18n/messages.ts';
import { ErrorText } from '../../ui/ErrorText.tsx';
import { printMsgs } from './print-messages.ts';

const DEFAULT: PrinterProfile = { printer: '', paper: 'A5', margins: { top: 0, right: 0, bottom: 0, left: 0 }, copies: 1, silent: true };
const SIDES = ['top', 'right', 'bottom', 'left'] as const;

/** One row per form: which printer, paper, copies, margins, silent; saved into settings `print.profiles`. */
export function PrinterProfiles() {
  const t = useMessages(printMsgs);
  const client = useClient();
  const forms = useCall('print.forms.list', {});
  const printers = useCall('print.printers.list', {});
  const settings = useCall('settings.get', {});
  const [profiles, setProfiles] = useState<Partial<Record<FormKind, PrinterProfile>>>({});
  const [error, setError] = useState<CounterError>();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (settings.data) setProfiles(settings.data.print.profiles);
  }, [settings.data]);
  const edit = (kind: FormKind, patch: Partial<PrinterProfile>) => {
    setSaved(false);
    setProfiles((p) => ({ ...p, [kind]: { ...DEFAULT, ...p[kind], ...patch } }));
  };
  const save = async () => {
    try {
      await client.call('settings.set', { print: { profiles } });
      setSaved(true);
    } catch (e) {
      setError(e instanceof CounterError ? e : undefined);
    }
  };
  return (
    <div className="card" data-testid="printer-profiles">
      <h2>{t('profilesTitle')}</h2>
      <table>
        <thead>
          <tr><th>{t('form')}</th><th>{t('printer')}</th><th>{t('paper')}</th><th>{t('copies')}</th><th>{t('margins')}</th><th>{t('silent')}</th></tr>
        </thead>
        <tbody>
          {forms.data?.map((f) => {
            const p = { ...DEFAULT, ...profiles[f.kind] };
            return (
              <tr key={f.kind}>
                <td>Mẫu {f.number}</td>
                <td>
                  <select aria-label={`${t('printer')} ${f.number}`} value={p.printer} onChange={(e) => edit(f.kind, { printer: e.target.value })}>
                    <option value="">{t('defaultPrinter')}</option>
                    {printers.data?.map((x) => <option key={x.name} value={x.name}>{x.name}</option>)}
                  </select>
                </td>
                <td>
                  <select value={p.paper} onChange={(e) => edit(f.kind, { paper: e.target.value as PrinterProfile['paper'] })}>
                    <option value="A5">A5</option>
                    <option value="A4">A4</option>
                  </select>
                </td>
                <td><input type="number" min={1} max={9} style={{ width: 48 }} value={p.copies} onChange={(e) => edit(f.kind, { copies: Math.max(1, Math.min(9, Number(e.target.value) || 1)) })} /></td>
                <td>
                  {SIDES.map((side) => (
                    <input key={side} type="number" min={0} max={50} style={{ width: 44 }} value={p.margins[side]} onChange={(e) => edit(f.kind, { margins: { ...p.margins, [side]: Math.max(0, Math.min(50, Number(e.target.value) || 0)) } })} />
                  ))}
                </td>
                <td><input type="checkbox" checked={p.silent} onChange={(e) => edit(f.kind, { silent: e.target.checked })} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" onClick={() => void save()}>{t('save')}</button>
      {saved && <span role="status"> {t('saved')}</span>}
      <ErrorText error={error ?? forms.error ?? printers.error ?? settings.error} />
    </div>
  );
}
