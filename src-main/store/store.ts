import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { BlobStore } from './blobs/blob-store.ts';
import { fileKeyProvider, type KeyProvider } from './blobs/key-provider.ts';
import { integrityCheck, openDatabase } from './db.ts';
import { storeMigrations } from './migrations/index.ts';
import type { Migration } from './migrations/migration.ts';
import { runMigrations, type MigrationReport } from './migrations/runner.ts';
import { DossierRepository, type AgencyIdentity } from './repos/dossier-repo.ts';
import { ProcedureRepository } from './repos/procedure-repo.ts';
import { SearchIndex } from './repos/search-index.ts';
import { StoreErrors } from './store-errors.ts';
import { applyPendingRestore } from './backup/restore.ts';
import { UserRepository } from './repos/user-repo.ts';
import { AuditLog } from './repos/audit-log.ts';

export interface StoreOptions {
  dataDir: string;
  /** Defaults to a 0600 key file in the data folder (web host, CLI). Electron passes safeStorage. */
  keyProvider?: KeyProvider;
  /** Other areas' migrations; the store's own (0001–0019) are always included. */
  migrations?: readonly Migration[];
  /** Who this counter is; read at every accept. */
  agency?: () => AgencyIdentity;
  /** Run `PRAGMA integrity_check` on open (default true); a failure throws STORE_INTEGRITY_FAILED. */
  checkIntegrity?: boolean;
}

export interface Store {
  readonly db: Database.Database;
  readonly dataDir: string;
  readonly dbPath: string;
  readonly migration: MigrationReport;
  readonly blobs: BlobStore;
  readonly dossiers: DossierRepository;
  readonly procedures: ProcedureRepository;
  readonly search: SearchIndex;
  readonly users: UserRepository;
  readonly audit: AuditLog;
  integrityCheck(): { ok: boolean; problems: string[] };
  close(): void;
}

export const DB_FILE = 'counter.sqlite';
export const BLOB_DIR = 'blobs';

/** Opens (creating, migrating and checking) the counter's store in a data folder. */
export function openStore(options: StoreOptions): Store {
  const dbPath = join(options.dataDir, DB_FILE);
  applyPendingRestore(options.dataDir, dbPath);
  const db = openDatabase(dbPath);
  try {
    if (options.checkIntegrity ?? true) {
      const check = integrityCheck(db);
      if (!check.ok) throw StoreErrors.raise('STORE_INTEGRITY_FAILED', { problems: check.problems });
    }
    const migration = runMigrations(db, [...storeMigrations, ...(options.migrations ?? [])]);
    const keys = options.keyProvider ?? fileKeyProvider(options.dataDir);
    const blobs = new BlobStore(join(options.dataDir, BLOB_DIR), keys);
    const search = new SearchIndex(db);
    const agency = options.agency ?? (() => ({ code: '', counterId: '01' }));
    return {
      db,
      dataDir: options.dataDir,
      dbPath,
      migration,
      blobs,
      search,
      dossiers: new DossierRepository(db, blobs, search, agency),
      procedures: new ProcedureRepository(db),
      users: new UserRepository(db),
      audit: new AuditLog(db),
      integrityCheck: () => integrityCheck(db),
      close: () => {
        if (db.open) db.close();
      },
    };
  } catch (err) {
    db.close();
    throw err;
  }
}
