import { useState } from 'react';
import { useCall } from '../../app/use-call.ts';
import { useClient } from '../../app/client-context.tsx';
import { useMessages } from '../../i18n/messages.ts';
import type { CardReadResult } from '../../../src-main/contract/card.ts';
import { ErrorText } from '../../ui/ErrorText.tsx';
import { testMsgs } from './device-test-messages.ts';
import { useAction } from './use-action.ts';
import { maskId } from './settings-checks.ts';

/** Reads the card on a PC/SC reader (PACE with the CAN, else BAC) and shows name, masked ID and authenticity. */
export function CardTest() {
  const t = useMessages(testMsgs);
  const client = useClient();
  const readers = useCall('card.readers', {});
  const info = useCall('app.info', {});
  const action = useAction();
  const [readerId, setReaderId] = useState('');
  const [can, setCan] = useState('');
  const [result, setResult] = useState<CardReadResult>();
  const chosen = readerId || readers.data?.[0]?.id || '';

  const read = async () => {
    setResult(undefined);
    const out = await action.run(() => client.call('card.read', { readerId: chosen || undefined, can: can || undefined, timeoutMs: 20_000 }));
    if (out) setResult(out);
  };
  // Training mode: a sample card on the simulated reader, read through the same chip stack.
  const simulate = async () => {
    setResult(undefined);
    const out = await action.run(() => client.call('training.tapCard', { sample: 'an' }));
    if (out) setResult(out);
  };
  return (
    <div className="card" data-testid="test-card">
      <h2>{t('card.title')}</h2>
      <div style={{ display: 'flex', gap: 8, alignItems: 'end', flexWrap: 'wrap' }}>
        <label>
          {t('device')}
          <select value={chosen} onChange={(e) => setReaderId(e.target.value)} onFocus={readers.reload}>
            {readers.data?.length === 0 && <option value="">{t('none')}</option>}
            {readers.data?.map((r) => (
              <option key={r.id} value={r.id}>{r.name} ({r.cardPresent ? t('card.present') : t('card.empty')})</option>
            ))}
          </select>
        </label>
        <label>
          {t('card.can')}
          <input className="mono" inputMode="numeric" maxLength={12} value={can} style={{ width: 150 }} onChange={(e) => setCan(e.target.value.replace(/\D/g, ''))} />
        </label>
        <button type="button" style={{ alignSelf: 'flex-end' }} disabled={action.busy} onClick={() => void read()}>{action.busy ? t('working') : t('card.run')}</button>
        {info.data?.trainingMode && (
          <button type="button" className="secondary" style={{ alignSelf: 'flex-end' }} disabled={action.busy} onClick={() => void simulate()}>{t('card.simulate')}</button>
        )}
      </div>
      {result && (
        <p role="status" data-testid="card-test-result">
          {t('card.result')}: <strong>{result.identity.fullName ?? '—'}</strong> · <span className="mono">{maskId(result.identity.idNumber)}</span> · {t('card.auth')}: {result.authenticity.result} ·{' '}
          {result.access.toUpperCase()} · {result.durationMs} ms
        </p>
      )}
      <ErrorText error={action.error ?? readers.error} />
    </div>
  );
}
