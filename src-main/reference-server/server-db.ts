import Database from 'better-sqlite3';

/** The reference server's own SQLite: what the province holds, and its per-agency daily code counter. */
export function openServerDb(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(`
    CREATE TABLE IF NOT EXISTS dossiers (
      seq          INTEGER PRIMARY KEY AUTOINCREMENT,
      id           TEXT NOT NULL UNIQUE,          -- the Idempotency-Key (client dossier UUID)
      client_id    TEXT NOT NULL,
      agency       TEXT NOT NULL,
      so_bien_nhan TEXT NOT NULL,                 -- the client's provisional code, NOT unique here on purpose:
                                                  -- a client that re-keyed a retry would show up as two rows
      payload      TEXT NOT NULL,
      committed    INTEGER NOT NULL DEFAULT 0,
      ma_ho_so     TEXT UNIQUE,
      status       TEXT NOT NULL DEFAULT '1',
      received_at  TEXT,
      change_seq   INTEGER NOT NULL DEFAULT 0,
      upserts      INTEGER NOT NULL DEFAULT 0,
      commits      INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX IF NOT EXISTS dossiers_by_change ON dossiers (client_id, change_seq);
    CREATE TABLE IF NOT EXISTS files (
      dossier_id TEXT NOT NULL,
      file_id    TEXT NOT NULL,
      name       TEXT NOT NULL,
      size       INTEGER NOT NULL,
      sha256     TEXT NOT NULL,
      complete   INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (dossier_id, file_id)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS progress (
      id         INTEGER PRIMARY KEY,
      dossier_id TEXT NOT NULL,
      status     TEXT NOT NULL,
      at         TEXT NOT NULL,
      note       TEXT NOT NULL,
      by_whom    TEXT
    );
    CREATE INDEX IF NOT EXISTS progress_by_dossier ON progress (dossier_id, id);
    CREATE TABLE IF NOT EXISTS results (
      dossier_id TEXT NOT NULL,
      doc_id     TEXT NOT NULL,
      name       TEXT NOT NULL,
      code       TEXT,
      sha256     TEXT NOT NULL,
      bytes      BLOB NOT NULL,
      PRIMARY KEY (dossier_id, doc_id)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS code_seq (
      agency TEXT NOT NULL,
      day    TEXT NOT NULL,
      last   INTEGER NOT NULL,
      PRIMARY KEY (agency, day)
    ) WITHOUT ROWID;
    -- Status updates sent by counters (POST /dossiers/{id}/status), keyed by their Idempotency-Key.
    CREATE TABLE IF NOT EXISTS status_updates (
      key        TEXT PRIMARY KEY,
      dossier_id TEXT NOT NULL,
      client_id  TEXT NOT NULL,
      payload    TEXT NOT NULL,
      applied    INTEGER NOT NULL DEFAULT 0,
      posts      INTEGER NOT NULL DEFAULT 0
    );
    -- Result documents a counter declared with a status update, until their bytes are complete.
    CREATE TABLE IF NOT EXISTS result_uploads (
      dossier_id TEXT NOT NULL,
      doc_id     TEXT NOT NULL,
      name       TEXT NOT NULL,
      code       TEXT,
      size       INTEGER NOT NULL,
      sha256     TEXT NOT NULL,
      complete   INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (dossier_id, doc_id)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
  `);
  return db;
}

export interface DossierRow {
  seq: number;
  id: string;
  client_id: string;
  agency: string;
  so_bien_nhan: string;
  payload: string;
  committed: number;
  ma_ho_so: string | null;
  status: string;
  received_at: string | null;
  change_seq: number;
  upserts: number;
  commits: number;
}

export interface FileRow {
  dossier_id: string;
  file_id: string;
  name: string;
  size: number;
  sha256: string;
  complete: number;
}

/** Next value of the server-wide change counter (the `/changes` cursor). */
export function nextChange(db: Database.Database): number {
  db.prepare("INSERT INTO meta (key, value) VALUES ('change', 1) ON CONFLICT (key) DO UPDATE SET value = value + 1").run();
  return (db.prepare("SELECT value FROM meta WHERE key = 'change'").get() as { value: number }).value;
}

/** `{agency}-{yyMMdd}-{NNNN}`: the per-agency, per-day sequence, issued inside the caller's transaction. */
export function issueCode(db: Database.Database, agency: string, day: string): string {
  db.prepare('INSERT INTO code_seq (agency, day, last) VALUES (?, ?, 1) ON CONFLICT (agency, day) DO UPDATE SET last = last + 1').run(agency, day);
  const { last } = db.prepare('SELECT last FROM code_seq WHERE agency = ? AND day = ?').get(agency, day) as { last: number };
  return `${agency}-${day}-${String(last).padStart(4, '0')}`;
}
