import type { Dossier, Party } from '../../../src-main/contract/dossiers.ts';
import { formatDateTime } from '../../../src-main/domain/vn-date.ts';
import { useMessages } from '../../i18n/messages.ts';
import { detailMessages } from './detail-messages.ts';
import { StatusName } from './StatusHistory.tsx';

const SOURCES: Record<string, string> = {
  chip: 'Chip CCCD',
  'cccd-qr': 'QR CCCD',
  'vneid-qr': 'QR VNeID',
  'bhyt-qr': 'QR BHYT',
  'mrz-td1': 'MRZ',
  manual: '—',
};

function PartyFacts({ party }: { party: Party }) {
  const t = useMessages(detailMessages);
  const trust = party.trust === 'verified' ? t('trustVerified') : party.trust === 'machine-read' ? t('trustMachine') : t('trustManual');
  return (
    <dl className="facts">
      <dt>{t('applicant')}</dt>
      <dd data-testid="applicant-name">
        <strong>{party.identity.fullName ?? '—'}</strong>
      </dd>
      <dt>{t('idNumber')}</dt>
      <dd className="mono">{party.identity.idNumber ?? '—'}</dd>
      <dt>{t('source')}</dt>
      <dd data-testid="applicant-trust" data-trust={party.trust}>
        {SOURCES[party.identity.kind] ?? party.identity.kind} · {trust}
      </dd>
    </dl>
  );
}

/** Codes (official vs provisional, never confused), applicant, procedure, dates and current status. */
export function DossierFacts({ dossier }: { dossier: Dossier }) {
  const t = useMessages(detailMessages);
  return (
    <div className="grid-2">
      <div className="card">
        <dl className="facts">
          {dossier.officialCode ? (
            <>
              <dt>{t('officialCode')}</dt>
              <dd className="mono" data-testid="official-code">
                <strong>{dossier.officialCode}</strong>
              </dd>
            </>
          ) : null}
          {dossier.provisionalCode ? (
            <>
              <dt>{dossier.officialCode ? t('provisionalAlso') : t('provisionalCode')}</dt>
              <dd className="mono" data-testid="provisional-code">
                <span style={{ background: '#fff3cd', padding: '1px 6px', borderRadius: 3 }}>{dossier.provisionalCode}</span>
              </dd>
            </>
          ) : null}
          <dt>{t('procedure')}</dt>
          <dd>
            {dossier.procedureName} <span className="muted mono">({dossier.procedureCode})</span>
          </dd>
          <dt>{t('receivedAt')}</dt>
          <dd className="mono" data-testid="received-at">
            {formatDateTime(new Date(dossier.receivedAt))}
          </dd>
          <dt>{t('dueAt')}</dt>
          <dd className="mono" data-testid="due-at">
            {dossier.dueAt ? formatDateTime(new Date(dossier.dueAt)) : '—'}
          </dd>
          <dt>{t('acceptedBy')}</dt>
          <dd>{dossier.acceptedBy ?? '—'}</dd>
          <dt>{t('status')}</dt>
          <dd data-testid="current-status">
            <strong>
              <StatusName status={dossier.status} />
            </strong>
          </dd>
        </dl>
      </div>
      <div className="card">
        <PartyFacts party={dossier.applicant} />
        {dossier.owner ? (
          <>
            <h2 style={{ fontSize: 15 }}>{t('owner')}</h2>
            <PartyFacts party={dossier.owner} />
          </>
        ) : null}
      </div>
    </div>
  );
}
