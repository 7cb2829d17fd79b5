import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { useMessages } from '../../i18n/messages.ts';
import { detailMessages } from './detail-messages.ts';
import { openPdf } from './pdfjs.ts';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

/**
 * A component PDF drawn with pdf.js onto a canvas: page by page, with zoom. ←/→ turn pages and
 * +/− zoom while the viewer has focus, so the officer can keep the hands on the keyboard.
 */
export function PageViewer({ pdfBase64, title, onClose }: { pdfBase64: string; title?: string; onClose?: () => void }) {
  const t = useMessages(detailMessages);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy>();
  const [pageNo, setPageNo] = useState(1);
  const [zoom, setZoom] = useState(2);
  const [failed, setFailed] = useState(false);
  const [rendered, setRendered] = useState('');

  useEffect(() => {
    const opened = openPdf(pdfBase64);
    let live = true;
    setDoc(undefined);
    setPageNo(1);
    setFailed(false);
    opened.promise.then(
      (d) => live && setDoc(d),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
      void opened.destroy();
    };
  }, [pdfBase64]);

  useEffect(() => {
    if (!doc || !canvas.current) return;
    let task: RenderTask | undefined;
    let live = true;
    const target = canvas.current;
    void doc.getPage(pageNo).then((page) => {
      if (!live) return;
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: ZOOMS[zoom]! * ratio });
      target.width = Math.floor(viewport.width);
      target.height = Math.floor(viewport.height);
      target.style.width = `${Math.floor(viewport.width / ratio)}px`;
      target.style.height = `${Math.floor(viewport.height / ratio)}px`;
      task = page.render({ canvas: target, viewport });
      task.promise.then(
        () => live && setRendered(`${pageNo}@${ZOOMS[zoom]}`),
        (err: unknown) => live && (err as { name?: string }).name !== 'RenderingCancelledException' && setFailed(true),
      );
    }, () => live && setFailed(true));
    return () => {
      live = false;
      task?.cancel();
    };
  }, [doc, pageNo, zoom]);

  const pages = doc?.numPages ?? 0;
  const go = (n: number) => setPageNo((p) => Math.min(Math.max(1, p + n), Math.max(1, pages)));
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowRight' || e.key === 'PageDown') go(1);
    else if (e.key === 'ArrowLeft' || e.key === 'PageUp') go(-1);
    else if (e.key === '+' || e.key === '=') setZoom((z) => Math.min(ZOOMS.length - 1, z + 1));
    else if (e.key === '-') setZoom((z) => Math.max(0, z - 1));
    else return;
    e.preventDefault();
  };

  return (
    <div className="card" data-testid="page-viewer" tabIndex={0} onKeyDown={onKey} aria-label={t('viewer')}>
      <div className="row" style={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <h2 style={{ fontSize: 16 }}>{title ?? t('viewer')}</h2>
        <div className="row" style={{ alignItems: 'center' }}>
          <button type="button" className="secondary" onClick={() => go(-1)} disabled={pageNo <= 1} data-testid="viewer-prev">
            {t('prevPage')}
          </button>
          <span data-testid="viewer-page">
            {t('page')} {pageNo}/{pages || '…'}
          </span>
          <button type="button" className="secondary" onClick={() => go(1)} disabled={pageNo >= pages} data-testid="viewer-next">
            {t('nextPage')}
          </button>
          <button type="button" className="secondary" onClick={() => setZoom((z) => Math.max(0, z - 1))} disabled={zoom === 0} aria-label={t('zoomOut')}>
            −
          </button>
          <span data-testid="viewer-zoom">{Math.round(ZOOMS[zoom]! * 100)}%</span>
          <button type="button" className="secondary" onClick={() => setZoom((z) => Math.min(ZOOMS.length - 1, z + 1))} disabled={zoom === ZOOMS.length - 1} aria-label={t('zoomIn')}>
            +
          </button>
          {onClose && (
            <button type="button" className="secondary" onClick={onClose}>
              {t('close')}
            </button>
          )}
        </div>
      </div>
      {failed && <p className="error" role="alert">{t('pdfError')}</p>}
      <div style={{ overflow: 'auto', maxHeight: 520, background: '#e9edf1', padding: 8 }}>
        <canvas ref={canvas} data-testid="pdf-canvas" data-rendered={rendered} style={{ background: '#fff', boxShadow: '0 1px 4px rgba(0,0,0,.25)' }} />
      </div>
    </div>
  );
}
