import type { Migration } from './migration.ts';

/**
 * Full-text search. Text is folded before indexing (lower case, no diacritics, đ → d) so the
 * tokenizer only has to split words. The dossier index holds names, ID numbers, codes and the
 * procedure name (one row per dossier); the page index holds OCR text, contentless to keep it small,
 * with a plain table mapping its rowids back to dossier pages.
 */
export const m0002: Migration = {
  id: 2,
  name: 'search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE search_dossiers USING fts5 (
        names, numbers, procedure, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3', content = '', contentless_delete = 1
      );
      CREATE TABLE search_dossier_rows (
        rowid      INTEGER PRIMARY KEY,
        dossier_id TEXT NOT NULL UNIQUE REFERENCES dossiers (id) ON DELETE CASCADE
      );
      CREATE VIRTUAL TABLE search_pages USING fts5 (
        body, tokenize = 'unicode61 remove_diacritics 2', content = '', contentless_delete = 1
      );
      CREATE TABLE search_page_rows (
        rowid        INTEGER PRIMARY KEY,
        dossier_id   TEXT NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
        component_id TEXT NOT NULL,
        page_no      INTEGER NOT NULL,
        UNIQUE (component_id, page_no)
      );
      CREATE INDEX search_page_rows_by_dossier ON search_page_rows (dossier_id);
    `);
  },
};
