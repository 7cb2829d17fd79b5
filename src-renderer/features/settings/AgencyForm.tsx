import type { FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { useMessages } from '../../i18n/messages.ts';
import type { Settings } from '../../../src-main/contract/settings.ts';
import { ErrorText } from '../../ui/ErrorText.tsx';
import { settingsMsgs } from './settings-messages.ts';
import { useSettingsSection } from '../../ui/use-settings-section.ts';
import { SaveRow } from '../../ui/SaveRow.tsx';
import { InstallationInfo } from './InstallationInfo.tsx';

type Agency = Settings['agency'];

/** The receiving agency as printed on the forms, its identifier, and this PC's counter number. */
export function AgencyForm() {
  const { t } = useI18n();
  const m = useMessages(settingsMsgs);
  const { value: agency, update, save, saved, error } = useSettingsSection('agency');
  if (!agency) return <ErrorText error={error} />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save();
  };
  const field = (key: keyof Agency, label: string, extra?: { mono?: boolean; placeholder?: string }) => (
    <label>
      {label}
      <input value={agency[key]} className={extra?.mono ? 'mono' : undefined} placeholder={extra?.placeholder} onChange={(e) => update({ [key]: e.target.value })} />
    </label>
  );
  return (
    <form className="card" onSubmit={submit} data-testid="agency-form">
      <h2>{t('settings.agency')}</h2>
      <div className="grid-2">
        {field('name', t('settings.agency.name'), { placeholder: 'Trung tâm Phục vụ hành chính công xã …' })}
        {field('parentName', m('agency.parentName'), { placeholder: 'UBND XÃ …' })}
        {field('code', t('settings.agency.code'), { mono: true, placeholder: '000.00.31.H42' })}
        {field('place', m('agency.place'))}
        {field('phone', m('agency.phone'))}
        <label>
          {t('settings.agency.counter')}
          <input value={agency.counterId} className="mono" maxLength={4} onChange={(e) => update({ counterId: e.target.value })} />
          <span className="muted">{m('agency.counterLocal')}</span>
        </label>
      </div>
      <InstallationInfo />
      <SaveRow saved={saved} error={error} />
    </form>
  );
}
