import type { IssuedFormView } from '../../../src-main/contract/reception.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useMessages } from '../../i18n/messages.ts';
import { receptionMsgs } from './messages.ts';

/** An issued form as the citizen will hold it, with whether and where it printed. */
export function FormPreview({ view }: { view: IssuedFormView }) {
  const t = useMessages(receptionMsgs);
  const { lang } = useI18n();
  return (
    <figure className="card form-preview" data-testid={`form-preview-${view.form}`}>
      <img src={view.pngDataUrl} alt={`${t('formIssued')} ${view.form}`} />
      <figcaption className="muted">
        {t('formIssued')} · SHA-256 <span className="mono">{view.sha256.slice(0, 16)}…</span>
        {view.printed && ` · ${t('printed')} ${view.printed.printer}`}
        {view.printError && <span className="error"> · {view.printError.code}: {lang === 'vi' ? view.printError.vi : view.printError.en}</span>}
      </figcaption>
    </figure>
  );
}
