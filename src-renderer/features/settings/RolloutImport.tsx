import { useState, type FormEvent } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useMessages } from '../../i18n/messages.ts';
import { ConfigBundle } from '../../../src-main/contract/admin.ts';
import type { MethodOutput } from '../../../src-main/contract/methods.ts';
import { formatDateTime } from '../../../src-main/domain/vn-date.ts';
import { ErrorText } from '../../ui/ErrorText.tsx';
import { appliedMsgs, rolloutMsgs } from './rollout-messages.ts';
import { useAction } from './use-action.ts';
import { SettingsUiErrors } from './settings-errors.ts';
import { untrustedFingerprint } from './settings-checks.ts';

/** Applies a signed rollout file; the first time a district key is seen, the officer confirms its fingerprint. */
export function RolloutImport() {
  const t = useMessages(rolloutMsgs);
  const applied = useMessages(appliedMsgs);
  const names = (keys: string[]) => keys.map((k) => (k in appliedMsgs ? applied(k as keyof typeof appliedMsgs) : k)).join(', ');
  const client = useClient();
  const action = useAction();
  const [bundle, setBundle] = useState<ConfigBundle>();
  const [raw, setRaw] = useState<unknown>();
  const [secretsPass, setSecretsPass] = useState('');
  const [confirm, setConfirm] = useState<string>();
  const [result, setResult] = useState<MethodOutput<'config.import'>>();

  const pick = async (file: File | undefined) => {
    setBundle(undefined);
    setConfirm(undefined);
    setResult(undefined);
    action.setError(undefined);
    if (!file) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      return action.setError(SettingsUiErrors.raise('SETTINGS_FILE_UNREADABLE', { file: file.name }));
    }
    setRaw(parsed);
    // Shown before import for orientation only; the core checks the signature itself.
    const shape = ConfigBundle.safeParse(parsed);
    if (shape.success) setBundle(shape.data);
  };
  const apply = async (trustFingerprint?: string) => {
    setResult(undefined);
    const input = { bundle: raw, secretsPassphrase: secretsPass === '' ? undefined : secretsPass, trustFingerprint };
    let untrusted: string | undefined;
    const out = await action.run(async () => {
      try {
        return await client.call('config.import', input);
      } catch (err) {
        untrusted = untrustedFingerprint(err);
        if (untrusted === undefined) throw err;
        return undefined;
      }
    });
    setConfirm(untrusted);
    if (out) {
      setResult(out);
      setSecretsPass('');
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void apply();
  };
  return (
    <form className="card" onSubmit={submit} data-testid="rollout-import">
      <h2>{t('import.title')}</h2>
      <label>{t('import.file')}<input type="file" accept=".json,application/json" onChange={(e) => void pick(e.target.files?.[0])} /></label>
      {bundle && (
        <dl className="facts" data-testid="import-facts">
          <dt>{t('import.issuer')}</dt><dd>{bundle.issuer || '—'}</dd>
          <dt>{t('import.created')}</dt><dd>{formatDateTime(new Date(bundle.createdAt))}</dd>
          <dt>{t('fingerprint')}</dt><dd className="mono">{bundle.signature.fingerprint}</dd>
          {bundle.secrets && <><dt /><dd>{t('import.hasSecrets')}</dd></>}
        </dl>
      )}
      <label>{t('import.secretsPassphrase')}<input type="password" autoComplete="off" value={secretsPass} onChange={(e) => setSecretsPass(e.target.value)} /></label>
      <button type="submit" disabled={action.busy || raw === undefined}>{action.busy ? t('working') : t('import.run')}</button>
      {confirm && (
        <div role="alertdialog" aria-label={t('import.trustTitle')} data-testid="import-trust" style={{ border: '2px solid #e8a400', borderRadius: 6, padding: 12 }}>
          <strong>{t('import.trustTitle')}</strong>
          <p>{t('import.trustLead')}</p>
          <p className="mono" style={{ fontSize: 18 }} data-testid="import-trust-fingerprint">{confirm}</p>
          <button type="button" autoFocus onClick={() => void apply(confirm)}>{t('import.trust')}</button>
        </div>
      )}
      {result && (
        <p role="status" data-testid="import-result">
          {t('import.done')}: {names(result.sections)}. {t('import.secrets')}: {result.secrets.length ? names(result.secrets) : t('import.noSecrets')}.
        </p>
      )}
      <ErrorText error={action.error} />
    </form>
  );
}
