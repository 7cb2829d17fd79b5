import type { StatusEntry } from '../../../src-main/contract/dossiers.ts';
import { DOSSIER_STATUSES, type DossierStatusCode } from '../../../src-main/domain/dossier/status.ts';
import { formatDateTime } from '../../../src-main/domain/vn-date.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useMessages } from '../../i18n/messages.ts';
import { detailMessages } from './detail-messages.ts';

/** The national status name (TrangThaiHoSo 1–10) with its code, as the province shows it. */
export function StatusName({ status }: { status: number }) {
  const { lang } = useI18n();
  const label = DOSSIER_STATUSES[status as DossierStatusCode];
  return (
    <span data-testid="status-name" data-status={status}>
      {status}. {label ? label[lang] : '?'}
    </span>
  );
}

/** Every status the dossier went through, oldest first, with who and when (dd/MM/yyyy HH:mm). */
export function StatusHistory({ history }: { history: StatusEntry[] }) {
  const t = useMessages(detailMessages);
  return (
    <table className="table" data-testid="status-history">
      <thead>
        <tr>
          <th>{t('at')}</th>
          <th>{t('status')}</th>
          <th>{t('by')}</th>
          <th>{t('note')}</th>
        </tr>
      </thead>
      <tbody>
        {history.map((h, i) => (
          <tr key={`${h.status}-${h.at}-${i}`}>
            <td className="mono">{formatDateTime(new Date(h.at))}</td>
            <td>
              <StatusName status={h.status} />
            </td>
            <td>{h.by ?? '—'}</td>
            <td>{h.note ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
