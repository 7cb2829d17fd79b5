import { useEffect, useState } from 'react';
import type { Device } from '../../../src-main/contract/devices.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useClient } from '../../app/client-context.tsx';
import { defineMessages, useMessages } from '../../i18n/messages.ts';

const msgs = defineMessages({
  simulated: { vi: '(giả lập)', en: '(simulated)' },
  pagesPerMin: { vi: '{n} trang/phút (đo trên máy này)', en: '{n} pages/min (measured on this PC)' },
  notMeasured: { vi: 'chưa đo: chưa nhận dạng trang nào', en: 'not measured yet: no page recognised' },
});

export function DevicesPanel() {
  const { t } = useI18n();
  const m = useMessages(msgs);
  const client = useClient();
  const [devices, setDevices] = useState<Device[]>();
  const [busy, setBusy] = useState(false);
  const discover = async (refresh: boolean) => {
    setBusy(true);
    try {
      setDevices(await client.call('devices.list', { refresh }));
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    void discover(false);
    return client.on('devices.changed', setDevices);
  }, [client]);
  return (
    <div className="card">
      <h2>{t('settings.devices')}</h2>
      <button type="button" disabled={busy} onClick={() => void discover(true)}>
        {busy ? t('common.loading') : t('settings.devices.refresh')}
      </button>
      {devices && devices.length === 0 && <p className="muted">{t('settings.devices.none')}</p>}
      {devices && devices.length > 0 && (
        <table className="table" data-testid="devices-table">
          <tbody>
            {devices.map((d) => (
              <tr key={d.id}>
                <td>{t(`device.kind.${d.kind}`)}</td>
                <td>
                  {d.name}
                  {d.simulated && <span className="muted simulated-flag"> {m('simulated')}</span>}
                  {d.kind === 'ocr' && (
                    <div className="muted" data-testid="ocr-throughput">
                      {d.pagesPerMin === undefined ? m('notMeasured') : m('pagesPerMin').replace('{n}', d.pagesPerMin.toLocaleString('vi-VN'))}
                    </div>
                  )}
                </td>
                <td className="mono">{d.address ?? ''}</td>
                <td>{d.driver}</td>
                <td className={`device-${d.status}`}>{t(`device.status.${d.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
