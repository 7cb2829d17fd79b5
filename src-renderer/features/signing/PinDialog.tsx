import { useEffect, useState } from 'react';
import type { CounterError } from '../../../src-main/contract/errors.ts';
import type { KeySelector, TokenInfo } from '../../../src-main/contract/signing.ts';
import { useClient } from '../../app/client-context.tsx';
import { useMessages } from '../../i18n/messages.ts';
import { ErrorText } from '../../ui/ErrorText.tsx';
import { signingMessages } from './messages.ts';
import { formatDate } from '../../../src-main/domain/vn-date.ts';

/**
 * Chooses token and certificate and asks for the PIN. The PIN lives only in this component's
 * state and the one call it is handed to; it is cleared as soon as it is submitted.
 */
export function PinDialog({ onSubmit, onCancel, error, busy }: { onSubmit: (key: KeySelector) => void; onCancel: () => void; error?: CounterError; busy?: boolean }) {
  const t = useMessages(signingMessages);
  const client = useClient();
  const [tokens, setTokens] = useState<TokenInfo[]>();
  const [choice, setChoice] = useState('');
  const [pin, setPin] = useState('');
  const [loadError, setLoadError] = useState<CounterError>();
  const load = () => {
    setTokens(undefined);
    client.call('signing.tokens', {}).then(
      (list) => {
        setTokens(list);
        const first = list.find((tk) => !tk.pinLocked && tk.certificates.length > 0);
        const cert = first?.certificates.find((c) => c.hasPrivateKey) ?? first?.certificates[0];
        if (first && cert) setChoice(`${first.serialNumber}|${cert.id}`);
      },
      (e: CounterError) => setLoadError(e),
    );
  };
  useEffect(load, [client]);
  const [serial, certId] = choice.split('|');
  const token = tokens?.find((tk) => tk.serialNumber === serial);
  const submit = () => {
    if (!token || !certId) return;
    onSubmit({ kind: 'pkcs11', tokenSerial: token.serialNumber, certId, pin });
    setPin('');
  };
  return (
    <div role="dialog" aria-modal="true" aria-label={t('dialogTitle')} className="card" style={{ maxWidth: 520 }}>
      <h2>{t('dialogTitle')}</h2>
      {!tokens && !loadError && <p className="muted">{t('loading')}</p>}
      <ErrorText error={loadError ?? error} />
      {tokens && tokens.length === 0 && <p>{t('noToken')}</p>}
      {tokens && tokens.length > 0 && (
        <label style={{ display: 'block', marginBottom: 8 }}>
          {t('certificate')}
          <select data-testid="signing-cert" value={choice} onChange={(e) => setChoice(e.target.value)} style={{ display: 'block', width: '100%' }}>
            {tokens.flatMap((tk) =>
              tk.certificates.map((c) => (
                <option key={`${tk.serialNumber}|${c.id}`} value={`${tk.serialNumber}|${c.id}`} disabled={tk.pinLocked}>
                  {`${c.commonName} — ${tk.label}${tk.pinLocked ? ` (${t('locked')})` : ''} — ${t('expires')} ${formatDate(new Date(c.notAfter))}`}
                </option>
              )),
            )}
          </select>
        </label>
      )}
      {token?.pinFinalTry && <p className="error">{t('finalTry')}</p>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label>
          {t('pin')}
          <input data-testid="signing-pin" type="password" autoComplete="off" value={pin} onChange={(e) => setPin(e.target.value)} autoFocus style={{ display: 'block' }} />
        </label>
        <p className="muted">{t('pinHint')}</p>
        <button type="submit" disabled={busy || !token || !pin || token.pinLocked} data-testid="signing-submit">
          {t('sign')}
        </button>{' '}
        <button type="button" onClick={load} disabled={busy}>
          {t('refresh')}
        </button>{' '}
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('cancel')}
        </button>
      </form>
    </div>
  );
}
