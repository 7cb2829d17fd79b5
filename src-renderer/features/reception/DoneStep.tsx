import { formatDateTime } from '../../../src-main/domain/vn-date.ts';
import { useMessages } from '../../i18n/messages.ts';
import type { AcceptResult } from './ReviewStep.tsx';
import { FormPreview } from './FormPreview.tsx';
import { receptionMsgs } from './messages.ts';

/** Step 5: the code to tell the citizen, the appointment, and the printed slip. */
export function DoneStep({ result, onNew }: { result: AcceptResult; onNew: () => void }) {
  const t = useMessages(receptionMsgs);
  const { dossier } = result;
  const code = dossier.officialCode ?? dossier.provisionalCode ?? '';
  return (
    <div className="grid-2">
      <div className="card" data-testid="accepted">
        {result.recovered && <p className="warning">{t('recovered')}</p>}
        <p>{t('acceptedCode')}</p>
        <p className="big-code mono" data-testid="dossier-code" data-dossier={dossier.id}>
          {code}
        </p>
        {!dossier.officialCode && <p className="muted">({t('provisional')})</p>}
        {dossier.dueAt && (
          <p data-testid="due-at">
            {t('appointment')}: <strong>{formatDateTime(new Date(dossier.dueAt))}</strong>
          </p>
        )}
        {result.appointment && <p className="muted">{result.appointment.explanation.vi}</p>}
        <p>{t('queued')}</p>
        <button type="button" className="primary" autoFocus onClick={onNew}>
          {t('newReception')}
        </button>
      </div>
      <FormPreview view={result.receipt} />
    </div>
  );
}
