import { useI18n } from '../../i18n/i18n.tsx';
import { useCall } from '../../app/use-call.ts';
import { ErrorText } from '../../ui/ErrorText.tsx';
import { LicenceNotice } from './LicenceNotice.tsx';

export function AboutPanel() {
  const { t } = useI18n();
  const info = useCall('app.info', {});
  return (
    <div className="card">
      <h2>{t('settings.about')}</h2>
      <ErrorText error={info.error} />
      {info.data && (
        <dl className="facts">
          <dt>{t('settings.version')}</dt>
          <dd data-testid="app-version">{info.data.version}</dd>
          <dt>{t('settings.host')}</dt>
          <dd>
            {t(`status.host.${info.data.host === 'electron' ? 'electron' : 'web'}`)} · Node {info.data.nodeVersion}
            {info.data.electronVersion ? ` · Electron ${info.data.electronVersion}` : ''}
          </dd>
          <dt>{t('settings.dataDir')}</dt>
          <dd className="mono">{info.data.dataDir}</dd>
        </dl>
      )}
      <LicenceNotice />
    </div>
  );
}
