import { useMemo, useState } from 'react';
import { foldText } from '../../../src-main/domain/dossier/fold-text.ts';
import { useCall } from '../../app/use-call.ts';
import { useMessages } from '../../i18n/messages.ts';
import { ErrorText } from '../../ui/ErrorText.tsx';
import { receptionMsgs } from './messages.ts';
import { readUsage, recordUse, usageRank } from './procedure-usage.ts';

/** Step 2: the procedure, found by name or code without accents; recent and frequent ones first. */
export function ProcedureStep({ selected, onSelect }: { selected?: string; onSelect: (code: string) => void }) {
  const t = useMessages(receptionMsgs);
  const list = useCall('procedures.list', {});
  const [query, setQuery] = useState('');
  const usage = useMemo(readUsage, []);
  const shown = useMemo(() => {
    const words = foldText(query).split(' ').filter(Boolean);
    return (list.data ?? [])
      .filter((p) => {
        const hay = foldText(`${p.code} ${p.name} ${p.fieldName}`);
        return words.every((w) => hay.includes(w));
      })
      .sort((a, b) => usageRank(usage, b.code) - usageRank(usage, a.code))
      .slice(0, 40);
  }, [list.data, query, usage]);
  const choose = (code: string) => {
    recordUse(code);
    onSelect(code);
  };
  return (
    <div>
      <input
        autoFocus
        className="search"
        aria-label={t('searchProcedure')}
        placeholder={t('searchProcedure')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && shown[0] && choose(shown[0].code)}
      />
      <ErrorText error={list.error} />
      <ul className="pick-list" role="listbox" aria-label={t('stepProcedure')}>
        {shown.map((p) => (
          <li key={p.code} role="option" aria-selected={p.code === selected}>
            <button type="button" onClick={() => choose(p.code)}>
              <span className="mono">{p.code}</span> {p.name}
              <small>
                {p.fieldName}
                {usage[p.code] ? ` · ${t('recent')}` : ''}
              </small>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
