import { useState } from 'react';
import { useCall } from '../../app/use-call.ts';
import { useClient } from '../../app/client-context.tsx';
import { useMessages } from '../../i18n/messages.ts';
import type { ScanSource } from '../../../src-main/contract/scan.ts';
import { ErrorText } from '../../ui/ErrorText.tsx';
import { CounterError } from '../../../src-main/contract/errors.ts';
import { testMsgs } from './device-test-messages.ts';
import { useAction } from './use-action.ts';
import { SettingsUiErrors } from './settings-errors.ts';

/** Scans one page at low resolution in a throw-away session and shows its thumbnail. */
export function ScanTest() {
  const t = useMessages(testMsgs);
  const client = useClient();
  const scanners = useCall('devices.list', { kind: 'scanner' });
  const action = useAction();
  const [deviceId, setDeviceId] = useState('');
  const [source, setSource] = useState<ScanSource>('platen');
  const [thumb, setThumb] = useState<string>();
  const chosen = deviceId || scanners.data?.[0]?.id || '';

  const scan = async () => {
    setThumb(undefined);
    await action.run(async () => {
      const session = await client.call('scan.open', {});
      try {
        await client.call('scan.run', { sessionId: session.id, deviceId: chosen, settings: { source, duplex: false, dpi: 150, color: 'gray' } });
        const done = await client.call('scan.wait', { sessionId: session.id, timeoutMs: 60_000 });
        if (done.lastError) throw new CounterError(done.lastError.code, { vi: done.lastError.vi, en: done.lastError.en });
        const page = done.pages[0];
        if (!page) throw SettingsUiErrors.raise('DEVICE_TEST_NO_PAGE');
        setThumb((await client.call('scan.pageImage', { sessionId: session.id, pageId: page.id, variant: 'thumb' })).dataUrl);
      } finally {
        await client.call('scan.close', { sessionId: session.id }).catch(() => undefined);
      }
    });
  };
  return (
    <div className="card" data-testid="test-scanner">
      <h2>{t('scan.title')}</h2>
      {scanners.data?.length === 0 && <p className="muted">{t('none')}</p>}
      <div style={{ display: 'flex', gap: 8, alignItems: 'end', flexWrap: 'wrap' }}>
        <label>
          {t('device')}
          <select value={chosen} onChange={(e) => setDeviceId(e.target.value)}>
            {scanners.data?.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
        </label>
        <label>
          {t('scan.source')}
          <select value={source} onChange={(e) => setSource(e.target.value as ScanSource)}>
            <option value="platen">{t('scan.platen')}</option>
            <option value="adf">{t('scan.adf')}</option>
          </select>
        </label>
        <button type="button" style={{ alignSelf: 'flex-end' }} disabled={action.busy || !chosen} onClick={() => void scan()}>{action.busy ? t('working') : t('scan.run')}</button>
      </div>
      {thumb && <img src={thumb} alt={t('scan.page')} data-testid="scan-test-thumb" style={{ maxHeight: 160, alignSelf: 'flex-start', border: '1px solid #ccc' }} />}
      <ErrorText error={action.error ?? scanners.error} />
    </div>
  );
}
