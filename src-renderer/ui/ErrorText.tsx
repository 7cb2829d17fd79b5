import type { CounterError } from '../../src-main/contract/errors.ts';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * Shows a core error as plain words in the user's language; the code follows on a small details
 * line, so support can still find it in the logs without the officer reading "Lỗi NO_CARD" first.
 */
export function ErrorText({ error }: { error: CounterError | undefined }) {
  const { pick, t } = useI18n();
  if (!error) return null;
  return (
    <p className="error" role="alert">
      <span data-testid="error-message">{pick(error.messages)}</span>
      <small className="error-code" data-testid="error-code">
        {t('common.errorCode')} {error.code}
      </small>
    </p>
  );
}
