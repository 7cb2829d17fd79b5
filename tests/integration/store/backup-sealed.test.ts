import { describe, expect, it } from 'vitest';
import { readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../../../src-main/store/store.ts';
import { backupStore } from '../../../src-main/store/backup/backup.ts';
import { stageRestore } from '../../../src-main/store/backup/restore.ts';
import { tempDir, draft, AGENCY } from '../../unit/store/helpers.ts';

const NAME = 'Trần Thị Sao Lưu';
const ID = '001185067890';

describe('backups are sealed with this agency’s key', () => {
  it('writes a private file that holds no readable personal data', async () => {
    const t = tempDir('sealed-');
    const store = openStore({ dataDir: join(t.dir, 'data'), agency: () => AGENCY });
    store.dossiers.accept(draft({}, NAME, ID));
    const file = join(t.dir, 'backup.osc');
    await backupStore(store, file);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toContain('SQLite format');
    expect(bytes.includes(Buffer.from(ID))).toBe(false);
    expect(bytes.includes(Buffer.from(NAME))).toBe(false);
    store.close();
    t.cleanup();
  });

  it('refuses a plain SQLite backup (a hand-edited file), a flipped byte and another agency’s backup', async () => {
    const t = tempDir('sealed-');
    const dataDir = join(t.dir, 'data');
    const store = openStore({ dataDir, agency: () => AGENCY });
    const kept = store.dossiers.accept(draft({}, NAME, ID));
    const file = join(t.dir, 'backup.osc');
    await backupStore(store, file);

    // What an attacker can produce: a well-formed backup database, edited by hand.
    const forged = join(t.dir, 'forged.sqlite');
    await store.db.backup(forged);
    const db = new Database(forged);
    db.exec("CREATE TABLE backup_blobs (sha256 TEXT PRIMARY KEY, sealed BLOB NOT NULL); CREATE TABLE backup_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); INSERT INTO backup_meta VALUES ('format','one-stop-counter-backup-1'), ('created_at','2026-01-01T00:00:00Z'); DELETE FROM audit_log;");
    db.close();
    expect(() => stageRestore(dataDir, forged, store.blobs)).toThrow(/BACKUP_NOT_SEALED/);

    const flipped = Buffer.from(readFileSync(file));
    flipped[flipped.length >> 1]! ^= 0x01;
    writeFileSync(join(t.dir, 'flipped.osc'), flipped);
    expect(() => stageRestore(dataDir, join(t.dir, 'flipped.osc'), store.blobs)).toThrow(/BACKUP_NOT_SEALED/);

    const other = openStore({ dataDir: join(t.dir, 'other'), agency: () => AGENCY });
    other.dossiers.accept(draft({}, 'Người Khác'));
    await backupStore(other, join(t.dir, 'other.osc'));
    expect(() => stageRestore(dataDir, join(t.dir, 'other.osc'), store.blobs)).toThrow(/BACKUP_NOT_SEALED/);
    expect(existsSync(join(dataDir, 'restore-pending.sqlite'))).toBe(false);

    // The genuine backup still restores.
    expect(stageRestore(dataDir, file, store.blobs)).toMatchObject({ dossiers: 1 });
    store.close();
    other.close();
    const reopened = openStore({ dataDir, agency: () => AGENCY });
    expect(reopened.dossiers.get(kept.id).applicant.identity.fullName).toBe(NAME);
    reopened.close();
    t.cleanup();
  });
});
