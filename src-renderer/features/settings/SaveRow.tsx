import type { CounterError } from '../../../src-main/contract/errors.ts';
import { ErrorText } from '../../ui/ErrorText.tsx';
import { useMessages } from '../../i18n/messages.ts';
import { settingsMsgs } from './settings-messages.ts';

/** The submit button of a settings form, with its "saved" note or coded error underneath. */
export function SaveRow({ saved, error, label }: { saved: boolean; error: CounterError | undefined; label?: string }) {
  const t = useMessages(settingsMsgs);
  return (
    <>
      <button type="submit">{label ?? t('save')}</button>
      {saved && !error && <p role="status">{t('saved')}</p>}
      <ErrorText error={error} />
    </>
  );
}
