import type { Dossier } from '../../../src-main/contract/dossiers.ts';
import type { ComponentSignature } from '../../../src-main/contract/dossier-view.ts';
import { useSlots } from '../../app/slots.tsx';
import { useMessages } from '../../i18n/messages.ts';
import { detailMessages } from './detail-messages.ts';

const kb = (n: number) => `${Math.max(1, Math.round(n / 1024))} KB`;

/** The components with their copies, digitized PDF and signature state; "Xem" opens the page viewer. */
export function ComponentsPanel({
  dossier,
  signatures,
  viewing,
  onView,
}: {
  dossier: Dossier;
  signatures: ComponentSignature[] | undefined;
  viewing: string | undefined;
  onView: (componentId: string) => void;
}) {
  const { VerificationBadge } = useSlots();
  const t = useMessages(detailMessages);
  return (
    <table className="table" data-testid="components">
      <thead>
        <tr>
          <th>{t('components')}</th>
          <th>{t('copies')}</th>
          <th>{t('pages')}</th>
          <th>{t('signature')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {dossier.components.map((c) => {
          const pdf = c.pages.find((p) => p.mime === 'application/pdf');
          const sig = signatures?.find((s) => s.componentId === c.id);
          return (
            <tr key={c.id} data-testid="component-row" data-component={c.id} style={viewing === c.id ? { background: '#eef4fb' } : undefined}>
              <td>
                {c.name}
                {c.code ? <span className="muted mono"> ({c.code})</span> : null}
              </td>
              <td className="mono">
                {c.originals} / {c.certifiedCopies} / {c.photocopies}
              </td>
              <td>
                {c.pages.length === 0 ? (
                  <span className="muted">{t('paperOnly')}</span>
                ) : (
                  c.pages.map((p) => (
                    <div key={p.pageNo} className="muted mono" title={p.sha256}>
                      {p.mime === 'application/pdf' ? 'PDF' : p.mime} · {kb(p.size)} · {p.sha256.slice(0, 12)}…
                    </div>
                  ))
                )}
              </td>
              <td>{sig ? <VerificationBadge report={sig.report} /> : pdf ? <span className="muted">…</span> : null}</td>
              <td>
                {pdf ? (
                  <button type="button" className="secondary" onClick={() => onView(c.id)} data-testid="view-component">
                    {t('view')}
                  </button>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
