import { useI18n } from '../../i18n/i18n.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { AboutPanel } from './AboutPanel.tsx';
import { AgencyForm } from './AgencyForm.tsx';
import { DevicesPanel } from './DevicesPanel.tsx';

export function SettingsPage() {
  const { t } = useI18n();
  return (
    <section>
      <PageHeader title={t('settings.heading')} lead={t('settings.about')} />
      <div className="grid-2">
        <AgencyForm />
        <AboutPanel />
      </div>
      <DevicesPanel />
    </section>
  );
}
