import type { Migration } from './migration.ts';

/** Users with roles, and the append-only audit log of every access to personal data. */
export const m0003: Migration = {
  id: 3,
  name: 'users-audit',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id            TEXT PRIMARY KEY,
        username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name  TEXT NOT NULL,
        role          TEXT NOT NULL CHECK (role IN ('officer', 'health', 'it-admin')),
        password_hash TEXT NOT NULL,
        active        INTEGER NOT NULL DEFAULT 1,
        created_at    TEXT NOT NULL,
        last_login_at TEXT
      );
      CREATE TABLE audit_log (
        id         INTEGER PRIMARY KEY,
        at         TEXT NOT NULL,
        user_id    TEXT,
        action     TEXT NOT NULL,
        subject    TEXT NOT NULL DEFAULT '',
        reason     TEXT NOT NULL DEFAULT '',
        details    TEXT
      );
      CREATE INDEX audit_by_subject ON audit_log (subject, id);
      CREATE INDEX audit_by_user ON audit_log (user_id, id);
      -- The log is append-only: the app never updates or deletes a row.
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
      CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `);
  },
};
