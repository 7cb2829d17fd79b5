import { useEffect, useState } from 'react';
import type { FormDataInput, FormKind } from '../../../src-main/contract/print.ts';
import { CounterError } from '../../../src-main/contract/errors.ts';
import { useCall } from '../../app/use-call.ts';
import { useClient } from '../../app/client-context.tsx';
import { useMessages } from '../../i18n/messages.ts';
import { ErrorText } from '../../ui/ErrorText.tsx';
import { printMsgs } from './print-messages.ts';

/**
 * Shows a form exactly as it will print: the core renders the PDF page to PNG (CSP allows data:
 * images, not PDF objects). Without `data` it previews the sample dossier (settings page).
 */
export function FormPreview({ data, initialForm = 'receipt' }: { data?: FormDataInput; initialForm?: FormKind }) {
  const t = useMessages(printMsgs);
  const client = useClient();
  const forms = useCall('print.forms.list', {});
  const [form, setForm] = useState<FormKind>(initialForm);
  const [page, setPage] = useState(1);
  const [view, setView] = useState<{ png: string; pages: number; sha256: string }>();
  const [error, setError] = useState<CounterError>();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');

  useEffect(() => {
    let live = true;
    setError(undefined);
    (async () => {
      const vm = data ?? (await client.call('print.forms.sample', { form }));
      const r = await client.call('print.forms.preview', { form, data: vm as never, page, widthPx: 620 });
      if (live) setView({ png: r.pngDataUrl, pages: r.pages, sha256: r.sha256 });
    })().catch((e: unknown) => live && setError(e instanceof CounterError ? e : undefined));
    return () => {
      live = false;
    };
  }, [client, form, page, data]);

  const print = async () => {
    setBusy(true);
    setNote('');
    try {
      const vm = data ?? (await client.call('print.forms.sample', { form }));
      const job = await client.call('print.forms.print', { form, data: vm as never });
      setNote(`${t('sent')}: ${job.printer} #${job.jobId}`);
    } catch (e) {
      setError(e instanceof CounterError ? e : undefined);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="card" data-testid="form-preview">
      <h2>{t('previewTitle')}</h2>
      <div style={{ display: 'flex', gap: 8, alignItems: 'end', flexWrap: 'wrap' }}>
        <label>
          {t('form')}
          <select value={form} onChange={(e) => (setForm(e.target.value as FormKind), setPage(1))}>
            {forms.data?.map((f) => <option key={f.kind} value={f.kind}>Mẫu {f.number} – {f.title}</option>)}
          </select>
        </label>
        <button type="button" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>{t('previous')}</button>
        <span>{t('page')} {page}/{view?.pages ?? '…'}</span>
        <button type="button" disabled={!view || page >= view.pages} onClick={() => setPage((p) => p + 1)}>{t('next')}</button>
        <button type="button" disabled={busy} onClick={() => void print()}>{busy ? t('working') : t('print')}</button>
        {!data && <small>({t('sample')})</small>}
      </div>
      {note && <p role="status">{note}</p>}
      <ErrorText error={error ?? forms.error} />
      {view && <img data-testid="form-preview-image" src={view.png} alt={`Mẫu ${form}`} style={{ maxWidth: '100%', maxHeight: 560, border: '1px solid #ccc', marginTop: 8 }} />}
      {view && <p><small>SHA-256 {view.sha256.slice(0, 16)}…</small></p>}
    </div>
  );
}
