import { useState } from 'react';
import type { Procedure } from '../../../src-main/contract/procedures.ts';
import type { IssuedFormView, ReceptionDraft } from '../../../src-main/contract/reception.ts';
import type { MethodOutput } from '../../../src-main/contract/methods.ts';
import { CounterError } from '../../../src-main/contract/errors.ts';
import { useClient } from '../../app/client-context.tsx';
import { useMessages } from '../../i18n/messages.ts';
import { ErrorText } from '../../ui/ErrorText.tsx';
import { useSlots } from '../../app/slots.tsx';
import { ApplicantSummary } from './ApplicantSummary.tsx';
import { missingRequired } from './ComponentsStep.tsx';
import { FormPreview } from './FormPreview.tsx';
import { receptionMsgs } from './messages.ts';

export type AcceptResult = MethodOutput<'reception.accept'>;

/** Step 4: check, see the appointment and its reasons, then accept, ask for supplements, or refuse. */
export function ReviewStep(props: {
  procedure: Procedure;
  draft: ReceptionDraft;
  update: (p: Partial<ReceptionDraft>) => void;
  flush: () => Promise<ReceptionDraft>;
  onAccepted: (r: AcceptResult) => void;
}) {
  const { AppointmentPreview } = useSlots();
  const { procedure, draft, update, flush, onAccepted } = props;
  const client = useClient();
  const t = useMessages(receptionMsgs);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CounterError>();
  const [form, setForm] = useState<IssuedFormView>();
  const [reason, setReason] = useState('');
  const missing = missingRequired(procedure, draft);

  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await flush();
      await f();
    } catch (err) {
      if (err instanceof CounterError) setError(err);
      else throw err;
    } finally {
      setBusy(false);
    }
  };
  const accept = () => run(async () => onAccepted(await client.call('reception.accept', { draftId: draft.id, print: true, officerName: '' })));
  const supplement = () =>
    run(async () =>
      setForm(await client.call('reception.issueForm', { form: 'supplement', draftId: draft.id, print: true, supplementItems: missing.map((name) => ({ name, reason: reason || 'Chưa nộp' })) })),
    );
  const refuse = () => run(async () => setForm(await client.call('reception.issueForm', { form: 'refusal', draftId: draft.id, print: true, refusalReason: reason })));

  return (
    <div className="grid-2">
      <div>
        {draft.applicant && <ApplicantSummary identity={draft.applicant} trust={draft.applicantTrust} />}
        <div className="card">
          <h2>
            <span className="mono">{procedure.code}</span> {procedure.name}
          </h2>
          <ul>
            {procedure.components.map((c, i) => (
              <li key={i}>{c.name}</li>
            ))}
          </ul>
          <label>
            {t('note')}
            <textarea rows={2} value={draft.note} onChange={(e) => update({ note: e.target.value })} />
          </label>
        </div>
      </div>
      <div>
        <AppointmentPreview processingTime={procedure.processingTime} />
        <div className="card">
          <button type="button" className="primary" disabled={busy || missing.length > 0} onClick={() => void accept()}>
            {busy ? t('accepting') : t('accept')}
          </button>
          <label>
            {missing.length ? t('supplementReason') : t('refusalReason')}
            <input value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <div className="row">
            <button type="button" className="secondary" disabled={busy || missing.length === 0} onClick={() => void supplement()}>
              {t('supplement')}
            </button>
            <button type="button" className="danger" disabled={busy || !reason.trim()} onClick={() => void refuse()}>
              {t('refuse')}
            </button>
          </div>
          <ErrorText error={error} />
        </div>
        {form && <FormPreview view={form} />}
      </div>
    </div>
  );
}
