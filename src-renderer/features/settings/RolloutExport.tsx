import { useState, type FormEvent } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useCall } from '../../app/use-call.ts';
import { useMessages } from '../../i18n/messages.ts';
import { ErrorText } from '../../ui/ErrorText.tsx';
import { rolloutMsgs } from './rollout-messages.ts';
import { useAction } from './use-action.ts';
import { SettingsUiErrors } from './settings-errors.ts';
import { downloadText, fileStamp } from './download.ts';

/** The sealed district key file, or an older PKCS#8 one (the core opens both). */
const PRIVATE_KEY = /-----BEGIN ((ENCRYPTED )?PRIVATE KEY|COUNTER DISTRICT KEY)-----/;

/** Signs this PC's configuration with the district key read from a file the IT officer picks. */
export function RolloutExport() {
  const t = useMessages(rolloutMsgs);
  const client = useClient();
  const settings = useCall('settings.get', {});
  const action = useAction();
  const [keyPem, setKeyPem] = useState('');
  const [keyPass, setKeyPass] = useState('');
  const [issuer, setIssuer] = useState<string>();
  const [secretsPass, setSecretsPass] = useState('');
  const [done, setDone] = useState<{ fileName: string; fingerprint: string }>();
  const issuerValue = issuer ?? settings.data?.agency.parentName ?? '';

  const pickKey = async (file: File | undefined) => {
    setKeyPem('');
    if (!file) return;
    const text = await file.text();
    if (!PRIVATE_KEY.test(text)) return action.setError(SettingsUiErrors.raise('SETTINGS_FILE_UNREADABLE', { file: file.name }));
    action.setError(undefined);
    setKeyPem(text);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(undefined);
    if (secretsPass !== '' && secretsPass.length < 8) return action.setError(SettingsUiErrors.raise('SETTINGS_PASSPHRASE_SHORT'));
    const bundle = await action.run(() =>
      client.call('config.export', { privateKeyPem: keyPem, keyPassphrase: keyPass, issuer: issuerValue, secretsPassphrase: secretsPass || undefined }),
    );
    if (!bundle) return;
    const fileName = `cau-hinh-mot-cua-${fileStamp()}.json`;
    downloadText(fileName, `${JSON.stringify(bundle, null, 2)}\n`);
    setDone({ fileName, fingerprint: bundle.signature.fingerprint });
    setKeyPass('');
  };
  return (
    <form className="card" onSubmit={(e) => void submit(e)} data-testid="rollout-export">
      <h2>{t('export.title')}</h2>
      <label>{t('export.key')}<input type="file" accept=".pem,application/x-pem-file" onChange={(e) => void pickKey(e.target.files?.[0])} /></label>
      <label>{t('export.keyPassphrase')}<input type="password" autoComplete="off" value={keyPass} onChange={(e) => setKeyPass(e.target.value)} /></label>
      <label>{t('export.issuer')}<input value={issuerValue} onChange={(e) => setIssuer(e.target.value)} /></label>
      <label>{t('export.secretsPassphrase')}<input type="password" autoComplete="new-password" value={secretsPass} onChange={(e) => setSecretsPass(e.target.value)} /></label>
      <button type="submit" disabled={action.busy || keyPem === '' || keyPass === ''}>{action.busy ? t('working') : t('export.run')}</button>
      {done && (
        <p role="status">
          {t('export.done')}: <span className="mono">{done.fileName}</span> — {t('fingerprint')} <strong className="mono">{done.fingerprint}</strong>
        </p>
      )}
      <ErrorText error={action.error} />
    </form>
  );
}
