import { useEffect, useState } from 'react';
import type { ReceptionDraft } from '../../../src-main/contract/reception.ts';
import { useCall } from '../../app/use-call.ts';
import { useMessages } from '../../i18n/messages.ts';
import { ApplicantStep } from './ApplicantStep.tsx';
import { ProcedureStep } from './ProcedureStep.tsx';
import { ComponentsStep } from './ComponentsStep.tsx';
import { ReviewStep, type AcceptResult } from './ReviewStep.tsx';
import { DoneStep } from './DoneStep.tsx';
import { useReceptionDraft } from './use-reception-draft.ts';
import { receptionMsgs } from './messages.ts';

const STEPS = ['applicant', 'procedure', 'components', 'review'] as const;
type Step = (typeof STEPS)[number];
const LABEL = { applicant: 'stepApplicant', procedure: 'stepProcedure', components: 'stepComponents', review: 'stepReview' } as const;

/** One reception, step by step, keyboard-first (Ctrl+Enter moves on), saved as it goes. */
export function ReceptionFlow({ initial, onNew }: { initial: ReceptionDraft; onNew: () => void }) {
  const t = useMessages(receptionMsgs);
  const info = useCall('app.info', {});
  const { draft, update, flush, savedAt } = useReceptionDraft(initial);
  const procedure = useCall('procedures.get', { code: draft.procedureCode ?? '' });
  const [result, setResult] = useState<AcceptResult>();
  const step: Step = draft.step === 'done' ? 'review' : draft.step;

  const can: Record<Step, boolean> = {
    applicant: true,
    procedure: Boolean(draft.applicant),
    components: Boolean(draft.applicant && draft.procedureCode && procedure.data),
    review: Boolean(draft.applicant && draft.procedureCode && procedure.data),
  };
  const next = STEPS[STEPS.indexOf(step) + 1];
  const go = (s: Step) => can[s] && update({ step: s });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey && e.key === 'Enter' && next && can[next]) {
        e.preventDefault();
        update({ step: next });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (result) return <DoneStep result={result} onNew={onNew} />;
  return (
    <div className="reception">
      <ol className="stepper">
        {STEPS.map((s) => (
          <li key={s}>
            <button type="button" className={s === step ? 'active' : ''} aria-current={s === step ? 'step' : undefined} disabled={!can[s]} onClick={() => go(s)}>
              {t(LABEL[s])}
            </button>
          </li>
        ))}
        <li className="muted saved">{savedAt ? t('saved') : ''}</li>
      </ol>
      {step === 'applicant' && <ApplicantStep draft={draft} update={update} training={Boolean(info.data?.trainingMode)} />}
      {step === 'procedure' && <ProcedureStep selected={draft.procedureCode} onSelect={(code) => update({ procedureCode: code, received: code === draft.procedureCode ? draft.received : {}, step: 'components' })} />}
      {step === 'components' && procedure.data && <ComponentsStep procedure={procedure.data} draft={draft} update={update} />}
      {step === 'review' && procedure.data && <ReviewStep procedure={procedure.data} draft={draft} update={update} flush={flush} onAccepted={setResult} />}
      {next && (
        <div className="row step-nav">
          <button type="button" disabled={!can[next]} onClick={() => go(next)}>
            {t('next')}
          </button>
        </div>
      )}
    </div>
  );
}
