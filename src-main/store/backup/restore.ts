import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { BlobStore } from '../blobs/blob-store.ts';
import { integrityCheck } from '../db.ts';
import { StoreErrors } from '../store-errors.ts';
import { fsyncFile } from '../atomic-file.ts';
import { BACKUP_KEY_PURPOSE, openSealedFile } from './sealed-file.ts';
import { renewInstallationTag } from '../installation.ts';
import { unknownMigrations } from '../migrations/runner.ts';
import { CounterError, diskError } from '../../contract/errors.ts';

export const PENDING_RESTORE = 'restore-pending.sqlite';

export interface RestoreReport {
  dossiers: number;
  blobs: number;
  createdAt: string;
  /** The restored database replaces the current one the next time the store opens. */
  pending: string;
}

/**
 * Opens a backup sealed with this agency's key (anything else, or any edit, is BACKUP_NOT_SEALED),
 * checks it (integrity, format, every blob decrypts with this counter's key), puts its blobs
 * back into the blob store, and stages the database to replace the live one at the next start: the
 * running app keeps a consistent view until it is restarted, and a bad backup never replaces anything.
 */
export function stageRestore(dataDir: string, file: string, blobs: BlobStore, knownMigrations?: readonly number[]): RestoreReport {
  if (!existsSync(file)) throw StoreErrors.raise('BACKUP_INVALID', { file, reason: 'missing' });
  const plain = join(dataDir, `.restore-${randomBytes(4).toString('hex')}.tmp`);
  openSealedFile(file, plain, blobs.derivedKey(BACKUP_KEY_PURPOSE));
  try {
    return stageOpened(dataDir, file, plain, blobs, knownMigrations);
  } finally {
    rmSync(plain, { force: true });
  }
}

function stageOpened(dataDir: string, file: string, plain: string, blobs: BlobStore, knownMigrations?: readonly number[]): RestoreReport {
  let src: Database.Database;
  try {
    src = new Database(plain, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw StoreErrors.raise('BACKUP_INVALID', { file, reason: String(err) });
  }
  let report: Omit<RestoreReport, 'pending'>;
  try {
    const check = (() => {
      try {
        return integrityCheck(src);
      } catch (err) {
        return { ok: false, problems: [String(err)] };
      }
    })();
    if (!check.ok) throw StoreErrors.raise('BACKUP_INVALID', { file, problems: check.problems });
    const format = src.prepare("SELECT value FROM sqlite_master m, backup_meta b WHERE m.name = 'backup_meta' AND b.key = 'format'").get() as
      | { value: string }
      | undefined;
    if (format?.value !== 'one-stop-counter-backup-1') throw StoreErrors.raise('BACKUP_INVALID', { file, reason: 'format' });
    // A backup from a newer version would be refused at the next start, after replacing the live store.
    if (knownMigrations) {
      const applied = src.prepare("SELECT id FROM schema_migrations").pluck().all() as number[];
      const newer = unknownMigrations(knownMigrations, applied, src.pragma('user_version', { simple: true }) as number);
      if (newer) throw StoreErrors.raise('STORE_TOO_NEW', { file, ...newer });
    }
    let count = 0;
    for (const row of src.prepare('SELECT sha256, sealed FROM backup_blobs').iterate() as Iterable<{ sha256: string; sealed: Buffer }>) {
      try {
        blobs.putSealed(row.sha256, row.sealed);
      } catch {
        throw StoreErrors.raise('BACKUP_INVALID', { file, reason: 'blob does not decrypt with this counter key', sha256: row.sha256 });
      }
      count++;
    }
    const createdAt = (src.prepare("SELECT value FROM backup_meta WHERE key = 'created_at'").get() as { value: string }).value;
    const dossiers = (src.prepare('SELECT count(*) AS n FROM dossiers').get() as { n: number }).n;
    report = { dossiers, blobs: count, createdAt };
  } catch (err) {
    if (err instanceof CounterError) throw err;
    const disk = diskError(err);
    if (disk) throw disk;
    throw StoreErrors.raise('BACKUP_INVALID', { file, reason: String(err) });
  } finally {
    src.close();
  }
  const pending = join(dataDir, PENDING_RESTORE);
  try {
    fsyncFile(plain);
    renameSync(plain, pending);
    fsyncFile(dataDir);
  } catch (err) {
    // A full disk must not leave a half copy behind; the caller removes the opened copy.
    throw diskError(err) ?? StoreErrors.raise('BACKUP_INVALID', { file, reason: String(err) });
  }
  return { ...report, pending };
}

/**
 * Called before the database is opened: if a restore is staged, the current database (with its WAL)
 * is kept aside as `counter.sqlite.before-restore-<time>` and the staged one takes its place.
 */
export function applyPendingRestore(dataDir: string, dbPath: string, now: Date = new Date()): boolean {
  const pending = join(dataDir, PENDING_RESTORE);
  if (!existsSync(pending)) return false;
  const staged = new Database(pending);
  try {
    staged.exec('DROP TABLE IF EXISTS backup_blobs; DROP TABLE IF EXISTS backup_meta;');
  } finally {
    staged.close();
  }
  const aside = `${dbPath}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, aside + suffix);
  }
  renameSync(pending, dbPath);
  rmSync(`${pending}-journal`, { force: true });
  fsyncFile(dataDir);
  renewInstallationTag(dataDir);
  return true;
}
