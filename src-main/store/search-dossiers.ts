import type { DossierSummary } from './repos/dossier-repo.ts';
import type { Store } from './store.ts';

export interface DossierSearchResult {
  items: Array<DossierSummary & { matchedIn: 'dossier' | 'page'; pageNo?: number }>;
  hasMore: boolean;
  /** The OCR-text part stopped at its time budget; older scanned pages were not searched. */
  pagesPartial: boolean;
  tookMs: number;
}

/** Ranked search joined to dossier summaries, one page at a time. */
export function searchDossiers(store: Store, query: string, limit: number, offset: number): DossierSearchResult {
  const started = performance.now();
  const { hits, pagesPartial } = store.search.search(query, offset + limit + 1);
  const pageHits = hits.slice(offset, offset + limit);
  const summaries = new Map(store.dossiers.summaries(pageHits.map((h) => h.dossierId)).map((s) => [s.id, s]));
  const items = pageHits.flatMap((h) => {
    const s = summaries.get(h.dossierId);
    return s ? [{ ...s, matchedIn: h.matchedIn, ...(h.pageNo === undefined ? {} : { pageNo: h.pageNo }) }] : [];
  });
  return { items, hasMore: hits.length > offset + limit || pagesPartial, pagesPartial, tookMs: performance.now() - started };
}
