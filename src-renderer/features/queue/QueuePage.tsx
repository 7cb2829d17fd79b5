import { useI18n } from '../../i18n/i18n.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';

export function QueuePage() {
  const { t } = useI18n();
  return (
    <section>
      <PageHeader title={t('queue.heading')} lead={t('queue.lead')} />
      <p className="muted">{t('common.comingSoon')}</p>
    </section>
  );
}
