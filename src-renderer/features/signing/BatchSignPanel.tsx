import { useEffect, useState } from 'react';
import { CounterError } from '../../../src-main/contract/errors.ts';
import type { BatchResult, KeySelector, SigningProgress } from '../../../src-main/contract/signing.ts';
import { useClient } from '../../app/client-context.tsx';
import type { BatchSignPanelProps, BatchTarget } from '../../app/slots.tsx';
import { useMessages } from '../../i18n/messages.ts';
import { PinDialog } from './PinDialog.tsx';
import { signingMessages } from './messages.ts';

export type { BatchTarget };

/**
 * "Sign all components": one PIN entry for the whole dossier, a progress bar fed by
 * signing.progress, and the list of components that could not be signed. For the dossier view.
 */
export function BatchSignPanel({ target, options = {}, onDone }: BatchSignPanelProps) {
  const t = useMessages(signingMessages);
  const client = useClient();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CounterError>();
  const [progress, setProgress] = useState<SigningProgress>();
  const [result, setResult] = useState<BatchResult>();
  const [batchId, setBatchId] = useState('');
  useEffect(() => client.on('signing.progress', (p) => p.batchId === batchId && setProgress(p)), [client, batchId]);

  const sign = async (key: KeySelector) => {
    const id = `b-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    setBatchId(id);
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const r =
        'dossierId' in target
          ? await client.call('signing.signDossier', { dossierId: target.dossierId, key, options, batchId: id })
          : await client.call('signing.signFiles', { paths: target.paths, key, options, batchId: id });
      setResult(r);
      setAsking(false);
      onDone?.(r);
    } catch (e) {
      setError(e instanceof CounterError ? e : undefined);
    } finally {
      setBusy(false);
    }
  };

  const pct = progress && progress.total > 0 ? Math.round((100 * progress.done) / progress.total) : 0;
  return (
    <div data-testid="batch-sign">
      <button type="button" onClick={() => setAsking(true)} disabled={busy} data-testid="sign-all">
        {t('signAll')}
      </button>
      {asking && <PinDialog busy={busy} error={error} onSubmit={(k) => void sign(k)} onCancel={() => setAsking(false)} />}
      {busy && progress && (
        <div style={{ marginTop: 8 }}>
          <progress data-testid="signing-progress" max={progress.total} value={progress.done} style={{ width: '100%' }} />
          <span className="muted">
            {t('progress')} {progress.done}/{progress.total} ({pct}%) {progress.itemName ?? ''}
          </span>
        </div>
      )}
      {result && (
        <p data-testid="signing-result">
          {t('done')}: {result.signed.length}
          {result.failed.length > 0 && ` — ${t('failedItems')}: ${result.failed.map((f) => `${f.itemId} (${f.code}: ${f.vi})`).join('; ')}`}
        </p>
      )}
    </div>
  );
}
