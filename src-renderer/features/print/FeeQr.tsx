import { useCall } from '../../app/use-call.ts';
import { useMessages } from '../../i18n/messages.ts';
import { ErrorText } from '../../ui/ErrorText.tsx';
import { printMsgs } from './print-messages.ts';

const dong = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** The same VietQR fee code as on the slip, for the citizen to scan from the counter's screen. */
export function FeeQr({ amount, reference }: { amount: number; reference: string }) {
  const t = useMessages(printMsgs);
  const qr = useCall('print.vietqr', { amount, reference });
  return (
    <div className="card" data-testid="fee-qr">
      <h3>{t('feeTitle')}</h3>
      <p>{t('amount')}: {dong(amount)} đồng</p>
      {qr.data && <img src={qr.data.pngDataUrl} alt="VietQR" data-payload={qr.data.payload} style={{ width: 220, height: 220 }} />}
      <ErrorText error={qr.error} />
    </div>
  );
}
