import { useEffect, useState } from 'react';
import { CounterError } from '../../../src-main/contract/errors.ts';
import type { TrainingStatus } from '../../../src-main/contract/training.ts';
import { useClient } from '../../app/client-context.tsx';
import { useCall } from '../../app/use-call.ts';
import { defineMessages, useMessages } from '../../i18n/messages.ts';
import { ErrorText } from '../../ui/ErrorText.tsx';

const msgs = defineMessages({
  label: { vi: 'Mạng tới hệ thống tỉnh (giả lập, đào tạo)', en: 'Network to the province (simulated, training)' },
  up: { vi: 'Đang có mạng', en: 'Online' },
  down: { vi: 'Đang mất mạng', en: 'Offline' },
  cut: { vi: 'Ngắt mạng (đào tạo)', en: 'Cut the network (training)' },
  restore: { vi: 'Nối lại mạng (đào tạo)', en: 'Restore the network (training)' },
});

/**
 * Training mode only: cuts and restores the link to the simulated province server, so a new
 * officer practises receiving while offline and sees the queue catch up once the link is back.
 */
export function TrainingNetworkSwitch() {
  const t = useMessages(msgs);
  const client = useClient();
  const info = useCall('app.info', {});
  const [status, setStatus] = useState<TrainingStatus>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CounterError>();
  const training = info.data?.trainingMode ?? false;

  useEffect(() => {
    if (training) void client.call('training.status', {}).then(setStatus, () => undefined);
  }, [client, training]);

  if (!training || !status) return null;
  const toggle = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setStatus(await client.call('training.network', { online: !status.online }));
    } catch (err) {
      setError(err instanceof CounterError ? err : undefined);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="row training-network" data-testid="training-network" data-online={status.online}>
      <span>
        {t('label')}: <strong>{status.online ? t('up') : t('down')}</strong>
      </span>{' '}
      <button type="button" className="secondary" disabled={busy} onClick={() => void toggle()}>
        {status.online ? t('cut') : t('restore')}
      </button>
      <ErrorText error={error} />
    </div>
  );
}
