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
      searchDossiers: db.prepare(
        `SELECT r.dossier_id AS dossierId, f.score FROM
           (SELECT rowid, bm25(search_dossiers, 10.0, 8.0, 2.0) AS score FROM search_dossiers
             WHERE search_dossiers MATCH ? ORDER BY score LIMIT ?) f
         JOIN search_dossier_rows r ON r.rowid = f.rowid ORDER BY f.score`,
      ),
      // Newest matching pages first (FTS5 walks its doclists in rowid order and stops at the limit,
      // so a common word costs no more than a rare one), then ranked by bm25 among those.
      searchPages: db.prepare(
        `SELECT r.dossier_id AS dossierId, r.component_id AS componentId, r.page_no AS pageNo, f.score FROM
           (SELECT rowid, rank AS score FROM search_pages WHERE search_pages MATCH ? ORDER BY rowid DESC LIMIT ?) f
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

  /** The OCR engineer's entry point: one page's recognised text (replaces earlier text of that page). */
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
    const q = buildQuery(text);
    if (!q) return [];
    const hits: SearchHit[] = [];
    const seen = new Set<string>();
    for (const r of this.st.searchDossiers.all(q.fields, want) as Array<{ dossierId: string; score: number }>) {
      seen.add(r.dossierId);
      hits.push({ dossierId: r.dossierId, score: r.score, matchedIn: 'dossier' });
    }
    if (q.pages) {
      // Several pages of one dossier may match; ask for a few more rows than needed.
      const rows = this.st.searchPages.all(q.pages, want * 3) as Array<{ dossierId: string; componentId: string; pageNo: number; score: number }>;
      for (const r of rows) {
        if (seen.has(r.dossierId)) continue;
        seen.add(r.dossierId);
        hits.push({ dossierId: r.dossierId, score: r.score, matchedIn: 'page', componentId: r.componentId, pageNo: r.pageNo });
      }
    }
    return hits;
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
  const pages = words.length === 0 ? undefined : words.length === 1 ? `"${words[0]}"*` : `"${words.join(' ')}"*`;
  return { fields: fieldTerms.join(' '), pages };
}
