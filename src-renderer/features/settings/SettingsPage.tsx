import { useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { useMessages } from '../../i18n/messages.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useSlots } from '../../app/slots.tsx';
import { settingsMsgs } from './settings-messages.ts';
import { AboutPanel } from './AboutPanel.tsx';
import { AgencyForm } from './AgencyForm.tsx';
import { DevicesTab } from './DevicesTab.tsx';
import { ServerForm } from './ServerForm.tsx';
import { PrintProfilesForm } from './PrintProfilesForm.tsx';
import { SigningForm } from './SigningForm.tsx';
import { UsersPanel } from './UsersPanel.tsx';
import { RolloutPanel } from './RolloutPanel.tsx';
import { DiagnosticsPanel } from './DiagnosticsPanel.tsx';

function CalendarTab() {
  const { CalendarSettings } = useSlots();
  return <CalendarSettings />;
}

const TABS = {
  agency: AgencyForm,
  calendar: CalendarTab,
  server: ServerForm,
  devices: DevicesTab,
  print: PrintProfilesForm,
  signing: SigningForm,
  users: UsersPanel,
  rollout: RolloutPanel,
  diagnostics: () => (
    <>
      <DiagnosticsPanel />
      <AboutPanel />
    </>
  ),
} as const;
type Tab = keyof typeof TABS;
const TAB_NAMES = Object.keys(TABS) as Tab[];

/** The IT staff's settings: a left menu of sections (arrow keys move between them), one section shown at a time. */
export function SettingsPage() {
  const { t } = useI18n();
  const m = useMessages(settingsMsgs);
  const [tab, setTab] = useState<Tab>('agency');
  const buttons = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});
  const go = (next: Tab) => {
    setTab(next);
    buttons.current[next]?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    const i = TAB_NAMES.indexOf(tab);
    const n = TAB_NAMES.length;
    const to = { ArrowDown: (i + 1) % n, ArrowUp: (i - 1 + n) % n, Home: 0, End: n - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    go(TAB_NAMES[to] as Tab);
  };
  const Panel = TABS[tab];
  return (
    <section>
      <PageHeader title={t('settings.heading')} lead={m('lead')} />
      <div style={{ display: 'grid', gridTemplateColumns: '190px minmax(0, 1fr)', gap: 16, alignItems: 'start' }}>
        <div role="tablist" aria-orientation="vertical" aria-label={m('menu')} onKeyDown={onKey} style={{ display: 'flex', flexDirection: 'column', gap: 2, position: 'sticky', top: 0 }}>
          {TAB_NAMES.map((name) => (
            <button
              key={name}
              ref={(el) => {
                buttons.current[name] = el;
              }}
              type="button"
              role="tab"
              id={`settings-tab-${name}`}
              aria-selected={name === tab}
              aria-controls="settings-panel"
              tabIndex={name === tab ? 0 : -1}
              onClick={() => setTab(name)}
              style={{
                textAlign: 'left',
                padding: '9px 12px',
                borderRadius: 6,
                border: '1px solid transparent',
                cursor: 'pointer',
                font: 'inherit',
                background: name === tab ? 'var(--accent, #1f5f9e)' : 'transparent',
                color: name === tab ? '#fff' : 'inherit',
                fontWeight: name === tab ? 600 : 400,
              }}
            >
              {m(`tab.${name}`)}
            </button>
          ))}
        </div>
        <div role="tabpanel" id="settings-panel" aria-labelledby={`settings-tab-${tab}`} data-testid={`settings-panel-${tab}`}>
          <Panel />
        </div>
      </div>
    </section>
  );
}
