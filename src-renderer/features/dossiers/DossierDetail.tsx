import { useEffect, useState, lazy, Suspense } from 'react';
import { CounterError } from '../../../src-main/contract/errors.ts';
import { useCall } from '../../app/use-call.ts';
import { useClient } from '../../app/client-context.tsx';
import { useMessages } from '../../i18n/messages.ts';
import { ErrorText } from '../../ui/ErrorText.tsx';
import { useSlots } from '../../app/slots.tsx';
import { ComponentsPanel } from './ComponentsPanel.tsx';
import { DossierFacts } from './DossierFacts.tsx';
import { FormsPanel } from './FormsPanel.tsx';
import { ReturnResult } from './ReturnResult.tsx';
import { StatusHistory } from './StatusHistory.tsx';
import { UploadState } from './UploadState.tsx';
import { detailMessages } from './detail-messages.ts';

// pdf.js (≈1.3 MB with its worker) loads only when a page is first viewed, not at start-up.
const PageViewer = lazy(() => import('./PageViewer.tsx').then((m) => ({ default: m.PageViewer })));

/**
 * One dossier: codes, applicant, procedure, dates, status history, components with the pdf.js
 * viewer and signature badges, batch signing, issued forms with reprint, delivery state, and
 * returning the result. Every read of personal data goes through audited methods.
 */
export function DossierDetail({ dossierId, onClose }: { dossierId: string; onClose: () => void }) {
  const { BatchSignPanel } = useSlots();
  const t = useMessages(detailMessages);
  const client = useClient();
  const dossier = useCall('dossiers.get', { id: dossierId, reason: 'Xem chi tiết hồ sơ / dossier details' });
  const signatures = useCall('dossiers.componentSignatures', { dossierId });
  const [viewing, setViewing] = useState<string>();
  const [pdf, setPdf] = useState<{ componentId: string; name: string; sha256: string; pdfBase64: string }>();
  const [pdfError, setPdfError] = useState<CounterError>();
  const d = dossier.data;

  // The viewed component's PDF (re-read when signing replaced it: the hash in the dossier changes).
  const viewedSha = d?.components.find((c) => c.id === viewing)?.pages[0]?.sha256;
  useEffect(() => {
    if (!viewing) return setPdf(undefined);
    let live = true;
    setPdfError(undefined);
    client.call('dossiers.componentPdf', { dossierId, componentId: viewing, reason: 'Xem bản số hóa / viewing the digitized copy' }).then(
      (r) => live && setPdf(r),
      (e: unknown) => live && setPdfError(e instanceof CounterError ? e : undefined),
    );
    return () => {
      live = false;
    };
  }, [client, dossierId, viewing, viewedSha]);

  // Open the first digitized component at once: the officer usually wants to see the papers.
  useEffect(() => {
    if (d && !viewing) setViewing(d.components.find((c) => c.pages.some((p) => p.mime === 'application/pdf'))?.id);
  }, [d, viewing]);

  const refresh = () => {
    dossier.reload();
    signatures.reload();
  };

  return (
    <section data-testid="dossier-detail">
      <div className="row" style={{ alignItems: 'center', marginBottom: 8 }}>
        <button type="button" className="secondary" onClick={onClose} data-testid="detail-back">
          {t('back')}
        </button>
        <h1 style={{ margin: 0, fontSize: 22 }}>{t('title')}</h1>
      </div>
      <ErrorText error={dossier.error} />
      {!d ? (
        dossier.loading ? <p className="muted">{t('loading')}</p> : null
      ) : (
        <>
          <DossierFacts dossier={d} />
          <div className="card">
            <h2>{t('components')}</h2>
            <ComponentsPanel dossier={d} signatures={signatures.data} viewing={viewing} onView={setViewing} />
            <ErrorText error={signatures.error ?? pdfError} />
            <h2 style={{ fontSize: 15 }}>{t('sign')}</h2>
            <BatchSignPanel target={{ dossierId: d.id }} options={{ reason: 'Số hóa thành phần hồ sơ' }} onDone={refresh} />
          </div>
          {pdf && pdf.componentId === viewing ? <Suspense fallback={<p className="muted">…</p>}><PageViewer pdfBase64={pdf.pdfBase64} title={pdf.name} onClose={() => setViewing(undefined)} /></Suspense> : null}
          <div className="card" id="return-result">
            <h2>{t('returnTitle')}</h2>
            <ReturnResult dossier={d} onReturned={refresh} />
          </div>
          <div className="card">
            <h2>{t('history')}</h2>
            <StatusHistory history={d.statusHistory} />
          </div>
          <div className="card">
            <h2>{t('forms')}</h2>
            <FormsPanel dossier={d} onChanged={dossier.reload} />
          </div>
          <div className="card">
            <h2>{t('upload')}</h2>
            <UploadState dossierId={d.id} provinceConfirmedAt={d.provinceConfirmedAt} />
          </div>
        </>
      )}
    </section>
  );
}
