import { useI18n } from '../../i18n/i18n.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';

export function DossiersPage() {
  const { t } = useI18n();
  return (
    <section>
      <PageHeader title={t('dossiers.heading')} lead={t('dossiers.lead')} />
      <p className="muted">{t('common.comingSoon')}</p>
    </section>
  );
}
