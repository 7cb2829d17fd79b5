import Database from 'better-sqlite3';
import { chmodSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Store } from '../store.ts';
import { StoreErrors } from '../store-errors.ts';
import { BACKUP_KEY_PURPOSE, sealFile } from './sealed-file.ts';
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
 * working, inside the (private) data folder; the encrypted blobs are then added to that copy as a
 * table, and the whole copy is sealed with a key derived from this agency's data key (see
 * sealed-file.ts), so the file is readable and restorable only here. Written 0600 to a temp name,
 * fsynced, then renamed.
 */
export async function backupStore(store: Store, file: string, now: Date = new Date()): Promise<BackupReport> {
  const nonce = randomBytes(4).toString('hex');
  const tmp = join(store.dataDir, `.backup-${nonce}.tmp`);
  const sealedTmp = join(dirname(file), `.${basename(file)}.${nonce}.tmp`);
  try {
    await store.db.backup(tmp);
    if (process.platform !== 'win32') chmodSync(tmp, 0o600);
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
    sealFile(tmp, sealedTmp, store.blobs.derivedKey(BACKUP_KEY_PURPOSE));
    rmSync(tmp, { force: true });
    fsyncFile(sealedTmp);
    renameSync(sealedTmp, file);
    fsyncFile(dirname(file));
    const bytes = statSync(file).size;
    return { file, bytes, dossiers, blobs, createdAt: now.toISOString() };
  } catch (err) {
    rmSync(tmp, { force: true });
    rmSync(sealedTmp, { force: true });
    rmSync(`${tmp}-journal`, { force: true });
    if (err instanceof CounterError) throw err;
    // "Disk full" (or the real cause) rather than a generic failure: IT knows what to do about it.
    throw diskError(err) ?? StoreErrors.raise('BACKUP_FAILED', { file, reason: String(err) });
  }
}

