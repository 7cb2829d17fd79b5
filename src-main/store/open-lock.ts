import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { StoreErrors } from './store-errors.ts';

/** An empty file whose OS lock (SQLite's own: fcntl on POSIX, LockFileEx on Windows) guards opening. */
export const OPEN_LOCK_FILE = 'store-open.lock';

/**
 * Runs the opening of a store (inspect, create, migrate, key, installation identity) while holding
 * an exclusive lock on the data folder, so two processes starting on one folder at once (the app and
 * the CLI, two windows) see either no store or a finished one, never one half created. The lock is
 * an operating-system file lock, released by the OS when its process dies, so a crash mid-open never
 * leaves a stale lock behind.
 */
export function withStoreOpenLock<T>(dataDir: string, open: () => T, timeoutMs = 30_000): T {
  mkdirSync(dataDir, { recursive: true });
  const lock = new Database(join(dataDir, OPEN_LOCK_FILE), { timeout: timeoutMs });
  try {
    try {
      lock.exec('BEGIN EXCLUSIVE');
    } catch (err) {
      if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) throw StoreErrors.raise('STORE_BUSY', { dataDir, waitedMs: timeoutMs });
      throw err;
    }
    try {
      return open();
    } finally {
      lock.exec('ROLLBACK');
    }
  } finally {
    lock.close();
  }
}
