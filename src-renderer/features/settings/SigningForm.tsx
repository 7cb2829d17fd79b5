import { useEffect, useState, type FormEvent } from 'react';
import { useMessages } from '../../i18n/messages.ts';
import { ErrorText } from '../../ui/ErrorText.tsx';
import { settingsMsgs } from './settings-messages.ts';
import { useSettingsSection } from '../../ui/use-settings-section.ts';
import { SaveRow } from '../../ui/SaveRow.tsx';
import { SecretField } from './SecretField.tsx';
import { SettingsUiErrors } from './settings-errors.ts';
import { checkUrl, splitPem } from './settings-checks.ts';

const lines = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

/** Trust anchors, timestamp server, default token and PKCS#11 libraries for digital signatures. */
export function SigningForm() {
  const t = useMessages(settingsMsgs);
  const { value: signing, update, save, saved, error, setError } = useSettingsSection('signing');
  const [anchors, setAnchors] = useState('');
  const [modules, setModules] = useState('');
  useEffect(() => {
    if (!signing) return;
    setAnchors(signing.trustAnchorsPem.join('\n'));
    setModules(signing.pkcs11Modules.join('\n'));
    // Only when the stored value arrives or is saved, not on every keystroke.
  }, [signing === undefined, saved]);
  if (!signing) return <ErrorText error={error} />;

  const pems = splitPem(anchors);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (pems === undefined) {
      setError(SettingsUiErrors.raise('SETTINGS_BAD_PEM'));
      return;
    }
    void save((v) => checkUrl(v.tsaUrl.trim()), { trustAnchorsPem: pems, pkcs11Modules: lines(modules) });
  };
  return (
    <div className="grid-2">
      <form className="card" onSubmit={submit} data-testid="signing-form">
        <h2>{t('signing.title')}</h2>
        <label>
          {t('signing.anchors')} — {t('signing.anchorsCount')}: {pems?.length ?? '?'}
          <textarea className="mono" rows={8} value={anchors} placeholder="-----BEGIN CERTIFICATE-----" onChange={(e) => setAnchors(e.target.value)} />
        </label>
        <label>
          {t('signing.tsa')}
          <input className="mono" value={signing.tsaUrl} placeholder="http://tsa.ca.gov.vn" onChange={(e) => update({ tsaUrl: e.target.value })} />
        </label>
        <label>
          {t('signing.token')}
          <input value={signing.defaultTokenLabel} onChange={(e) => update({ defaultTokenLabel: e.target.value })} />
        </label>
        <label>
          {t('signing.modules')}
          <textarea className="mono" rows={3} value={modules} placeholder="C:\Windows\System32\vnpt-ca_v34.dll" onChange={(e) => setModules(e.target.value)} />
        </label>
        <label style={{ flexDirection: 'row', alignItems: 'center', gap: 6 }}>
          <input type="checkbox" checked={signing.checkRevocation} onChange={(e) => update({ checkRevocation: e.target.checked })} />
          {t('signing.revocation')}
        </label>
        <SaveRow saved={saved} error={error} />
      </form>
      <div className="card">
        <SecretField name="signing.tsaPassword" label={t('signing.tsaPassword')} />
      </div>
    </div>
  );
}
