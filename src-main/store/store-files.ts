import { closeSync, existsSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { StoreErrors } from './store-errors.ts';

/**
 * Files whose presence shows that this data folder has held a store before. A store is created new
 * only when none of them exists (a first run); otherwise a missing, empty or foreign database is a
 * damaged store, and the app stops instead of creating a new one over the old data.
 */
export const STORE_EVIDENCE = ['installation.json', 'blob.key', 'blob.key.wrapped'] as const;

export interface StoreFiles {
  /** True on a first run: no database and nothing else of a store in the folder. */
  isNew: boolean;
  /** What shows that a store existed here (for the error details and for IT). */
  evidence: string[];
}

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER = 100;

/** Looks at the data folder before SQLite touches it; throws a coded error for a damaged database. */
export function inspectStoreFiles(dataDir: string, dbPath: string): StoreFiles {
  const evidence = storeEvidence(dataDir, dbPath);
  const size = existsSync(dbPath) ? statSync(dbPath).size : -1;
  if (size <= 0) {
    if (evidence.length === 0) return { isNew: true, evidence };
    // SQLite itself recovers a database whose content is still only in its WAL.
    if (size === 0 && evidence.includes(`${basename(dbPath)}-wal`)) return { isNew: false, evidence };
    throw StoreErrors.raise(size === 0 ? 'STORE_EMPTY' : 'STORE_MISSING', { dbPath, evidence });
  }
  try {
    checkHeader(dbPath, size, evidence.includes(`${basename(dbPath)}-wal`));
  } catch (err) {
    // Another process may be creating or checkpointing this file at this very moment: a damaged
    // file is still damaged a moment later, a file being written is not.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    const again = existsSync(dbPath) ? statSync(dbPath).size : -1;
    if (again <= 0) throw err;
    checkHeader(dbPath, again, existsSync(`${dbPath}-wal`) && statSync(`${dbPath}-wal`).size > 0);
  }
  return { isNew: false, evidence };
}

function storeEvidence(dataDir: string, dbPath: string): string[] {
  const found: string[] = STORE_EVIDENCE.filter((f) => existsSync(join(dataDir, f)));
  const wal = `${dbPath}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) found.push(`${basename(dbPath)}-wal`);
  if (hasBlobFiles(join(dataDir, 'blobs'))) found.push('blobs/');
  return found;
}

function hasBlobFiles(dir: string): boolean {
  if (!existsSync(dir)) return false;
  for (const sub of readdirSync(dir, { withFileTypes: true })) {
    if (!sub.isDirectory()) continue;
    if (readdirSync(join(dir, sub.name)).some((f) => /^[0-9a-f]{64}$/.test(f))) return true;
  }
  return false;
}

/**
 * The 100-byte SQLite header (sqlite.org/fileformat.html §1.3): magic string, page size at 16, file
 * change counter at 24, page count at 28, valid-for at 92. The page count is trusted only when
 * valid-for equals the change counter, as SQLite does.
 */
function checkHeader(dbPath: string, size: number, walInUse: boolean): void {
  const header = Buffer.alloc(HEADER);
  const fd = openSync(dbPath, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, HEADER, 0);
  } finally {
    closeSync(fd);
  }
  if (read < HEADER || !header.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw StoreErrors.raise('STORE_NOT_A_DATABASE', { dbPath, size });
  }
  const raw = header.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) {
    throw StoreErrors.raise('STORE_NOT_A_DATABASE', { dbPath, size, pageSize: raw });
  }
  const pages = header.readUInt32BE(28);
  const sizeValid = header.readUInt32BE(92) === header.readUInt32BE(24);
  // With a WAL in use, a checkpoint (or its replay after a crash) may have written page 1 before the
  // file grew: SQLite completes it from the WAL, so only a file without one is judged by its length.
  if (!walInUse && (size % pageSize !== 0 || (sizeValid && pages > 0 && size < pages * pageSize))) {
    throw StoreErrors.raise('STORE_TRUNCATED', { dbPath, size, expected: sizeValid ? pages * pageSize : undefined, pageSize });
  }
}

/** SQLite's own verdict on a damaged file, as a coded store error (undefined for anything else). */
export function damagedStoreError(err: unknown, dbPath: string): Error | undefined {
  const code = err instanceof Error && 'code' in err && typeof err.code === 'string' ? err.code : '';
  if (code === 'SQLITE_NOTADB') return StoreErrors.raise('STORE_NOT_A_DATABASE', { dbPath, reason: String(err) });
  if (code.startsWith('SQLITE_CORRUPT')) return StoreErrors.raise('STORE_DAMAGED', { dbPath, reason: String(err) });
  return undefined;
}
