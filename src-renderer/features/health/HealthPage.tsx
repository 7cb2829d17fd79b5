import { useI18n } from '../../i18n/i18n.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';

export function HealthPage() {
  const { t } = useI18n();
  return (
    <section>
      <PageHeader title={t('health.heading')} lead={t('health.lead')} />
      <p className="muted">{t('common.comingSoon')}</p>
    </section>
  );
}
