import { useEffect, useState } from 'react';
import type { Dossier } from '../../../src-main/contract/dossiers.ts';
import type { ScanSession } from '../../../src-main/contract/scan.ts';
import { CounterError } from '../../../src-main/contract/errors.ts';
import { useClient } from '../../app/client-context.tsx';
import { useCall } from '../../app/use-call.ts';
import { importSource } from '../../app/import-files.ts';
import { useMessages } from '../../i18n/messages.ts';
import { ErrorText } from '../../ui/ErrorText.tsx';
import { detailMessages } from './detail-messages.ts';

const RETURNABLE = new Set([2, 4, 5, 6, 9]);

/**
 * Trả kết quả: the result document is digitized into its own scan session (scanner or file), then
 * `dossiers.returnResult` files it with the dossier and moves the status to 10 in one step.
 */
export function ReturnResult({ dossier, onReturned }: { dossier: Dossier; onReturned: (d: Dossier) => void }) {
  const t = useMessages(detailMessages);
  const client = useClient();
  const scanners = useCall('devices.list', { kind: 'scanner' });
  const [session, setSession] = useState<ScanSession>();
  const [deviceId, setDeviceId] = useState('');
  const [collectedBy, setCollectedBy] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CounterError>();
  const returnable = RETURNABLE.has(dossier.status);

  useEffect(() => {
    if (!returnable) return;
    let id = '';
    let live = true;
    client.call('scan.open', {}).then(
      (s) => {
        id = s.id;
        if (live) setSession(s);
        else void client.call('scan.close', { sessionId: id });
      },
      (e: unknown) => live && setError(e instanceof CounterError ? e : undefined),
    );
    const off = client.on('scan.changed', (s) => s.id === id && setSession(s));
    return () => {
      live = false;
      off();
      if (id) void client.call('scan.close', { sessionId: id }).catch(() => undefined);
    };
  }, [client, returnable]);

  useEffect(() => {
    const first = scanners.data?.find((d) => d.status !== 'offline');
    if (first && !deviceId) setDeviceId(first.id);
  }, [scanners.data, deviceId]);

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(e instanceof CounterError ? e : undefined);
    } finally {
      setBusy(false);
    }
  };

  if (dossier.status === 10) return <p data-testid="return-done">{t('returned')}</p>;
  if (!returnable) return <p className="muted">{t('notReturnable')}</p>;
  const pages = session?.pages ?? [];
  return (
    <div data-testid="return-result" data-session={session?.id ?? ''} style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
      <p className="muted" style={{ margin: 0 }}>{t('returnLead')}</p>
      <div className="row">
        <label>
          {t('scanner')}
          <select value={deviceId} onChange={(e) => setDeviceId(e.target.value)} disabled={!scanners.data?.length}>
            {!scanners.data?.length && <option value="">{t('noScanner')}</option>}
            {scanners.data?.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="secondary"
          disabled={!session || !deviceId || busy || session.state !== 'idle'}
          onClick={() => void run(() => client.call('scan.run', { sessionId: session!.id, deviceId }))}
          data-testid="scan-result"
        >
          {t('scan')}
        </button>
        <label>
          {t('importFile')}
          <input
            type="file"
            accept="application/pdf,image/*"
            multiple
            disabled={!session || busy}
            data-testid="result-file"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              if (!session || files.length === 0) return;
              void run(async () => {
                setSession(await client.call('scan.import', { sessionId: session.id, ...(await importSource(files)) }));
              });
            }}
          />
        </label>
      </div>
      <p style={{ margin: 0 }}>
        {t('resultPages')}: <strong data-testid="result-pages">{pages.length}</strong>
        {pages.some((p) => p.state !== 'done' && p.state !== 'error') ? ' …' : ''}
      </p>
      <label style={{ maxWidth: 420 }}>
        {t('collectedBy')}
        <input value={collectedBy} onChange={(e) => setCollectedBy(e.target.value)} maxLength={200} data-testid="collected-by" />
      </label>
      <ErrorText error={error} />
      <button
        type="button"
        className="primary"
        disabled={!session || busy || pages.length === 0}
        data-testid="confirm-return"
        onClick={() =>
          void run(async () => {
            const d = await client.call('dossiers.returnResult', {
              dossierId: dossier.id,
              source: { kind: 'scan', sessionId: session!.id },
              collectedBy: collectedBy.trim() || undefined,
            });
            onReturned(d);
          })
        }
      >
        {busy ? t('returning') : t('confirmReturn')}
      </button>
    </div>
  );
}
