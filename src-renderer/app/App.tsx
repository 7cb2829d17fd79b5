import { useEffect, useState } from 'react';
import { SECTIONS, sectionLabel, sectionShortcut, type Section } from './sections.ts';
import { StatusBar } from './StatusBar.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { useCall } from './use-call.ts';
import { useClient } from './client-context.tsx';
import { I18nProvider, useI18n, type Language } from '../i18n/i18n.tsx';
import { SlotsProvider } from './slots.tsx';
import { featureSlots } from './feature-slots.ts';
import { ReceptionPage } from '../features/reception/ReceptionPage.tsx';
import { DossiersPage } from '../features/dossiers/DossiersPage.tsx';
import { HealthPage } from '../features/health/HealthPage.tsx';
import { QueuePage } from '../features/queue/QueuePage.tsx';
import { SettingsPage } from '../features/settings/SettingsPage.tsx';
import { ReportsPage } from '../features/reports/ReportsPage.tsx';

const PAGES: Record<Section, () => React.JSX.Element> = {
  reception: ReceptionPage,
  dossiers: DossiersPage,
  health: HealthPage,
  queue: QueuePage,
  settings: SettingsPage,
  reports: ReportsPage,
};

export function App() {
  const client = useClient();
  const settings = useCall('settings.get', {});
  const [lang, setLang] = useState<Language>('vi');
  useEffect(() => {
    if (settings.data) setLang(settings.data.ui.language);
    return client.on('settings.changed', (s) => setLang(s.ui.language));
  }, [client, settings.data]);
  return (
    <I18nProvider lang={lang}>
      <SlotsProvider slots={featureSlots}>
        <Frame onToggleLang={() => void client.call('settings.set', { ui: { language: lang === 'vi' ? 'en' : 'vi' } })} />
      </SlotsProvider>
    </I18nProvider>
  );
}

function Frame({ onToggleLang }: { onToggleLang: () => void }) {
  const { t } = useI18n();
  const info = useCall('app.info', {});
  const [section, setSection] = useState<Section>('reception');
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const n = Number(e.key);
      if (e.altKey && n >= 1 && n <= SECTIONS.length) {
        e.preventDefault();
        setSection(SECTIONS[n - 1] as Section);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const Page = PAGES[section];
  return (
    <div className={`frame${info.data?.trainingMode ? ' training' : ''}`}>
      <header className="top-bar">
        <div className="brand">
          <strong>{t('app.title')}</strong>
          <span>{t('app.subtitle')}</span>
        </div>
        <nav aria-label={t('app.title')}>
          {SECTIONS.map((s) => (
            <button
              key={s}
              type="button"
              className={s === section ? 'active' : ''}
              aria-current={s === section ? 'page' : undefined}
              title={sectionShortcut(s)}
              onClick={() => setSection(s)}
            >
              {t(sectionLabel(s))}
            </button>
          ))}
        </nav>
        <button type="button" className="lang" onClick={onToggleLang}>
          {t('lang.switch')}
        </button>
      </header>
      <main>
        <ErrorBoundary key={section}>
          <Page />
        </ErrorBoundary>
      </main>
      <StatusBar host={info.data?.host} />
    </div>
  );
}
