import type { Identity } from '../../../src-main/contract/identity.ts';
import type { ReceptionDraft } from '../../../src-main/contract/reception.ts';
import { useMessages } from '../../i18n/messages.ts';
import { useSlots } from '../../app/slots.tsx';
import { receptionMsgs } from './messages.ts';

/** The applicant as the reception holds them: the identity card view, titled with the name, and how far it is trusted. */
export function ApplicantSummary({ identity, trust }: { identity: Identity; trust?: ReceptionDraft['applicantTrust'] }) {
  const { IdentityCard } = useSlots();
  const t = useMessages(receptionMsgs);
  return (
    <div className="applicant" data-testid="applicant-summary">
      <IdentityCard identity={identity} title={identity.fullName || t('noName')} />
      {trust === 'verified' && <p className="muted">✓ {t('verifiedChip')}</p>}
    </div>
  );
}
