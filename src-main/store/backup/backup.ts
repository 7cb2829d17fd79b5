import Database from 'better-sqlite3';
import { renameSync, rmSync, statSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Store } from '../store.ts';
import { StoreErrors } from '../store-errors.ts';
import { CounterError, diskError } from '../../contract/errors.ts';
import { fsyncFile } from '../atomic-file.ts';

export interface BackupReport {
  file: string;
  bytes: number;
  dossiers: number;
  blobs: number;
  createdAt: string;
}

/**
 * Online backup to one file: SQLite's backup API copies a consistent snapshot while the counter keeps
 * working; the encrypted blobs are then added to that copy as a table (they stay encrypted, so the
 * backup is only readable with this counter's key). Written to a temp name, fsynced, then renamed.
 */
export async function backupStore(store: Store, file: string, now: Date = new Date()): Promise<BackupReport> {
  const tmp = join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await store.db.backup(tmp);
    const copy = new Database(tmp);
    let blobs = 0;
    let dossiers = 0;
    try {
      copy.pragma('journal_mode = DELETE');
      copy.exec(`CREATE TABLE backup_blobs (sha256 TEXT PRIMARY KEY, sealed BLOB NOT NULL);
                 CREATE TABLE backup_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`);
      const insert = copy.prepare('INSERT OR IGNORE INTO backup_blobs (sha256, sealed) VALUES (?, ?)');
      copy.transaction(() => {
        for (const sha of store.blobs.list()) {
          insert.run(sha, store.blobs.readSealed(sha));
          blobs++;
        }
        const meta = copy.prepare('INSERT INTO backup_meta (key, value) VALUES (?, ?)');
        meta.run('created_at', now.toISOString());
        meta.run('format', 'one-stop-counter-backup-1');
      })();
      dossiers = (copy.prepare('SELECT count(*) AS n FROM dossiers').get() as { n: number }).n;
    } finally {
      copy.close();
    }
    fsyncFile(tmp);
    renameSync(tmp, file);
    fsyncFile(dirname(file));
    const bytes = statSync(file).size;
    return { file, bytes, dossiers, blobs, createdAt: now.toISOString() };
  } catch (err) {
    rmSync(tmp, { force: true });
    rmSync(`${tmp}-journal`, { force: true });
    if (err instanceof CounterError) throw err;
    // "Disk full" (or the real cause) rather than a generic failure: IT knows what to do about it.
    throw diskError(err) ?? StoreErrors.raise('BACKUP_FAILED', { file, reason: String(err) });
  }
}

