import { useState, type FormEvent } from 'react';
import { useCall } from '../../app/use-call.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useMessages } from '../../i18n/messages.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { DOSSIER_STATUSES } from '../../../src-main/domain/dossier/status.ts';
import { DossierTable } from './DossierTable.tsx';
import { dossierMessages } from './messages.ts';
import { DossierDetail } from './DossierDetail.tsx';
import { SlipLookup } from './SlipLookup.tsx';

const PAGE_SIZE = 20;

/** The Dossiers screen: newest first, or ranked search results, one page of 20 at a time. */
export function DossiersPage() {
  const t = useMessages(dossierMessages);
  const { lang } = useI18n();
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<number | undefined>();
  const [page, setPage] = useState(0);
  // The dossier opened from a row (double click) or from the slip's QR code (returning results).
  const [openId, setOpenId] = useState<string>();
  const searching = query.trim() !== '';
  const list = useCall('dossiers.list', { status, limit: PAGE_SIZE, offset: page * PAGE_SIZE });
  const found = useCall('dossiers.search', { query: searching ? query : '', limit: PAGE_SIZE, offset: page * PAGE_SIZE });
  const current = searching ? found : list;
  const rows = searching ? (found.data?.items ?? []) : (list.data?.items ?? []);
  const hasMore = searching ? (found.data?.hasMore ?? false) : (list.data ? list.data.total > (page + 1) * PAGE_SIZE : false);
  if (openId) return <DossierDetail dossierId={openId} onClose={() => { setOpenId(undefined); list.reload(); found.reload(); }} />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery(draft);
    setPage(0);
  };

  return (
    <section>
      <PageHeader title={t('heading')} lead={t('lead')} />
      <SlipLookup onFound={setOpenId} />
      <form onSubmit={submit} role="search" style={{ display: 'flex', gap: 8, marginBottom: 12, flexWrap: 'wrap' }}>
        <input
          type="search"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder={t('placeholder')}
          aria-label={t('search')}
          data-testid="dossier-search"
          style={{ flex: '1 1 320px', minWidth: 240 }}
        />
        <button type="submit">{t('search')}</button>
        {searching ? (
          <button type="button" onClick={() => { setDraft(''); setQuery(''); setPage(0); }}>
            {t('clear')}
          </button>
        ) : (
          <select
            value={status ?? ''}
            onChange={(e) => { setStatus(e.target.value === '' ? undefined : Number(e.target.value)); setPage(0); }}
            aria-label={t('status')}
          >
            <option value="">{t('allStatuses')}</option>
            {Object.entries(DOSSIER_STATUSES).map(([code, label]) => (
              <option key={code} value={code}>
                {code}. {label[lang]}
              </option>
            ))}
          </select>
        )}
      </form>
      {current.error ? <p className="error" role="alert">{current.error.messages[lang]}</p> : null}
      {current.loading && rows.length === 0 ? <p className="muted">{t('loading')}</p> : null}
      {!current.loading && rows.length === 0 && !current.error ? <p className="muted">{searching ? t('noMatch') : t('none')}</p> : null}
      {rows.length > 0 ? <DossierTable rows={rows} onOpen={setOpenId} /> : null}
      <nav style={{ display: 'flex', gap: 12, alignItems: 'center', marginTop: 8 }} aria-label={t('page')}>
        <button type="button" disabled={page === 0} onClick={() => setPage((p) => p - 1)} data-testid="dossier-prev">
          {t('prev')}
        </button>
        <span data-testid="dossier-page">
          {t('page')} {page + 1}
          {!searching && list.data ? ` / ${Math.max(1, Math.ceil(list.data.total / PAGE_SIZE))} (${list.data.total} ${t('total')})` : ''}
          {searching && found.data ? ` · ${found.data.tookMs.toFixed(0)} ms` : ''}
        </span>
        <button type="button" disabled={!hasMore} onClick={() => setPage((p) => p + 1)} data-testid="dossier-next">
          {t('next')}
        </button>
      </nav>
    </section>
  );
}

