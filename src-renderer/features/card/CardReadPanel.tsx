import { useEffect, useState } from 'react';
import type { CardReadResult } from '../../../src-main/contract/card.ts';
import { CounterError } from '../../../src-main/contract/errors.ts';
import { asciiName } from '../../../src-main/domain/icao/chip-identity.ts';
import { useClient } from '../../app/client-context.tsx';
import type { CardReadPanelProps } from '../../app/slots.tsx';
import { useCall } from '../../app/use-call.ts';
import { ErrorText } from '../../ui/ErrorText.tsx';
import { defineMessages, useMessages } from '../../i18n/messages.ts';

const msgs = defineMessages({
  title: { vi: 'Đọc thẻ', en: 'Read card' },
  idOrCan: { vi: 'Số định danh (12 số) hoặc CAN (6 số)', en: 'ID number (12 digits) or CAN (6 digits)' },
  read: { vi: 'Đọc chip', en: 'Read chip' },
  reading: { vi: 'Đang đọc… giữ yên thẻ trên đầu đọc', en: 'Reading… keep the card on the reader' },
  placeCard: { vi: 'Đặt thẻ CCCD gắn chip lên đầu đọc', en: 'Place the chip ID card on the reader' },
  source: { vi: 'Nguồn', en: 'Source' },
  sourceChip: { vi: 'Chip trên thẻ', en: 'Card chip' },
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  idNumber: { vi: 'Số định danh', en: 'ID number' },
  oldId: { vi: 'Số CMND cũ', en: 'Old ID number' },
  dob: { vi: 'Ngày sinh', en: 'Date of birth' },
  sex: { vi: 'Giới tính', en: 'Sex' },
  address: { vi: 'Nơi thường trú', en: 'Place of residence' },
  issue: { vi: 'Ngày cấp', en: 'Issue date' },
  expiry: { vi: 'Có giá trị đến', en: 'Valid until' },
  male: { vi: 'Nam', en: 'Male' },
  female: { vi: 'Nữ', en: 'Female' },
  valid: { vi: 'Dữ liệu chip xác thực: hợp lệ (chữ ký nơi cấp đúng)', en: 'Chip data authentic: valid (issuer signature verified)' },
  invalid: { vi: 'CẢNH BÁO: dữ liệu chip không xác thực được', en: 'WARNING: chip data failed authentication' },
  unknownIssuer: { vi: 'Chữ ký đúng, nhưng chưa có chứng thư nơi cấp (CSCA) để đối chiếu', en: 'Signature correct, but no issuer certificate (CSCA) to check it against' },
  access: { vi: 'Mở chip bằng', en: 'Opened with' },
  nameDiffers: { vi: 'Họ tên trên mã QR khác với chip — dùng họ tên trên chip', en: 'The QR name differs from the chip — using the chip name' },
  face: { vi: 'Ảnh chân dung trên chip', en: 'Face photo from the chip' },
  noFace: { vi: 'Không có ảnh (định dạng JPEG 2000 không hiển thị được)', en: 'No photo (JPEG 2000 cannot be shown)' },
  tapSample: { vi: 'Giả lập chạm thẻ CCCD (đào tạo)', en: 'Simulate a card tap (training)' },
});

/** dd/MM/yyyy from YYYY-MM-DD (or the partial forms the identity allows). */
function vnDate(d: string | undefined): string {
  if (!d) return '—';
  const [y, m, day] = d.split('-');
  return [day, m, y].filter(Boolean).join('/');
}


/**
 * "Đọc thẻ": reads the chip on a PC/SC reader (PACE with the CAN = last 6 digits of the ID) and
 * shows what was read, its source, the face, the authenticity result and warnings. Also shows reads
 * pushed as `card.read` events (a card tapped while another screen started the read).
 */
export function CardReadPanel({ idNumber, qrIdentity, onRead }: CardReadPanelProps) {
  const t = useMessages(msgs);
  const client = useClient();
  const [can, setCan] = useState(idNumber ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CounterError>();
  const [result, setResult] = useState<CardReadResult>();
  const training = useCall('app.info', {}).data?.trainingMode ?? false;

  useEffect(() => client.on('card.read', (r) => setResult(r as CardReadResult)), [client]);
  useEffect(() => {
    if (idNumber) setCan(idNumber);
  }, [idNumber]);

  // Training mode: a sample card is put on the simulated reader and read through the same chip stack.
  const read = async (how: 'reader' | 'training-tap' = 'reader') => {
    setBusy(true);
    setError(undefined);
    try {
      const r = how === 'training-tap' ? await client.call('training.tapCard', { sample: 'an' }) : await client.call('card.read', { can });
      setResult(r);
      onRead?.(r);
    } catch (err) {
      setError(err instanceof CounterError ? err : undefined);
      setResult(undefined);
    } finally {
      setBusy(false);
    }
  };

  const id = result?.identity;
  const nameDiffers = !!(id?.fullName && qrIdentity?.fullName && asciiName(id.fullName) !== asciiName(qrIdentity.fullName));
  const pa = result?.authenticity.result;

  return (
    <section className="card-read-panel" aria-label={t('title')}>
      <h2>{t('title')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void read();
        }}
      >
        <label>
          {t('idOrCan')}{' '}
          <input value={can} inputMode="numeric" pattern="\d{6}|\d{12}" maxLength={12} onChange={(e) => setCan(e.target.value.replace(/\D/g, ''))} />
        </label>{' '}
        <button type="submit" disabled={busy || !/^(\d{6}|\d{12})$/.test(can)}>
          {t('read')}
        </button>
        {training && (
          <button type="button" className="secondary" disabled={busy} onClick={() => void read('training-tap')}>
            {t('tapSample')}
          </button>
        )}
      </form>
      <p>{busy ? t('reading') : !result ? t('placeCard') : null}</p>
      <ErrorText error={error} />
      {result && id && (
        <div className="card-read-result" style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
          <figure style={{ margin: 0, width: 120 }}>
            {result.face?.mime === 'image/jpeg' ? <img alt={t('face')} src={`data:image/jpeg;base64,${result.face.base64}`} style={{ width: 120 }} /> : <figcaption>{t('noFace')}</figcaption>}
          </figure>
          <div>
            <p role="status" className={pa === 'valid' ? 'ok' : pa === 'invalid' ? 'error' : 'warning'}>
              {pa === 'valid' ? t('valid') : pa === 'invalid' ? t('invalid') : t('unknownIssuer')}
            </p>
            <dl>
              <dt>{t('source')}</dt>
              <dd>
                {t('sourceChip')} — {t('access')} {result.access.toUpperCase()} ({result.readerId})
              </dd>
              <dt>{t('fullName')}</dt>
              <dd>{id.fullName ?? '—'}</dd>
              <dt>{t('idNumber')}</dt>
              <dd>{id.idNumber ?? '—'}</dd>
              {id.oldIdNumber && (
                <>
                  <dt>{t('oldId')}</dt>
                  <dd>{id.oldIdNumber}</dd>
                </>
              )}
              <dt>{t('dob')}</dt>
              <dd>{vnDate(id.dateOfBirth)}</dd>
              <dt>{t('sex')}</dt>
              <dd>{id.sex === 'M' ? t('male') : id.sex === 'F' ? t('female') : '—'}</dd>
              <dt>{t('address')}</dt>
              <dd>{id.address ?? '—'}</dd>
              <dt>{t('issue')}</dt>
              <dd>{vnDate(id.issueDate)}</dd>
              <dt>{t('expiry')}</dt>
              <dd>{vnDate(id.expiryDate)}</dd>
            </dl>
            <ul className="warnings">
              {nameDiffers && <li>{t('nameDiffers')}</li>}
              {id.warnings.map((w) => (
                <li key={w.code}>{w.message}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </section>
  );
}
