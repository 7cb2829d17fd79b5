import { describe, expect, it } from 'vitest';
import { existsSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../../src-main/store/store.ts';
import { backupStore } from '../../../src-main/store/backup/backup.ts';
import { stageRestore } from '../../../src-main/store/backup/restore.ts';
import { tempDir, draft, AGENCY } from '../../unit/store/helpers.ts';

describe('online backup and restore', () => {
  it('backs up while the store is in use and restores dossiers and blobs at the next open', async () => {
    const t = tempDir('backup-');
    const dataDir = join(t.dir, 'data');
    const store = openStore({ dataDir, agency: () => AGENCY });
    const page = store.blobs.put(Buffer.from('scan of page 1'));
    const kept = store.dossiers.accept(draft({ components: [{ name: 'Tờ khai', pages: [{ pageNo: 1, sha256: page.sha256, size: page.size, mime: 'image/png' }] }] }));
    store.search.indexPageText(kept.id, kept.components[0]!.id, 1, 'Giấy chứng sinh Đồng Tâm');
    const file = join(t.dir, 'backup.sqlite');
    const report = await backupStore(store, file);
    expect(report).toMatchObject({ dossiers: 1, blobs: 1 });

    // Work after the backup, then lose the blob: the restore brings back the backed-up state.
    const later = store.dossiers.accept(draft({}, 'Người Sau Sao Lưu'));
    store.blobs.delete(page.sha256);
    const staged = stageRestore(dataDir, file, store.blobs);
    expect(staged).toMatchObject({ dossiers: 1, blobs: 1 });
    expect(store.blobs.get(page.sha256).toString()).toBe('scan of page 1');
    expect(store.dossiers.find(later.id)).toBeDefined(); // the running store is untouched until restart
    store.close();

    const reopened = openStore({ dataDir, agency: () => AGENCY });
    expect(reopened.dossiers.get(kept.id)).toEqual(kept);
    expect(reopened.dossiers.find(later.id)).toBeUndefined();
    expect(reopened.search.query('dong tam', 5).map((h) => h.dossierId)).toEqual([kept.id]);
    expect(reopened.db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'backup_%'").all()).toEqual([]);
    expect(reopened.integrityCheck().ok).toBe(true);
    expect(existsSync(join(dataDir, 'restore-pending.sqlite'))).toBe(false);
    reopened.close();
    t.cleanup();
  });

  it('refuses a damaged, foreign or missing backup without touching the store', async () => {
    const t = tempDir('backup-');
    const dataDir = join(t.dir, 'data');
    const store = openStore({ dataDir, agency: () => AGENCY });
    store.blobs.put(Buffer.from('x'));
    const file = join(t.dir, 'b.sqlite');
    await backupStore(store, file);
    expect(() => stageRestore(dataDir, join(t.dir, 'none.sqlite'), store.blobs)).toThrow(/BACKUP_INVALID/);
    writeFileSync(join(t.dir, 'junk.sqlite'), 'not a database at all');
    expect(() => stageRestore(dataDir, join(t.dir, 'junk.sqlite'), store.blobs)).toThrow(/BACKUP_NOT_SEALED/);
    // A backup from a counter with another key cannot be restored here.
    const other = openStore({ dataDir: join(t.dir, 'other'), agency: () => AGENCY });
    other.blobs.put(Buffer.from('y'));
    await backupStore(other, join(t.dir, 'other.sqlite'));
    expect(() => stageRestore(dataDir, join(t.dir, 'other.sqlite'), store.blobs)).toThrow(/BACKUP_NOT_SEALED/);
    // Corrupt a page in the middle of the file.
    const bytes = readFileSync(file);
    bytes.fill(0x55, 4096, 8192);
    writeFileSync(join(t.dir, 'torn.sqlite'), bytes);
    expect(() => stageRestore(dataDir, join(t.dir, 'torn.sqlite'), store.blobs)).toThrow(/BACKUP_NOT_SEALED/);
    expect(existsSync(join(dataDir, 'restore-pending.sqlite'))).toBe(false);
    store.close();
    other.close();
    t.cleanup();
  });
});
