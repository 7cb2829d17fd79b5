import { useEffect, useState } from 'react';
import type { CoreStatus } from '../../src-main/contract/status.ts';
import type { HostKind } from '../../src-main/contract/app.ts';
import { useClient } from './client-context.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { ClockWarning } from './ClockWarning.tsx';

/** Live device and server state at the bottom of every screen, driven by core events. */
export function StatusBar({ host }: { host: HostKind | undefined }) {
  const client = useClient();
  const { t } = useI18n();
  const [status, setStatus] = useState<CoreStatus>();
  useEffect(() => {
    const off = client.on('status.changed', setStatus);
    client.call('status.get', {}).then(setStatus, () => {});
    return off;
  }, [client]);
  if (!status) return <footer className="status-bar" role="status" />;
  return (
    <footer className="status-bar" role="status" aria-live="polite">
      <span data-testid="status-devices">
        {t('status.devices')}: {status.devices.ready}/{status.devices.total}
      </span>
      <span data-testid="status-server" className={`server-${status.server}`}>
        {t('status.server')}: {t(`status.server.${status.server}`)}
      </span>
      {status.disk && status.disk.level !== 'ok' && (
        <span data-testid="status-disk" className={`disk-${status.disk.level}`} role="alert">
          {t(`status.disk.${status.disk.level}`)} ({formatMb(status.disk.freeBytes)})
        </span>
      )}
      {host && host !== 'cli' && <span>{t(`status.host.${host}`)}</span>}
      {status.trainingMode && <span className="training-flag">{t('status.training')}</span>}
      <ClockWarning clock={status.clock} />
    </footer>
  );
}

function formatMb(bytes: number): string {
  return `${Math.max(0, Math.floor(bytes / 1024 ** 2)).toLocaleString('vi-VN')} MB`;
}
