import { useState } from 'react';
import { useCall } from '../../app/use-call.ts';
import { useClient } from '../../app/client-context.tsx';
import { useMessages } from '../../i18n/messages.ts';
import type { CounterError } from '../../../src-main/contract/errors.ts';
import type { SecretName } from '../../../src-main/contract/admin.ts';
import { ErrorText } from '../../ui/ErrorText.tsx';
import { settingsMsgs } from './settings-messages.ts';
import { asCounterError } from '../../ui/use-settings-section.ts';

/** A credential: only "stored / not set" is ever shown; a new value replaces it via secrets.set. */
export function SecretField({ name, label }: { name: SecretName; label: string }) {
  const t = useMessages(settingsMsgs);
  const client = useClient();
  const status = useCall('secrets.status', {});
  const [value, setValue] = useState('');
  const [error, setError] = useState<CounterError>();
  const isSet = status.data?.find((s) => s.name === name)?.set;
  const store = async (next: string) => {
    setError(undefined);
    try {
      await client.call('secrets.set', { name, value: next });
      setValue('');
      status.reload();
    } catch (err) {
      setError(asCounterError(err));
    }
  };
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 6 }} data-testid={`secret-${name}`}>
      <label>
        <span>
          {label}{' '}
          {isSet !== undefined && (
            <strong data-testid="secret-state" className={isSet ? 'device-ready' : 'device-offline'}>
              ({isSet ? t('secret.set') : t('secret.unset')})
            </strong>
          )}
        </span>
        <input type="password" autoComplete="new-password" value={value} placeholder={t('secret.placeholder')} onChange={(e) => setValue(e.target.value)} />
      </label>
      <div style={{ display: 'flex', gap: 8 }}>
        <button type="button" disabled={value === ''} onClick={() => void store(value)}>{t('secret.save')}</button>
        {isSet && <button type="button" onClick={() => void store('')}>{t('secret.clear')}</button>}
      </div>
      <span className="muted">{t('secret.note')}</span>
      <ErrorText error={error ?? status.error} />
    </div>
  );
}
