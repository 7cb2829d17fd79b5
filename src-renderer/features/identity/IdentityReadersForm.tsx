import { useEffect, useState, type FormEvent } from 'react';
import type { ReaderState, SerialQrConfig } from '../../../src-main/contract/idread.ts';
import { useClient } from '../../app/client-context.tsx';
import { defineMessages, useMessages } from '../../i18n/messages.ts';
import { useSettingsSection } from '../../ui/use-settings-section.ts';
import { SaveRow } from '../../ui/SaveRow.tsx';

const msgs = defineMessages({
  title: { vi: 'Máy quét QR và đầu đọc CCCD', en: 'QR scanners and ID readers' },
  serial: { vi: 'Máy quét QR cổng COM (CDC-ACM)', en: 'QR scanners on a COM port (CDC-ACM)' },
  path: { vi: 'Cổng', en: 'Port' },
  baud: { vi: 'Tốc độ (baud)', en: 'Baud rate' },
  suffix: { vi: 'Ký tự kết thúc', en: 'Suffix' },
  add: { vi: 'Thêm máy quét', en: 'Add scanner' },
  remove: { vi: 'Bỏ', en: 'Remove' },
  vendor: { vi: 'Đầu đọc CCCD của hãng (địa chỉ socket, mỗi dòng một)', en: 'Vendor ID readers (socket URL, one per line)' },
  wedge: {
    vi: 'Máy quét kiểu bàn phím không cần cấu hình: ứng dụng tự nhận ra theo tốc độ gõ.',
    en: 'Keyboard-wedge scanners need no setup: the app recognises them by typing speed.',
  },
  cardCheck: { vi: 'Dịch vụ tra cứu thẻ BHYT (địa chỉ)', en: 'BHYT card-check service (URL)' },
  state: { vi: 'Trạng thái', en: 'State' },
  ready: { vi: 'Sẵn sàng', en: 'Ready' },
  offline: { vi: 'Không kết nối', en: 'Offline' },
  error: { vi: 'Lỗi', en: 'Error' },
});

/**
 * IT staff set up this PC's QR scanners, vendor readers and the BHYT card-check service here,
 * and see each reader's live state. Shown on the Settings page's devices tab.
 */
export function IdentityReadersForm() {
  const t = useMessages(msgs);
  const client = useClient();
  const readers = useSettingsSection('identityReaders');
  const health = useSettingsSection('health');
  const [vendorText, setVendorText] = useState<string>();
  const [states, setStates] = useState<ReaderState[]>([]);
  useEffect(() => {
    void client.call('identity.readers', {}).then(setStates, () => {});
    return client.on('identity.readersChanged', setStates);
  }, [client]);

  const serial = readers.value?.serial ?? [];
  const setSerial = (next: SerialQrConfig[]) => readers.update({ serial: next });
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const vendorSocketUrls = (vendorText ?? readers.value?.vendorSocketUrls.join('\n') ?? '').split('\n').map((s) => s.trim()).filter(Boolean);
    await readers.save(undefined, { vendorSocketUrls, serial: serial.filter((s) => s.path.trim()) });
    await health.save();
  };
  const stateOf = (id: string) => states.find((s) => s.id === id);

  return (
    <form className="card" data-testid="identity-readers-form" onSubmit={(e) => void onSubmit(e)}>
      <h2>{t('title')}</h2>
      <p className="muted">{t('wedge')}</p>
      <strong>{t('serial')}</strong>
      {serial.map((s, i) => {
        const st = stateOf(`qr:serial:${s.path}`);
        const set = (patch: Partial<SerialQrConfig>) => setSerial(serial.map((x, j) => (j === i ? { ...x, ...patch } : x)));
        return (
          <div key={i} style={{ display: 'flex', gap: 8, alignItems: 'flex-end' }}>
            <label>
              {t('path')}
              <input className="mono" value={s.path} placeholder="COM3 / /dev/ttyACM0" onChange={(e) => set({ path: e.target.value })} />
            </label>
            <label>
              {t('baud')}
              <select value={s.baudRate} onChange={(e) => set({ baudRate: Number(e.target.value) })}>
                {[9600, 19200, 38400, 57600, 115200].map((b) => (
                  <option key={b} value={b}>
                    {b}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('suffix')}
              <select value={s.suffix} onChange={(e) => set({ suffix: e.target.value as SerialQrConfig['suffix'] })}>
                {(['CR', 'LF', 'CRLF', 'TAB', 'none'] as const).map((x) => (
                  <option key={x} value={x}>
                    {x}
                  </option>
                ))}
              </select>
            </label>
            <span className={`device-${st?.status ?? 'offline'}`}>{st ? t(st.status) : ''}</span>
            <button type="button" className="secondary" onClick={() => setSerial(serial.filter((_, j) => j !== i))}>
              {t('remove')}
            </button>
          </div>
        );
      })}
      <button type="button" className="secondary" onClick={() => setSerial([...serial, { path: '', baudRate: 9600, suffix: 'CR', frameTimeoutMs: 150 }])}>
        {t('add')}
      </button>
      <label>
        {t('vendor')}
        <textarea className="mono" value={vendorText ?? readers.value?.vendorSocketUrls.join('\n') ?? ''} placeholder="http://192.168.5.1:8000" onChange={(e) => setVendorText(e.target.value)} />
      </label>
      {health.value && (
        <label>
          {t('cardCheck')}
          <input className="mono" value={health.value.cardCheckUrl} onChange={(e) => health.update({ cardCheckUrl: e.target.value })} />
        </label>
      )}
      <SaveRow saved={readers.saved && health.saved} error={readers.error ?? health.error} />
    </form>
  );
}
