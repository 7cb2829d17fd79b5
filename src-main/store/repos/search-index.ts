import type Database from 'better-sqlite3';
import { foldText, foldedWords, prepareForIndex } from '../../domain/dossier/fold-text.ts';
import type { Dossier } from '../../domain/dossier/dossier.ts';

/** A code typed with its dots and dashes is searched as one compact token (000.00.31.H42-… → 0000031h42…). */
export function compactCode(code: string): string {
  return code.toLowerCase().replace(/[^0-9a-z]/g, '');
}

function looksLikeCode(term: string): boolean {
  return /[.\-]/.test(term) && /\d/.test(term) && compactCode(term).length >= 6;
}

export interface SearchHit {
  dossierId: string;
  /** Lower is better (bm25). */
  score: number;
  matchedIn: 'dossier' | 'page';
  pageNo?: number;
  componentId?: string;
}

export interface SearchOutcome {
  hits: SearchHit[];
  /** The OCR search stopped at its time budget before reaching the oldest pages. */
  pagesPartial: boolean;
}

/** OCR pages are searched newest first in windows of this many pages, until the budget runs out. */
const PAGE_WINDOW = 25_000;
export const PAGE_SEARCH_BUDGET_MS = 30;

/** Writes and queries the two FTS5 indexes; all text goes in folded, so queries need no diacritics. */
export class SearchIndex {
  private readonly st;

  constructor(private readonly db: Database.Database) {
    this.st = {
      dossierRow: db.prepare('SELECT rowid FROM search_dossier_rows WHERE dossier_id = ?'),
      newDossierRow: db.prepare('INSERT INTO search_dossier_rows (dossier_id) VALUES (?) RETURNING rowid'),
      deleteDossierFts: db.prepare('DELETE FROM search_dossiers WHERE rowid = ?'),
      insertDossierFts: db.prepare('INSERT INTO search_dossiers (rowid, names, numbers, procedure) VALUES (?, ?, ?, ?)'),
      pageRow: db.prepare('SELECT rowid FROM search_page_rows WHERE component_id = ? AND page_no = ?'),
      newPageRow: db.prepare('INSERT INTO search_page_rows (dossier_id, component_id, page_no) VALUES (?, ?, ?) RETURNING rowid'),
      deletePageFts: db.prepare('DELETE FROM search_pages WHERE rowid = ?'),
      insertPageFts: db.prepare('INSERT INTO search_pages (rowid, body) VALUES (?, ?)'),
      pagesOf: db.prepare('SELECT rowid FROM search_page_rows WHERE dossier_id = ?'),
      deletePageRows: db.prepare('DELETE FROM search_page_rows WHERE dossier_id = ?'),
      deleteDossierRow: db.prepare('DELETE FROM search_dossier_rows WHERE dossier_id = ?'),
      maxPageRow: db.prepare('SELECT max(rowid) AS m FROM search_page_rows'),
      // Every search reads matches newest first and stops at the limit (FTS5 walks doclists in rowid
      // order), so a common name costs no more than a rare one; bm25 then orders the rows fetched.
      searchDossiers: db.prepare(
        `SELECT r.dossier_id AS dossierId, f.score FROM
           (SELECT rowid, bm25(search_dossiers, 10.0, 8.0, 2.0) AS score FROM search_dossiers
             WHERE search_dossiers MATCH ? ORDER BY rowid DESC LIMIT ?) f
         JOIN search_dossier_rows r ON r.rowid = f.rowid ORDER BY f.score`,
      ),
      // Newest matching pages first (FTS5 walks its doclists in rowid order and stops at the limit,
      // so a common word costs no more than a rare one), then ranked by bm25 among those.
      searchPages: db.prepare(
        `SELECT r.dossier_id AS dossierId, r.component_id AS componentId, r.page_no AS pageNo, f.score FROM
           (SELECT rowid, rank AS score FROM search_pages WHERE search_pages MATCH ? AND rowid BETWEEN ? AND ?
             ORDER BY rowid DESC LIMIT ?) f
         JOIN search_page_rows r ON r.rowid = f.rowid ORDER BY f.score`,
      ),
    };
  }

  /** (Re)indexes the searchable fields of a dossier: names, ID numbers, codes, procedure. */
  indexDossier(d: Dossier): void {
    const names = [d.applicant.identity.fullName, d.owner?.identity.fullName].filter(Boolean).join(' ');
    const numbers = [
      d.applicant.identity.idNumber,
      d.applicant.identity.oldIdNumber,
      d.owner?.identity.idNumber,
      d.owner?.identity.oldIdNumber,
      d.applicant.phone,
      d.provisionalCode,
      d.officialCode,
    ].filter((x): x is string => !!x);
    const numbersText = [...numbers.map(foldText), ...numbers.map(compactCode)].join(' ');
    const procedure = `${d.procedureCode} ${d.procedureName}`;
    const existing = this.st.dossierRow.get(d.id) as { rowid: number } | undefined;
    if (existing) this.st.deleteDossierFts.run(existing.rowid);
    const rowid = existing?.rowid ?? (this.st.newDossierRow.get(d.id) as { rowid: number }).rowid;
    this.st.insertDossierFts.run(rowid, foldText(names), numbersText, foldText(procedure));
  }

  /** Where OCR results land: one page's recognised text (replaces earlier text of that page). */
  indexPageText(dossierId: string, componentId: string, pageNo: number, text: string): void {
    this.db.transaction(() => {
      const existing = this.st.pageRow.get(componentId, pageNo) as { rowid: number } | undefined;
      if (existing) this.st.deletePageFts.run(existing.rowid);
      const rowid = existing?.rowid ?? (this.st.newPageRow.get(dossierId, componentId, pageNo) as { rowid: number }).rowid;
      this.st.insertPageFts.run(rowid, prepareForIndex(text));
    })();
  }

  removeDossier(dossierId: string): void {
    for (const r of this.st.pagesOf.all(dossierId) as Array<{ rowid: number }>) this.st.deletePageFts.run(r.rowid);
    this.st.deletePageRows.run(dossierId);
    const row = this.st.dossierRow.get(dossierId) as { rowid: number } | undefined;
    if (row) this.st.deleteDossierFts.run(row.rowid);
    this.st.deleteDossierRow.run(dossierId);
  }

  /**
   * Ranked dossier ids for a free-text query: matches on names, numbers, codes and procedure come
   * first (they are what the officer usually types), then dossiers found only through OCR text.
   * `want` bounds the work: the caller asks for offset + limit + 1.
   */
  query(text: string, want: number): SearchHit[] {
    return this.search(text, want).hits;
  }

  search(text: string, want: number, budgetMs = PAGE_SEARCH_BUDGET_MS): SearchOutcome {
    const q = buildQuery(text);
    if (!q) return { hits: [], pagesPartial: false };
    const hits: SearchHit[] = [];
    const seen = new Set<string>();
    const add = (h: SearchHit) => {
      if (seen.has(h.dossierId)) return;
      seen.add(h.dossierId);
      hits.push(h);
    };
    // Ranking: a match in the names, then in ID numbers and codes, then in the procedure, then across
    // those fields together; OCR pages only fill what the fields leave. Within a group, bm25.
    for (const column of ['names', 'numbers', 'procedure', undefined] as const) {
      if (hits.length >= want) break;
      const match = column ? `{${column}} : (${q.fields})` : q.fields;
      for (const r of this.st.searchDossiers.all(match, want) as Array<{ dossierId: string; score: number }>) {
        add({ dossierId: r.dossierId, score: r.score, matchedIn: 'dossier' });
      }
    }
    let pagesPartial = false;
    if (q.pages && hits.length < want) {
      // A phrase that is rare in a million pages costs a scan of every doclist involved; walking
      // windows of the newest pages keeps each step small, and the budget bounds the whole search.
      const started = performance.now();
      let high = (this.st.maxPageRow.get() as { m: number | null }).m ?? 0;
      while (high > 0 && hits.length < want) {
        if (performance.now() - started > budgetMs) {
          pagesPartial = true;
          break;
        }
        const low = Math.max(1, high - PAGE_WINDOW + 1);
        // Several pages of one dossier may match; ask for a few more rows than needed.
        const rows = this.st.searchPages.all(q.pages, low, high, (want - hits.length) * 3) as Array<{ dossierId: string; componentId: string; pageNo: number; score: number }>;
        for (const r of rows) add({ dossierId: r.dossierId, score: r.score, matchedIn: 'page', componentId: r.componentId, pageNo: r.pageNo });
        high = low - 1;
      }
    }
    return { hits: hits.slice(0, want), pagesPartial };
  }
}

/** FTS5 query strings: every word must match, the last one as a prefix (the officer may still be typing). */
export function buildQuery(text: string): { fields: string; pages: string | undefined } | undefined {
  const fieldTerms: string[] = [];
  const words: string[] = [];
  for (const raw of text.split(/\s+/).filter(Boolean)) {
    if (looksLikeCode(raw)) {
      fieldTerms.push(`"${compactCode(raw)}"*`);
      continue;
    }
    for (const w of foldedWords(raw)) {
      words.push(w);
      fieldTerms.push(`"${w}"`);
    }
  }
  if (fieldTerms.length === 0) return undefined;
  const last = fieldTerms.length - 1;
  if (!fieldTerms[last]!.endsWith('*')) fieldTerms[last] = `${fieldTerms[last]}*`;
  // OCR text: the words as a phrase, so "nguyen van an" finds that name, not three scattered words.
  // No prefix here: without a prefix index FTS5 would merge every doclist starting with the last
  // word (seconds on a million pages for "te*"); OCR text is matched on whole words.
  const pages = words.length === 0 ? undefined : `"${words.join(' ')}"`;
  return { fields: fieldTerms.join(' '), pages };
}
