import Database from 'better-sqlite3';
import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Opens the counter database with the settings a power cut needs: WAL (readers never block the
 * writer), foreign keys enforced, and synchronous=FULL so a committed accept is on disk before the
 * officer is told it is — WAL with FULL costs one fsync of the log per commit.
 */
export function openDatabase(path: string, options: { readonly?: boolean } = {}): Database.Database {
  if (!options.readonly) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  // Personal data: readable by the counter's OS user only (the WAL and SHM files inherit this mode).
  if (!options.readonly && process.platform !== 'win32') chmodSync(path, 0o600);
  db.pragma('busy_timeout = 10000');
  if (!options.readonly) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = FULL');
  // Keep the WAL small so a crash leaves little to replay; 64 MB page cache for search.
  db.pragma('wal_autocheckpoint = 2000');
  db.pragma('cache_size = -65536');
  return db;
}

/** `PRAGMA integrity_check`: "ok" or the first problems found. */
export function integrityCheck(db: Database.Database, max = 20): { ok: boolean; problems: string[] } {
  const rows = db.pragma(`integrity_check(${max})`) as Array<{ integrity_check: string }>;
  const problems = rows.map((r) => r.integrity_check).filter((s) => s !== 'ok');
  return { ok: problems.length === 0, problems };
}
