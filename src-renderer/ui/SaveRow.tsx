import type { CounterError } from '../../src-main/contract/errors.ts';
import { ErrorText } from './ErrorText.tsx';
import { defineMessages, useMessages } from '../i18n/messages.ts';

const msgs = defineMessages({
  saved: { vi: 'Đã lưu cấu hình.', en: 'Settings saved.' },
  save: { vi: 'Lưu', en: 'Save' },
});

/** The submit button of a settings form, with its "saved" note or coded error underneath. */
export function SaveRow({ saved, error, label }: { saved: boolean; error: CounterError | undefined; label?: string }) {
  const t = useMessages(msgs);
  return (
    <>
      <button type="submit">{label ?? t('save')}</button>
      {saved && !error && <p role="status">{t('saved')}</p>}
      <ErrorText error={error} />
    </>
  );
}
