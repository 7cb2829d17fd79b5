import { useState, type FormEvent } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useMessages } from '../../i18n/messages.ts';
import type { MethodOutput } from '../../../src-main/contract/methods.ts';
import { ErrorText } from '../../ui/ErrorText.tsx';
import { rolloutMsgs } from './rollout-messages.ts';
import { useAction } from './use-action.ts';
import { checkNewPassphrase } from './settings-checks.ts';
import { downloadText } from './download.ts';

/** Creates the district key pair once; both PEM files are offered as downloads, with the fingerprint to read out. */
export function RolloutKeygen() {
  const t = useMessages(rolloutMsgs);
  const client = useClient();
  const action = useAction();
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [key, setKey] = useState<MethodOutput<'config.keygen'>>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = checkNewPassphrase(pass, again);
    if (problem) return action.setError(problem);
    const created = await action.run(() => client.call('config.keygen', { passphrase: pass }));
    if (!created) return;
    setKey(created);
    setPass('');
    setAgain('');
  };
  const stem = key ? `khoa-huyen-${key.fingerprint.slice(0, 9)}` : '';
  return (
    <form className="card" onSubmit={(e) => void submit(e)} data-testid="rollout-keygen">
      <h2>{t('keygen.title')}</h2>
      <p className="muted" style={{ margin: 0 }}>{t('keygen.lead')}</p>
      <label>{t('keygen.passphrase')}<input type="password" autoComplete="new-password" value={pass} onChange={(e) => setPass(e.target.value)} /></label>
      <label>{t('keygen.confirm')}<input type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} /></label>
      <button type="submit" disabled={action.busy}>{action.busy ? t('working') : t('keygen.run')}</button>
      {key && (
        <>
          <p>
            {t('fingerprint')}: <strong className="mono" data-testid="keygen-fingerprint">{key.fingerprint}</strong>
          </p>
          <div style={{ display: 'flex', gap: 8 }}>
            <button type="button" onClick={() => downloadText(`${stem}-rieng.pem`, key.privateKeyPem, 'application/x-pem-file')}>{t('keygen.private')}</button>
            <button type="button" onClick={() => downloadText(`${stem}-cong-khai.pem`, key.publicKeyPem, 'application/x-pem-file')}>{t('keygen.public')}</button>
          </div>
        </>
      )}
      <ErrorText error={action.error} />
    </form>
  );
}
