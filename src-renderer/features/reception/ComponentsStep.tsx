import type { Procedure } from '../../../src-main/contract/procedures.ts';
import type { ReceptionDraft } from '../../../src-main/contract/reception.ts';
import { componentKey } from '../../../src-main/domain/reception/component-key.ts';
import { useMessages } from '../../i18n/messages.ts';
import { useSlots } from '../../app/slots.tsx';
import { receptionMsgs } from './messages.ts';

type Copies = ReceptionDraft['received'][string];

/** What the procedure asks for at the counter (direct channel), as the default for "received". */
export function expectedCopies(p: Procedure, index: number): Copies {
  const c = p.components[index]?.copies.find((x) => x.channel === 'direct') ?? p.components[index]?.copies[0];
  return { originals: c?.originals ?? 0, certifiedCopies: c?.certifiedCopies ?? 0, photocopies: c?.photocopies ?? 0 };
}

export function missingRequired(p: Procedure, draft: ReceptionDraft): string[] {
  return p.components.flatMap((c, i) => (!c.optional && !draft.received[componentKey(i)] ? [c.name] : []));
}

/** Step 3: tick each component handed over, with its copies, and scan it while the citizen waits. */
export function ComponentsStep({ procedure, draft, update }: { procedure: Procedure; draft: ReceptionDraft; update: (p: Partial<ReceptionDraft>) => void }) {
  const { ScanPanel } = useSlots();
  const t = useMessages(receptionMsgs);
  const toggle = (i: number, on: boolean) => {
    const received = { ...draft.received };
    if (on) received[componentKey(i)] = expectedCopies(procedure, i);
    else delete received[componentKey(i)];
    update({ received });
  };
  const setCount = (i: number, field: keyof Copies, value: number) => {
    const key = componentKey(i);
    const cur = draft.received[key] ?? expectedCopies(procedure, i);
    update({ received: { ...draft.received, [key]: { ...cur, [field]: Math.max(0, value) } } });
  };
  const missing = missingRequired(procedure, draft);
  return (
    <div>
      <table className="table checklist" data-testid="component-checklist">
        <thead>
          <tr>
            <th>{t('received')}</th>
            <th>{t('stepComponents')}</th>
            <th>{t('originals')}</th>
            <th>{t('certified')}</th>
            <th>{t('copies')}</th>
          </tr>
        </thead>
        <tbody>
          {procedure.components.map((c, i) => {
            const got = draft.received[componentKey(i)];
            return (
              <tr key={componentKey(i)} className={!got && !c.optional ? 'missing' : ''}>
                <td>
                  <input type="checkbox" aria-label={c.name} checked={Boolean(got)} onChange={(e) => toggle(i, e.target.checked)} />
                </td>
                <td>
                  {c.name} {c.optional && <small className="muted">{t('optional')}</small>}
                </td>
                {(['originals', 'certifiedCopies', 'photocopies'] as const).map((f) => (
                  <td key={f}>
                    <input type="number" min={0} max={20} className="count" disabled={!got} value={got?.[f] ?? expectedCopies(procedure, i)[f]} onChange={(e) => setCount(i, f, Number(e.target.value))} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {missing.length > 0 && (
        <p className="warning" role="status">
          {t('missingRequired')}: {missing.join('; ')}
        </p>
      )}
      <ScanPanel
        sessionId={draft.scanSessionId}
        components={procedure.components.map((c, i) => ({ id: componentKey(i), name: c.name }))}
        onSession={(s) => s.id !== draft.scanSessionId && update({ scanSessionId: s.id })}
      />
    </div>
  );
}
