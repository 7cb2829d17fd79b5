import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_AGENCY, FIXTURE_DIR } from '../../../scripts/fixtures-schemas.ts';
import { backupStore } from '../../../src-main/store/backup/backup.ts';
import { PENDING_RESTORE, stageRestore } from '../../../src-main/store/backup/restore.ts';
import { BACKUP_KEY_PURPOSE, openSealedFile, sealFile } from '../../../src-main/store/backup/sealed-file.ts';
import { DB_FILE, openStore, type Store } from '../../../src-main/store/store.ts';
import { codedError, draft, tempDir } from '../../unit/store/helpers.ts';
import { appMigrations } from './app-migrations.ts';

const agency = () => ({ code: FIXTURE_AGENCY, counterId: '01' });
const open = (dataDir: string): Store => openStore({ dataDir, agency, migrations: appMigrations().filter((m) => m.id >= 20) });

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
function dir(prefix: string): string {
  const t = tempDir(prefix);
  cleanups.push(t.cleanup);
  return t.dir;
}

/** A backup file as the backup of that level made it: the database plus its two backup tables, sealed with this agency's key. */
function backupAtLevel(level: string, file: string, key: Buffer): void {
  const plain = `${file}.plain`;
  copyFileSync(join(FIXTURE_DIR, `${level}.sqlite`), plain);
  const db = new Database(plain);
  db.exec(`CREATE TABLE backup_blobs (sha256 TEXT PRIMARY KEY, sealed BLOB NOT NULL);
           CREATE TABLE backup_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
           INSERT INTO backup_meta VALUES ('created_at', '2026-03-02T10:00:00.000Z'), ('format', 'one-stop-counter-backup-1');`);
  db.close();
  sealFile(plain, file, key);
}

/** Opens a sealed backup, lets `edit` change the database inside, and seals it again with the same key. */
function editSealed(file: string, key: Buffer, edit: (plainPath: string) => void): void {
  const plain = `${file}.plain`;
  openSealedFile(file, plain, key);
  edit(plain);
  rmSync(file);
  sealFile(plain, file, key);
}

/** Marks a database as touched by a migration this build does not know (a newer version's). */
function makeNewer(file: string, how: 'unknown-id' | 'version-only'): void {
  const db = new Database(file);
  if (how === 'unknown-id') db.prepare("INSERT INTO schema_migrations (id, name, applied_at) VALUES (97, 'future-feature', '2027-01-01T00:00:00.000Z')").run();
  db.pragma('user_version = 97');
  db.close();
}


describe('backups and databases from other versions', () => {
  it('restoring a backup made at an older schema upgrades it at the next start, with its data', () => {
    const data = dir('restore-old-');
    const store = open(data);
    store.close();
    const file = join(dir('backup-'), 'cu.sqlite');
    const again = open(data);
    backupAtLevel('l2-0020', file, again.blobs.derivedKey(BACKUP_KEY_PURPOSE));
    const report = stageRestore(data, file, again.blobs, again.knownMigrations);
    again.close();
    expect(report).toMatchObject({ dossiers: 3 });
    const restored = open(data);
    try {
      const later = appMigrations().map((m) => m.id).filter((id) => ![1, 2, 3, 20].includes(id)).sort((x, y) => x - y);
      expect(restored.migration.from).toBe(20);
      expect(restored.migration.applied.map((m) => m.id)).toEqual(later);
      expect(restored.dossiers.get('d-0001').officialCode).toBe(`${FIXTURE_AGENCY}-260302-0041`);
      expect(restored.db.prepare('SELECT count(*) FROM sync_outbox').pluck().get()).toBe(3);
      expect(restored.db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('backup_blobs', 'backup_meta')").pluck().get()).toBe(0);
      expect(restored.dossiers.accept({ ...draft(), receivedAt: '2026-03-02T03:00:00.000Z' }).provisionalCode).toMatch(/-260302-T01-[0-9A-Z]{4}-0004$/);
    } finally {
      restored.close();
    }
  });

  it('a backup from a newer version is refused with STORE_TOO_NEW and nothing is staged', async () => {
    const data = dir('restore-new-');
    const store = open(data);
    try {
      store.dossiers.accept(draft());
      const file = join(dir('backup-'), 'moi.sqlite');
      await backupStore(store, file);
      editSealed(file, store.blobs.derivedKey(BACKUP_KEY_PURPOSE), (plain) => makeNewer(plain, 'unknown-id'));
      const err = codedError(() => stageRestore(data, file, store.blobs, store.knownMigrations));
      expect(err.code).toBe('STORE_TOO_NEW');
      expect(err.messages.vi).toMatch(/phiên bản mới hơn/);
      expect(err.details).toMatchObject({ unknown: [97] });
      expect(existsSync(join(data, PENDING_RESTORE))).toBe(false);
    } finally {
      store.close();
    }
  });

  for (const how of ['unknown-id', 'version-only'] as const) {
    it(`a database from a newer version (${how}) is refused with STORE_TOO_NEW and left untouched`, () => {
      const data = dir('too-new-');
      open(data).close();
      const dbPath = join(data, DB_FILE);
      makeNewer(dbPath, how);
      const before = readFileSync(dbPath);
      const err = codedError(() => open(data));
      expect(err.code).toBe('STORE_TOO_NEW');
      expect(err.messages.vi).toMatch(/^Cơ sở dữ liệu do một phiên bản mới hơn/);
      expect(err.details).toMatchObject({ version: 97, newest: 40, unknown: how === 'unknown-id' ? [97] : [] });
      expect(readFileSync(dbPath).equals(before)).toBe(true);
      expect(existsSync(`${dbPath}.open`)).toBe(false);
    });
  }
});
