import { useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCall } from '../../app/use-call.ts';
import { useClient } from '../../app/client-context.tsx';
import { ErrorText } from '../../ui/ErrorText.tsx';
import { CounterError } from '../../../src-main/contract/errors.ts';

export function AgencyForm() {
  const { t } = useI18n();
  const client = useClient();
  const settings = useCall('settings.get', {});
  const [agency, setAgency] = useState({ name: '', code: '', counterId: '' });
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<CounterError>();
  useEffect(() => {
    if (settings.data) setAgency(settings.data.agency);
  }, [settings.data]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    setError(undefined);
    try {
      await client.call('settings.set', { agency });
      setSaved(true);
    } catch (err) {
      if (err instanceof CounterError) setError(err);
    }
  };
  const field = (key: keyof typeof agency, label: string) => (
    <label>
      {label}
      <input value={agency[key]} onChange={(e) => setAgency({ ...agency, [key]: e.target.value })} />
    </label>
  );
  return (
    <form className="card" onSubmit={save}>
      <h2>{t('settings.agency')}</h2>
      {field('name', t('settings.agency.name'))}
      {field('code', t('settings.agency.code'))}
      {field('counterId', t('settings.agency.counter'))}
      <button type="submit">{t('settings.save')}</button>
      {saved && <p role="status">{t('settings.saved')}</p>}
      <ErrorText error={error ?? settings.error} />
    </form>
  );
}
