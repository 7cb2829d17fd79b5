import { formatDateTime } from '../../../src-main/domain/vn-date.ts';
import { useCall } from '../../app/use-call.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useMessages } from '../../i18n/messages.ts';
import { detailMessages } from './detail-messages.ts';

const STATES = {
  pending: { vi: 'Chờ gửi', en: 'Waiting' },
  sending: { vi: 'Đang gửi', en: 'Sending' },
  sent: { vi: 'Đã gửi, chờ tỉnh xác nhận', en: 'Sent, awaiting confirmation' },
  confirmed: { vi: 'Tỉnh đã nhận', en: 'Received by the province' },
  'failed-retrying': { vi: 'Gửi lỗi, sẽ tự gửi lại', en: 'Failed, will retry' },
  quarantined: { vi: 'Bị từ chối, cần xử lý', en: 'Rejected, needs action' },
} as const;

/** Where the dossier stands in the delivery queue (from queue.list), with the problem in words. */
export function UploadState({ dossierId, provinceConfirmedAt }: { dossierId: string; provinceConfirmedAt: string | null }) {
  const t = useMessages(detailMessages);
  const { lang, pick } = useI18n();
  const queue = useCall('queue.list', { limit: 500 });
  const item = queue.data?.items.find((i) => i.dossierId === dossierId);
  return (
    <div data-testid="upload-state">
      {queue.loading && !queue.data ? <span className="muted">{t('loading')}</span> : null}
      {queue.data && !item ? <span className="muted">{t('notQueued')}</span> : null}
      {item ? (
        <span data-state={item.state}>
          <strong>{STATES[item.state][lang]}</strong>
          {item.bytesTotal > 0 ? ` · ${Math.round((100 * item.bytesDone) / item.bytesTotal)}%` : ''} · {item.attempts} {t('attempts')}
          {item.problem ? <span className="error"> — {pick(item.problem.message)} {pick(item.problem.advice)}</span> : null}
        </span>
      ) : null}
      {provinceConfirmedAt ? (
        <div className="muted">
          {t('confirmedAt')} {formatDateTime(new Date(provinceConfirmedAt))}
        </div>
      ) : null}
    </div>
  );
}
