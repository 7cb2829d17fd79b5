import { useMessages } from '../../i18n/messages.ts';
import { rolloutMsgs } from './rollout-messages.ts';
import { RolloutKeygen } from './RolloutKeygen.tsx';
import { RolloutExport } from './RolloutExport.tsx';
import { RolloutImport } from './RolloutImport.tsx';

/** One district configures 39 communes once: key, export, import side by side. */
export function RolloutPanel() {
  const t = useMessages(rolloutMsgs);
  return (
    <div>
      <p className="muted" style={{ marginTop: 0 }}>{t('lead')}</p>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', gap: 16, alignItems: 'start' }}>
        <RolloutKeygen />
        <RolloutExport />
        <RolloutImport />
      </div>
    </div>
  );
}
