import type { Identity } from '../../../src-main/contract/identity.ts';
import type { ReceptionDraft } from '../../../src-main/contract/reception.ts';
import { useMessages } from '../../i18n/messages.ts';
import { receptionMsgs } from './messages.ts';

const SOURCE: Record<Identity['kind'], string> = {
  chip: 'Chip thẻ căn cước',
  'cccd-qr': 'Mã QR thẻ căn cước',
  'vneid-qr': 'Mã QR VNeID',
  'bhyt-qr': 'Mã QR thẻ BHYT',
  'mrz-td1': 'Dòng MRZ',
  manual: 'Nhập tay',
};

/** dd/MM/yyyy from the identity's YYYY-MM-DD (or the YYYY-MM / YYYY the card gives). */
const viDay = (d?: string) => (d ? d.split('-').reverse().join('/') : '');

export function ApplicantSummary({ identity, trust }: { identity: Identity; trust?: ReceptionDraft['applicantTrust'] }) {
  const t = useMessages(receptionMsgs);
  return (
    <div className="card applicant" data-testid="applicant-summary">
      <h2>{identity.fullName || t('noName')}</h2>
      <dl className="facts">
        <dt>{t('idNumber')}</dt>
        <dd className="mono">{identity.idNumber ?? ''}</dd>
        <dt>{t('dateOfBirth')}</dt>
        <dd>{viDay(identity.dateOfBirth)}</dd>
        <dt>{t('sex')}</dt>
        <dd>{identity.sex === 'M' ? t('male') : identity.sex === 'F' ? t('female') : ''}</dd>
        <dt>{t('address')}</dt>
        <dd>{identity.address ?? ''}</dd>
        <dt>{t('source')}</dt>
        <dd>
          {SOURCE[identity.kind]} {trust === 'verified' ? '✓' : ''}
        </dd>
      </dl>
      {identity.warnings.map((w) => (
        <p key={w.code} className="warning">
          {w.message}
        </p>
      ))}
    </div>
  );
}
