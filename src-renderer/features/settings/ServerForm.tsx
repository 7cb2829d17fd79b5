import type { FormEvent } from 'react';
import { useMessages } from '../../i18n/messages.ts';
import { ErrorText } from '../../ui/ErrorText.tsx';
import { settingsMsgs } from './settings-messages.ts';
import { useSettingsSection } from '../../ui/use-settings-section.ts';
import { SaveRow } from '../../ui/SaveRow.tsx';
import { SecretField } from './SecretField.tsx';
import { checkUrl } from './settings-checks.ts';

/** The provincial one-stop server (address, client id, client secret) and the update channel. */
export function ServerForm() {
  const t = useMessages(settingsMsgs);
  const server = useSettingsSection('server');
  const update = useSettingsSection('update');
  const submit = (e: FormEvent, run: () => Promise<void>) => {
    e.preventDefault();
    void run();
  };
  return (
    <div className="grid-2">
      <div>
        <form className="card" data-testid="server-form" onSubmit={(e) => submit(e, () => server.save((v) => checkUrl(v.url.trim())))}>
          <h2>{t('server.title')}</h2>
          {server.value ? (
            <>
              <label>
                {t('server.url')}
                <input className="mono" value={server.value.url} placeholder="https://motcua.tinh.gov.vn/api" onChange={(e) => server.update({ url: e.target.value })} />
              </label>
              <label>
                {t('server.clientId')}
                <input className="mono" value={server.value.clientId} onChange={(e) => server.update({ clientId: e.target.value })} />
              </label>
              <SaveRow saved={server.saved} error={server.error} />
            </>
          ) : (
            <ErrorText error={server.error} />
          )}
        </form>
        <div className="card">
          <SecretField name="server.clientSecret" label={t('server.secret')} />
        </div>
      </div>
      <form className="card" data-testid="update-form" onSubmit={(e) => submit(e, () => update.save((v) => checkUrl(v.url.trim())))}>
        <h2>{t('update.title')}</h2>
        {update.value && (
          <label>
            {t('update.url')}
            <input className="mono" value={update.value.url} placeholder="https://capnhat.tinh.gov.vn/mot-cua/" onChange={(e) => update.update({ url: e.target.value })} />
          </label>
        )}
        <SaveRow saved={update.saved} error={update.error} />
      </form>
    </div>
  );
}
