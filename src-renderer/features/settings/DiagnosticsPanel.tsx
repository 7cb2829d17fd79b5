import { useState } from 'react';
import { useCall } from '../../app/use-call.ts';
import { useClient } from '../../app/client-context.tsx';
import { useMessages } from '../../i18n/messages.ts';
import { formatDateTime } from '../../../src-main/domain/vn-date.ts';
import { ErrorText } from '../../ui/ErrorText.tsx';
import { levelMsgs, rolloutMsgs } from './rollout-messages.ts';
import { useAction } from './use-action.ts';
import { downloadText } from './download.ts';

type Level = 'info' | 'warn' | 'error';
const LEVELS: Level[] = ['info', 'warn', 'error'];
const LEVEL_COLOR: Record<string, string> = { warn: '#9a6700', error: '#b3261e' };

function when(at: string): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? at : formatDateTime(d, { seconds: true });
}

/** The log viewer (newest last, filter by level) and the support bundle without personal data. */
export function DiagnosticsPanel() {
  const t = useMessages(rolloutMsgs);
  const lv = useMessages(levelMsgs);
  const client = useClient();
  const [level, setLevel] = useState<Level | ''>('');
  const [lines, setLines] = useState(200);
  const logs = useCall('logs.tail', { lines, level: level || undefined });
  const exporter = useAction();
  const [exported, setExported] = useState('');

  const exportDiagnostics = async () => {
    const out = await exporter.run(() => client.call('diagnostics.export', { logLines: 2000 }));
    if (!out) return;
    downloadText(out.fileName, out.json);
    setExported(out.fileName);
  };
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '1fr 300px', gap: 16, alignItems: 'start' }}>
      <div className="card" data-testid="log-viewer">
        <h2>{t('logs.title')}</h2>
        <div style={{ display: 'flex', gap: 12, alignItems: 'end' }}>
          <label>
            {t('logs.level')}
            <select value={level} onChange={(e) => setLevel(e.target.value as Level | '')}>
              <option value="">{t('logs.all')}</option>
              {LEVELS.map((l) => <option key={l} value={l}>{lv(l)}</option>)}
            </select>
          </label>
          <label>
            {t('logs.lines')}
            <select value={lines} onChange={(e) => setLines(Number(e.target.value))}>
              {[100, 200, 1000, 5000].map((n) => <option key={n} value={n}>{n}</option>)}
            </select>
          </label>
          <button type="button" onClick={logs.reload} disabled={logs.loading}>{t('logs.refresh')}</button>
        </div>
        <div style={{ maxHeight: 420, overflow: 'auto' }}>
          <table className="table mono" data-testid="log-lines">
            <thead><tr><th>{t('logs.at')}</th><th>{t('logs.level')}</th><th>{t('logs.message')}</th></tr></thead>
            <tbody>
              {logs.data?.length === 0 && <tr><td colSpan={3} className="muted">{t('logs.none')}</td></tr>}
              {logs.data?.map((e, i) => (
                <tr key={i}>
                  <td style={{ whiteSpace: 'nowrap' }}>{when(e.at)}</td>
                  <td style={{ color: LEVEL_COLOR[e.level] }}>{LEVELS.includes(e.level as Level) ? lv(e.level as Level) : e.level}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ErrorText error={logs.error} />
      </div>
      <div className="card" data-testid="diagnostics-export">
        <h2>{t('diag.title')}</h2>
        <p className="muted" style={{ margin: 0 }}>{t('diag.lead')}</p>
        <button type="button" disabled={exporter.busy} onClick={() => void exportDiagnostics()}>{exporter.busy ? t('working') : t('diag.run')}</button>
        {exported && <p role="status">{t('diag.done')}: <span className="mono">{exported}</span></p>}
        <ErrorText error={exporter.error} />
      </div>
    </div>
  );
}
