import { useEffect, useRef, useState } from 'react';
import { useCall } from '../../app/use-call.ts';
import { useClient } from '../../app/client-context.tsx';
import { useMessages } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CounterError } from '../../../src-main/contract/errors.ts';
import type { IdentityRead } from '../../../src-main/contract/idread.ts';
import { ErrorText } from '../../ui/ErrorText.tsx';
import { testMsgs } from './device-test-messages.ts';
import { SettingsUiErrors } from './settings-errors.ts';
import { maskId } from './settings-checks.ts';
import { useSlots } from '../../app/slots.tsx';

const WAIT_MS = 30_000;

/** Waits for the next identity.read (or identity.readFailed) from any QR reader. */
export function QrTest() {
  const t = useMessages(testMsgs);
  const g = useI18n().t;
  const client = useClient();
  const readers = useCall('identity.readers', {});
  const info = useCall('app.info', {});
  const [waiting, setWaiting] = useState(false);
  const [read, setRead] = useState<IdentityRead>();
  const [error, setError] = useState<CounterError>();
  const stop = useRef<() => void>(undefined);
  // A keyboard-wedge scanner has no serial port to listen on: while the test waits, its burst is
  // captured here and submitted, so it arrives as identity.read like any other reader.
  const { useQrWedgeSubmit } = useSlots();
  const wedge = useQrWedgeSubmit({ enabled: waiting });
  useEffect(() => () => stop.current?.(), []);

  const wait = () => {
    stop.current?.();
    setRead(undefined);
    setError(undefined);
    setWaiting(true);
    const finish = (r?: IdentityRead, e?: CounterError) => {
      stop.current?.();
      setWaiting(false);
      setRead(r);
      setError(e);
    };
    const offRead = client.on('identity.read', (r) => finish(r));
    const offFail = client.on('identity.readFailed', (f) => finish(undefined, new CounterError(f.error.code, { vi: f.error.message, en: f.error.message })));
    const timer = setTimeout(() => finish(undefined, SettingsUiErrors.raise('DEVICE_TEST_TIMEOUT')), WAIT_MS);
    stop.current = () => {
      offRead();
      offFail();
      clearTimeout(timer);
      stop.current = undefined;
    };
  };
  const simulate = () => {
    client.call('identity.trainingScan', { sample: 'cccd' }).catch((e: unknown) => setError(e instanceof CounterError ? e : undefined));
  };
  return (
    <div className="card" data-testid="test-qr">
      <h2>{t('qr.title')}</h2>
      <ul style={{ margin: 0, paddingLeft: 18 }}>
        {readers.data?.length === 0 && <li className="muted">{t('none')}</li>}
        {readers.data?.map((r) => (
          <li key={r.id}>
            <span className="mono">{r.address}</span> · {r.driver} · <span className={`device-${r.status}`}>{g(`device.status.${r.status}`)}</span>
            {r.lastError ? ` · ${r.lastError}` : ''}
          </li>
        ))}
      </ul>
      <div style={{ display: 'flex', gap: 8 }}>
        <button type="button" disabled={waiting} onClick={wait}>{t('qr.run')}</button>
        {waiting && info.data?.trainingMode && <button type="button" onClick={simulate}>{t('qr.simulate')}</button>}
      </div>
      {waiting && <p className="muted" role="status">{t('qr.waiting')}</p>}
      {read && (
        <p role="status" data-testid="qr-test-result">
          {t('ok')}: <strong>{read.identity.fullName ?? '—'}</strong> · <span className="mono">{maskId(read.identity.idNumber)}</span> · {read.identity.kind} {t('qr.from')}{' '}
          <span className="mono">{read.source.deviceId}</span> ({read.source.driver})
        </p>
      )}
      <ErrorText error={error ?? wedge.error ?? readers.error} />
    </div>
  );
}
