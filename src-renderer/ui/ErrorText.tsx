import type { CounterError } from '../../src-main/contract/errors.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** Shows a core error in the user's language with its code, so support can find it in the logs. */
export function ErrorText({ error }: { error: CounterError | undefined }) {
  const { pick, t } = useI18n();
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {t('common.error')} {error.code}: {pick(error.messages)}
    </p>
  );
}
