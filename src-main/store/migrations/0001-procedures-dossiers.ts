import type { Migration } from './migration.ts';

/** The procedure catalogue and the dossier aggregate (components, pages, status history, forms). */
export const m0001: Migration = {
  id: 1,
  name: 'procedures-dossiers',
  up(db) {
    db.exec(`
      CREATE TABLE procedures (
        code        TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        field_name  TEXT NOT NULL,
        data        TEXT NOT NULL,
        sample      INTEGER NOT NULL DEFAULT 0,
        active      INTEGER NOT NULL DEFAULT 1,
        updated_at  TEXT NOT NULL
      );
      CREATE TABLE dossiers (
        id                  TEXT PRIMARY KEY,
        provisional_code    TEXT UNIQUE,
        official_code       TEXT UNIQUE,
        agency_code         TEXT NOT NULL,
        counter_id          TEXT NOT NULL,
        procedure_code      TEXT NOT NULL,
        procedure_name      TEXT NOT NULL,
        channel             TEXT NOT NULL,
        applicant           TEXT NOT NULL,
        applicant_name      TEXT NOT NULL DEFAULT '',
        applicant_id_number TEXT,
        owner               TEXT,
        contact             TEXT,
        summary             TEXT NOT NULL DEFAULT '',
        status              INTEGER NOT NULL CHECK (status BETWEEN 1 AND 10),
        received_at         TEXT NOT NULL,
        due_at              TEXT,
        due_reasoning       TEXT,
        accepted_by         TEXT,
        province_confirmed_at TEXT,
        updated_at          TEXT NOT NULL
      );
      CREATE INDEX dossiers_by_received ON dossiers (received_at DESC);
      CREATE INDEX dossiers_by_status ON dossiers (status, received_at DESC);
      CREATE INDEX dossiers_by_id_number ON dossiers (applicant_id_number);
      CREATE INDEX dossiers_by_confirmed ON dossiers (province_confirmed_at) WHERE province_confirmed_at IS NOT NULL;
      CREATE TABLE dossier_components (
        id             TEXT PRIMARY KEY,
        dossier_id     TEXT NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
        position       INTEGER NOT NULL,
        code           TEXT NOT NULL DEFAULT '',
        name           TEXT NOT NULL,
        originals      INTEGER NOT NULL DEFAULT 0,
        certified_copies INTEGER NOT NULL DEFAULT 0,
        photocopies    INTEGER NOT NULL DEFAULT 0,
        UNIQUE (dossier_id, position)
      );
      CREATE TABLE dossier_pages (
        component_id TEXT NOT NULL REFERENCES dossier_components (id) ON DELETE CASCADE,
        page_no      INTEGER NOT NULL CHECK (page_no >= 1),
        sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
        size         INTEGER NOT NULL,
        mime         TEXT NOT NULL,
        PRIMARY KEY (component_id, page_no)
      );
      CREATE INDEX dossier_pages_by_blob ON dossier_pages (sha256);
      CREATE TABLE dossier_status_history (
        id         INTEGER PRIMARY KEY,
        dossier_id TEXT NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
        status     INTEGER NOT NULL CHECK (status BETWEEN 1 AND 10),
        at         TEXT NOT NULL,
        by_user    TEXT,
        note       TEXT
      );
      CREATE INDEX dossier_status_by_dossier ON dossier_status_history (dossier_id, id);
      CREATE TABLE dossier_forms (
        id         INTEGER PRIMARY KEY,
        dossier_id TEXT NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
        form       TEXT NOT NULL,
        sha256     TEXT NOT NULL CHECK (length(sha256) = 64),
        issued_at  TEXT NOT NULL,
        by_user    TEXT
      );
      CREATE INDEX dossier_forms_by_dossier ON dossier_forms (dossier_id, id);
      -- Sequences that must never repeat: provisional codes per counter and day, official codes per
      -- agency and day when the province delegates numbering.
      CREATE TABLE code_sequences (
        scope TEXT NOT NULL,
        day   TEXT NOT NULL,
        last  INTEGER NOT NULL,
        PRIMARY KEY (scope, day)
      ) WITHOUT ROWID;
    `);
  },
};
