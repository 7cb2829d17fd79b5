import type { Migration } from '../../../store/migrations/migration.ts';

/**
 * Scan sessions on disk (scanning area, numbers 0040–0049), so a reception's pages survive a crash
 * or a power cut. Image bytes live in the encrypted blob store (by SHA-256); a row holds only their
 * addresses and what the pipeline and OCR found. `position` is the page's place in the session;
 * `state` is where the pipeline was, so a restart knows what to redo ('processing' → prepare again
 * from the original, 'ocr' → recognise again).
 */
export const scanMigrations: Migration[] = [
  {
    id: 40,
    name: 'scan-sessions',
    up(db) {
      db.exec(`
        CREATE TABLE scan_session (
          id          TEXT PRIMARY KEY,
          created_at  INTEGER NOT NULL,
          touched_at  INTEGER NOT NULL,
          device_id   TEXT
        );
        CREATE INDEX scan_session_touched ON scan_session (touched_at);
        CREATE TABLE scan_page (
          id            TEXT PRIMARY KEY,
          session_id    TEXT NOT NULL REFERENCES scan_session (id) ON DELETE CASCADE,
          position      INTEGER NOT NULL,
          side          TEXT CHECK (side IN ('front', 'back')),
          state         TEXT NOT NULL CHECK (state IN ('processing', 'ocr', 'done', 'error')),
          original_sha  TEXT NOT NULL,
          original_mime TEXT NOT NULL,
          image_sha     TEXT,
          thumb_sha     TEXT,
          width         INTEGER NOT NULL,
          height        INTEGER NOT NULL,
          dpi           REAL NOT NULL,
          bytes         INTEGER NOT NULL,
          rotation      INTEGER NOT NULL,
          component_id  TEXT,
          analysis_json TEXT,
          flags_json    TEXT NOT NULL,
          words_json    TEXT NOT NULL,
          text          TEXT,
          confidence    REAL,
          text_source   TEXT CHECK (text_source IN ('ocr', 'pdf')),
          error         TEXT
        );
        CREATE INDEX scan_page_session ON scan_page (session_id, position);
      `);
    },
  },
];
