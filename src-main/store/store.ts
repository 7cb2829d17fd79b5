import type Database from 'better-sqlite3';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
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
import { damagedStoreError, inspectStoreFiles } from './store-files.ts';
import { ensureInstallation, type Installation } from './installation.ts';
import { removeStaleTempFiles } from './temp-files.ts';
import { withStoreOpenLock } from './open-lock.ts';
import { CounterError, diskError } from '../contract/errors.ts';

export interface StoreOptions {
  dataDir: string;
  /** Defaults to a 0600 key file in the data folder (web host, CLI). Electron passes safeStorage. */
  keyProvider?: KeyProvider;
  /** The features' migrations; the store's own (0001–0019) are always included. */
  migrations?: readonly Migration[];
  /** Who this counter is; read at every accept. */
  agency?: () => AgencyIdentity;
  /**
   * `PRAGMA integrity_check` on open: 'always', 'never', or 'auto' (default) — after an unclean
   * shutdown (the open marker was left behind), or when the last full check is older than a week.
   * A failure throws STORE_INTEGRITY_FAILED. The check reads the whole file (about a minute for a
   * multi-GB store on a slow disk), which is why a clean restart skips it.
   */
  checkIntegrity?: 'always' | 'never' | 'auto' | boolean;
  /** The PC's name as the installation identity records it (tests simulate several PCs). */
  hostName?: string;
}

export interface Store {
  readonly db: Database.Database;
  readonly dataDir: string;
  readonly dbPath: string;
  readonly migration: MigrationReport;
  /** Every migration id this build knows (a backup or database with others is from a newer version). */
  readonly knownMigrations: readonly number[];
  /** This installation's identity (its tag is part of every provisional code). */
  readonly installation: Installation;
  /** Whether open ran the integrity check, and why. */
  readonly startupCheck: StartupCheck;
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

/**
 * Opens (creating, migrating and checking) the counter's store in a data folder. Other processes
 * opening the same folder wait for this one to finish, so a new store is created exactly once.
 */
export function openStore(options: StoreOptions): Store {
  return withStoreOpenLock(options.dataDir, () => openLocked(options));
}

function openLocked(options: StoreOptions): Store {
  const dbPath = join(options.dataDir, DB_FILE);
  applyPendingRestore(options.dataDir, dbPath);
  // Refuses a missing, empty, foreign or truncated database before SQLite could create a new one.
  const files = inspectStoreFiles(options.dataDir, dbPath);
  const marker = `${dbPath}.open`;
  const hadMarker = existsSync(marker);
  let db: Database.Database;
  try {
    db = openDatabase(dbPath);
  } catch (err) {
    throw openFailure(err, dbPath);
  }
  try {
    const mode = options.checkIntegrity === true ? 'always' : options.checkIntegrity === false ? 'never' : (options.checkIntegrity ?? 'auto');
    // A log with no committed table in it is a first start cut short (power lost while the schema was
    // being created): only evidence outside the log shows that data was lost.
    const blank = !files.isNew && isBlankSchema(db);
    if (blank && files.evidence.some((e) => e !== `${DB_FILE}-wal`)) throw StoreErrors.raise('STORE_EMPTY', { dbPath, evidence: files.evidence });
    const isNew = files.isNew || blank;
    const startupCheck = checkOnOpen(db, mode, hadMarker);
    writeFileSync(marker, String(process.pid));
    const all = [...storeMigrations, ...(options.migrations ?? [])];
    const migration = runMigrations(db, all);
    if (startupCheck.ran) db.prepare("INSERT OR REPLACE INTO store_meta (key, value) VALUES ('last_integrity_check', ?)").run(new Date().toISOString());
    const keys = options.keyProvider ?? fileKeyProvider(options.dataDir);
    const blobs = new BlobStore(join(options.dataDir, BLOB_DIR), keys);
    guardKey(db, keys, blobs, isNew);
    const installation = ensureInstallation(options.dataDir, db, new Date(), options.hostName);
    removeStaleTempFiles(options.dataDir);
    const search = new SearchIndex(db);
    const agency = options.agency ?? (() => ({ code: '', counterId: '01' }));
    return {
      db,
      dataDir: options.dataDir,
      dbPath,
      migration,
      knownMigrations: all.map((m) => m.id),
      installation,
      startupCheck,
      blobs,
      search,
      dossiers: new DossierRepository(db, blobs, search, agency, installation.tag),
      procedures: new ProcedureRepository(db),
      users: new UserRepository(db),
      audit: new AuditLog(db),
      integrityCheck: () => integrityCheck(db),
      close: () => {
        if (!db.open) return;
        db.close();
        rmSync(marker, { force: true });
      },
    };
  } catch (err) {
    db.close();
    // A refused open is not an unclean shutdown: the next start must not think it crashed.
    if (!hadMarker) rmSync(marker, { force: true });
    throw openFailure(err, dbPath);
  }
}

/** A damaged file or a disk failure while opening, named by its cause; coded errors pass through. */
function openFailure(err: unknown, dbPath: string): unknown {
  if (err instanceof CounterError) return err;
  return damagedStoreError(err, dbPath) ?? diskError(err) ?? err;
}

/** A database file with no table at all: SQLite took an emptied file for a new one. */
function isBlankSchema(db: Database.Database): boolean {
  return !db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").get();
}

/**
 * The blob key is created once, with the store. Later, a missing key is refused while anything
 * encrypted with it may exist: a new key would silently turn every stored page into "damaged".
 */
function guardKey(db: Database.Database, keys: KeyProvider, blobs: BlobStore, isNew: boolean): void {
  const recorded = !!db.prepare("SELECT 1 FROM store_meta WHERE key = 'blob_key'").get();
  if (!isNew && keys.exists && !keys.exists() && (recorded || blobs.list().length > 0)) {
    throw StoreErrors.raise('BLOB_KEY_MISSING', { kind: keys.kind });
  }
  keys.getKey();
  if (!recorded) db.prepare("INSERT OR REPLACE INTO store_meta (key, value) VALUES ('blob_key', ?)").run(keys.kind);
}

export interface StartupCheck {
  ran: boolean;
  reason: 'unclean-shutdown' | 'weekly' | 'forced' | 'skipped';
  ms: number;
}

const WEEK_MS = 7 * 86_400_000;

function checkOnOpen(db: Database.Database, mode: 'always' | 'never' | 'auto', unclean: boolean): StartupCheck {
  if (mode === 'never') return { ran: false, reason: 'skipped', ms: 0 };
  const last = lastFullCheck(db);
  const reason = mode === 'always' ? 'forced' : unclean ? 'unclean-shutdown' : Date.now() - last > WEEK_MS ? 'weekly' : undefined;
  if (!reason) return { ran: false, reason: 'skipped', ms: 0 };
  const started = performance.now();
  const check = integrityCheck(db);
  if (!check.ok) throw StoreErrors.raise('STORE_INTEGRITY_FAILED', { problems: check.problems });
  return { ran: true, reason, ms: performance.now() - started };
}

function hasMetaTable(db: Database.Database): boolean {
  return !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'store_meta'").get();
}

function lastFullCheck(db: Database.Database): number {
  if (!hasMetaTable(db)) return 0;
  const row = db.prepare("SELECT value FROM store_meta WHERE key = 'last_integrity_check'").get() as { value: string } | undefined;
  return row ? Date.parse(row.value) : 0;
}
