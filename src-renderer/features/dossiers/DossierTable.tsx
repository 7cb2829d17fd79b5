import type { DossierSearchItem, DossierSummary } from '../../../src-main/contract/dossiers.ts';
import { DOSSIER_STATUSES, type DossierStatusCode } from '../../../src-main/domain/dossier/status.ts';
import { formatDate, formatDateTime } from '../../../src-main/domain/vn-date.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useMessages } from '../../i18n/messages.ts';
import { dossierMessages } from './messages.ts';

type Row = DossierSummary & Partial<Pick<DossierSearchItem, 'matchedIn' | 'pageNo'>>;

/** One page of dossiers; the provisional code is marked as such, as it is on the printed receipt. */
export function DossierTable({ rows, onOpen }: { rows: Row[]; onOpen?: (id: string) => void }) {
  const t = useMessages(dossierMessages);
  const { lang } = useI18n();
  return (
    <table className="table" data-testid="dossier-table">
      <thead>
        <tr>
          <th>{t('code')}</th>
          <th>{t('applicant')}</th>
          <th>{t('procedure')}</th>
          <th>{t('received')}</th>
          <th>{t('due')}</th>
          <th>{t('status')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => (
          <tr key={d.id} data-testid="dossier-row" data-id={d.id} onDoubleClick={onOpen ? () => onOpen(d.id) : undefined}>
            <td className="mono">
              {d.code} {d.provisional ? <span className="muted">({t('provisional')})</span> : null}
            </td>
            <td>
              {d.applicantName}
              {d.applicantIdNumber ? <div className="muted mono">{d.applicantIdNumber}</div> : null}
              {d.matchedIn === 'page' ? (
                <div className="muted">
                  {t('foundInPage')} {d.pageNo}
                </div>
              ) : null}
            </td>
            <td>
              {d.procedureName}
              <div className="muted mono">{d.procedureCode}</div>
            </td>
            <td>{formatDateTime(new Date(d.receivedAt))}</td>
            <td>{d.dueAt ? formatDate(new Date(d.dueAt)) : '—'}</td>
            <td>{DOSSIER_STATUSES[d.status as DossierStatusCode]?.[lang] ?? d.status}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
