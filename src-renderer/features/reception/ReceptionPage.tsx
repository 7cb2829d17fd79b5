import { useI18n } from '../../i18n/i18n.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';

export function ReceptionPage() {
  const { t } = useI18n();
  const steps = ['reception.step.identify', 'reception.step.procedure', 'reception.step.components', 'reception.step.accept'] as const;
  return (
    <section>
      <PageHeader title={t('reception.heading')} lead={t('reception.lead')} />
      <ol className="steps">
        {steps.map((s) => (
          <li key={s}>{t(s)}</li>
        ))}
      </ol>
      <p className="muted">{t('common.comingSoon')}</p>
    </section>
  );
}
