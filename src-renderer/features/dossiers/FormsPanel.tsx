import { useState } from 'react';
import type { Dossier } from '../../../src-main/contract/dossiers.ts';
import type { IssuedFormView } from '../../../src-main/contract/reception.ts';
import { CounterError } from '../../../src-main/contract/errors.ts';
import { formatDateTime } from '../../../src-main/domain/vn-date.ts';
import { useCall } from '../../app/use-call.ts';
import { useClient } from '../../app/client-context.tsx';
import { useMessages } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorText } from '../../ui/ErrorText.tsx';
import { detailMessages } from './detail-messages.ts';

/**
 * The forms issued for the dossier (Mẫu 01 receipt, 02, 03…) with the hash of each archived PDF,
 * and "In lại": the form is rendered again from the dossier, archived (its new hash recorded) and printed.
 */
export function FormsPanel({ dossier, onChanged }: { dossier: Dossier; onChanged: () => void }) {
  const t = useMessages(detailMessages);
  const { pick } = useI18n();
  const client = useClient();
  const kinds = useCall('print.forms.list', {});
  const [busy, setBusy] = useState('');
  const [error, setError] = useState<CounterError>();
  const [issued, setIssued] = useState<IssuedFormView>();
  // The dossier records the printed number ("01") or, for older entries, the kind ("receipt").
  // Issued forms are recorded as "Mẫu 01" (older rows: "01" or the kind).
  const kindOf = (form: string) => {
    const number = form.replace(/^Mẫu\s+/, '');
    return kinds.data?.find((k) => k.number === number || k.kind === form);
  };

  const reprint = async (form: string) => {
    const kind = kindOf(form);
    if (!kind) return;
    setBusy(form);
    setError(undefined);
    try {
      setIssued(await client.call('reception.issueForm', { form: kind.kind, dossierId: dossier.id, print: true }));
      onChanged();
    } catch (e) {
      setError(e instanceof CounterError ? e : undefined);
    } finally {
      setBusy('');
    }
  };

  if (dossier.forms.length === 0) return <p className="muted">{t('noForms')}</p>;
  return (
    <div>
      <table className="table" data-testid="forms">
        <thead>
          <tr>
            <th>{t('form')}</th>
            <th>{t('issuedAt')}</th>
            <th>{t('hash')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {dossier.forms.map((f, i) => {
            const kind = kindOf(f.form);
            return (
              <tr key={`${f.sha256}-${i}`} data-testid="form-row">
                <td>
                  {kind ? `Mẫu ${kind.number} — ${kind.title}` : f.form}
                </td>
                <td className="mono">{formatDateTime(new Date(f.issuedAt))}</td>
                <td className="mono" title={f.sha256} style={{ wordBreak: 'break-all', fontSize: 12 }}>
                  {f.sha256}
                </td>
                <td>
                  <button type="button" className="secondary" disabled={!kind || busy !== ''} onClick={() => void reprint(f.form)} data-testid="reprint">
                    {t('reprint')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ErrorText error={error} />
      {issued && (
        <div data-testid="reprint-result" style={{ marginTop: 8 }}>
          <p>
            {t('reprinted')}: <span className="mono">{issued.sha256.slice(0, 16)}…</span>
            {issued.printed ? ` — ${t('printedOn')} ${issued.printed.printer}` : ''}
          </p>
          {issued.printError && <p className="error">{issued.printError.code}: {pick(issued.printError)}</p>}
          <img src={issued.pngDataUrl} alt={t('form')} style={{ maxWidth: 360, border: '1px solid var(--border)' }} />
        </div>
      )}
    </div>
  );
}
