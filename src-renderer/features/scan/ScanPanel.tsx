import { useEffect, useState } from 'react';
import { confirmDestructive } from '../../ui/confirm.ts';
import type { ScanPage, ScanSession } from '../../../src-main/contract/scan.ts';
import { useClient } from '../../app/client-context.tsx';
import { importSource } from '../../app/import-files.ts';
import type { ScanPanelProps } from '../../app/slots.tsx';
import { defineMessages, useMessages } from '../../i18n/messages.ts';

const msgs = defineMessages({
  title: { vi: 'Quét hồ sơ', en: 'Scan documents' },
  device: { vi: 'Máy quét', en: 'Scanner' },
  scan: { vi: 'Quét', en: 'Scan' },
  stop: { vi: 'Dừng', en: 'Stop' },
  duplex: { vi: 'Hai mặt', en: 'Duplex' },
  rescan: { vi: 'Quét lại trang này', en: 'Scan this page again' },
  rotate: { vi: 'Xoay', en: 'Rotate' },
  remove: { vi: 'Xóa', en: 'Delete' },
  removeConfirm: { vi: 'Xóa trang {n} khỏi hồ sơ?', en: 'Delete page {n} from the dossier?' },
  up: { vi: 'Lên', en: 'Up' },
  missing: { vi: 'Chưa có trang', en: 'No pages yet' },
  component: { vi: 'Thành phần', en: 'Component' },
  unassigned: { vi: '(chưa gán)', en: '(unassigned)' },
  text: { vi: 'Văn bản nhận dạng', en: 'Recognised text' },
  pages: { vi: 'trang', en: 'pages' },
  importFiles: { vi: 'Nhập tệp (PDF, ảnh)', en: 'Import files (PDF, images)' },
});


/** Live thumbnails as pages arrive, OCR progress, quality flags, fix-on-the-spot and component assignment. */
export function ScanPanel({ components = [], sessionId, onSession }: ScanPanelProps) {
  const client = useClient();
  const t = useMessages(msgs);
  const [session, setSession] = useState<ScanSession>();
  const [devices, setDevices] = useState<Array<{ id: string; name: string }>>([]);
  const [deviceId, setDeviceId] = useState('');
  const [duplex, setDuplex] = useState(false);
  const [thumbs, setThumbs] = useState<Record<string, string>>({});
  const [selected, setSelected] = useState<string>();
  const [big, setBig] = useState<string>();
  const [error, setError] = useState<string>();

  // Pages scanned into a new session go to this component (the officer picks it before scanning).
  const [target, setTarget] = useState(components[0]?.id ?? '');

  useEffect(() => {
    // Reopen the reception's own session (after a step change or a restart), else start one.
    const open = () => client.call('scan.open', {});
    void (sessionId ? client.call('scan.get', { sessionId }).catch(open) : open()).then((s) => {
      setSession(s);
      onSession?.(s);
    });
    void client.call('devices.list', { kind: 'scanner', refresh: false }).then((d) => {
      setDevices(d);
      if (d[0]) setDeviceId(d[0].id);
    });
  }, [client]);

  useEffect(() => client.on('scan.changed', (s) => {
    if (s.id !== session?.id) return;
    setSession(s);
    onSession?.(s);
  }), [client, session?.id, onSession]);

  // Fetch a thumbnail once per page version (rotation changes it).
  useEffect(() => {
    if (!session) return;
    for (const p of session.pages) {
      const key = `${p.id}:${p.rotation}`;
      if (p.state === 'processing' || thumbs[key]) continue;
      void client.call('scan.pageImage', { sessionId: session.id, pageId: p.id, variant: 'thumb' }).then((img) => setThumbs((m) => ({ ...m, [key]: img.dataUrl })));
    }
  }, [client, session, thumbs]);

  const page = session?.pages.find((p) => p.id === selected);
  useEffect(() => {
    setBig(undefined);
    if (session && page && page.state !== 'processing') void client.call('scan.pageImage', { sessionId: session.id, pageId: page.id, variant: 'page' }).then((i) => setBig(i.dataUrl));
  }, [client, session?.id, page?.id, page?.rotation, page?.state === 'processing']);

  const run = (replacePageId?: string) => {
    if (!session || !deviceId) return;
    setError(undefined);
    client.call('scan.run', { sessionId: session.id, deviceId, settings: { source: replacePageId ? 'platen' : 'adf', duplex: replacePageId ? false : duplex, dpi: 300, color: 'color' }, replacePageId, componentId: replacePageId ? undefined : target || undefined }).catch((e: { messages?: { vi: string } }) => setError(e.messages?.vi ?? String(e)));
  };
  const importFiles = async (list: FileList | null) => {
    if (!session || !list?.length) return;
    importSource(Array.from(list))
      .then((source) => client.call('scan.import', { sessionId: session.id, ...source, componentId: target || undefined }))
      .then(setSession, (e: { messages?: { vi: string } }) => setError(e.messages?.vi ?? String(e)));
  };
  const edit = (p: ScanPage, e: Parameters<typeof client.call<'scan.editPage'>>[1]['edit']) => session && void client.call('scan.editPage', { sessionId: session.id, pageId: p.id, edit: e }).then(setSession);

  const missing = components.filter((c) => !session?.pages.some((p) => p.componentId === c.id));
  return (
    <section className="scan-panel" aria-label={t('title')}>
      <div className="scan-toolbar">
        <label>{t('device')} <select value={deviceId} onChange={(e) => setDeviceId(e.target.value)}>{devices.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}</select></label>
        <label><input type="checkbox" checked={duplex} onChange={(e) => setDuplex(e.target.checked)} /> {t('duplex')}</label>
        {components.length > 0 && (
          <label>{t('component')} <select data-testid="scan-target" value={target} onChange={(e) => setTarget(e.target.value)}>{components.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}</select></label>
        )}
        <label className="file-import">{t('importFiles')} <input type="file" multiple accept="application/pdf,image/*" onChange={(e) => void importFiles(e.target.files)} /></label>
        {session?.state === 'idle' ? <button onClick={() => run()} disabled={!deviceId}>{t('scan')}</button> : <button onClick={() => session && void client.call('scan.cancel', { sessionId: session.id })}>{t('stop')}</button>}
        <span className="scan-count">{session?.pages.length ?? 0} {t('pages')}</span>
      </div>
      {(error ?? session?.lastError) && <p className="error" role="alert">{error ?? session?.lastError?.vi}</p>}
      {missing.length > 0 && <p className="scan-missing">{t('missing')}: {missing.map((c) => <mark key={c.id}>{c.name}</mark>)}</p>}
      <div className="scan-body" style={{ display: 'flex', gap: 12, maxHeight: 520 }}>
        <ol className="scan-thumbs" style={{ overflowY: 'auto', width: 300, listStyle: 'none', padding: 0 }}>
          {session?.pages.map((p) => (
            <li key={p.id} data-page-state={p.state} data-flags={p.flags.map((f) => f.code).join(' ')} className={p.id === selected ? 'selected' : ''} onClick={() => setSelected(p.id)}>
              {thumbs[`${p.id}:${p.rotation}`] ? <img src={thumbs[`${p.id}:${p.rotation}`]} alt={`${p.order}`} width={120} /> : <span className="thumb-wait">…</span>}
              <div>
                <b>{p.order}</b>{p.side === 'back' ? ' (sau)' : ''}
                {p.state !== 'done' && <progress max={1} value={p.ocrProgress} />}
                {p.flags.map((f) => <p key={f.code} className="scan-flag" data-flag={f.code}>{f.vi}</p>)}
                <select value={p.componentId ?? ''} onChange={(e) => edit(p, { op: 'assign', componentId: e.target.value || null })} aria-label={t('component')}>
                  <option value="">{t('unassigned')}</option>
                  {components.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
                </select>
                <button onClick={() => edit(p, { op: 'rotate', degrees: 90 })}>{t('rotate')}</button>
                <button onClick={() => p.order > 1 && edit(p, { op: 'move', toOrder: p.order - 1 })}>{t('up')}</button>
                <button onClick={() => confirmDestructive(t('removeConfirm').replace('{n}', String(p.order))) && edit(p, { op: 'delete' })}>{t('remove')}</button>
                {p.flags.length > 0 && <button onClick={() => run(p.id)}>{t('rescan')}</button>}
              </div>
            </li>
          ))}
        </ol>
        {page && (
          <div className="scan-view" style={{ display: 'flex', gap: 8, flex: 1, minWidth: 0 }}>
            {big && <img src={big} alt={`${page.order}`} style={{ maxWidth: '50%', objectFit: 'contain' }} />}
            <pre className="scan-text" aria-label={t('text')} style={{ flex: 1, overflow: 'auto', whiteSpace: 'pre-wrap' }}>{page.text ?? ''}</pre>
          </div>
        )}
      </div>
    </section>
  );
}
