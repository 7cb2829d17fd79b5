import { afterEach, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { defaultDataDir, legacyDataDirs } from '../../../src-main/platform/data-dir.ts';
import { migrateDataDir, MIGRATED_MARK, type MigrationFs } from '../../../src-main/platform/data-migration.ts';

const WIN_ENV = { ProgramData: 'C:\\ProgramData', APPDATA: 'C:\\Users\\canbo1\\AppData\\Roaming' };

describe('where the data lives', () => {
  it('is machine-wide on Windows, whoever is signed in', () => {
    expect(defaultDataDir(WIN_ENV, 'win32')).toBe('C:\\ProgramData\\QuayMotCua');
    expect(defaultDataDir({ ...WIN_ENV, APPDATA: 'C:\\Users\\canbo2\\AppData\\Roaming' }, 'win32')).toBe('C:\\ProgramData\\QuayMotCua');
    expect(defaultDataDir(WIN_ENV, 'win32', true)).toBe('C:\\ProgramData\\QuayMotCua\\dao-tao');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/a/.config' }, 'linux')).toBe('/home/a/.config/one-stop-counter');
    expect(defaultDataDir({ ...WIN_ENV, COUNTER_DATA_DIR: 'D:\\Quay' }, 'win32')).toBe('D:\\Quay');
  });

  it('knows the per-user folders of earlier versions, on Windows only', () => {
    expect(legacyDataDirs(WIN_ENV, 'win32')).toEqual([
      'C:\\Users\\canbo1\\AppData\\Roaming\\One-Stop Counter',
      'C:\\Users\\canbo1\\AppData\\Roaming\\Quầy Một cửa',
      'C:\\Users\\canbo1\\AppData\\Roaming\\one-stop-counter',
    ]);
    expect(legacyDataDirs(WIN_ENV, 'linux')).toEqual([]);
  });
});

describe('one-time move from the per-user folder', () => {
  const roots: string[] = [];
  const root = () => {
    const r = fs.mkdtempSync(join(tmpdir(), 'osc-move-'));
    roots.push(r);
    return r;
  };
  afterEach(() => {
    for (const r of roots.splice(0)) fs.rmSync(r, { recursive: true, force: true });
  });

  /** A real counter database in WAL mode with one row, and a settings file beside it. */
  function oldFolder(dir: string, who: string, mtime: Date): void {
    fs.mkdirSync(join(dir, 'dao-tao'), { recursive: true });
    const db = new Database(join(dir, 'counter.sqlite'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (who TEXT)');
    db.prepare('INSERT INTO t VALUES (?)').run(who);
    db.close();
    fs.writeFileSync(join(dir, 'settings.json'), JSON.stringify({ who }));
    fs.writeFileSync(join(dir, 'dao-tao', 'note.txt'), 'training');
    fs.utimesSync(join(dir, 'counter.sqlite'), mtime, mtime);
  }
  const whoIn = (dir: string) => {
    const db = new Database(join(dir, 'counter.sqlite'), { readonly: true });
    try {
      return (db.prepare('SELECT who FROM t').get() as { who: string }).who;
    } finally {
      db.close();
    }
  };

  it('moves the most recently used folder, keeps the old ones with a note, and runs only once', () => {
    const r = root();
    const a = join(r, 'Users', 'canbo1', 'One-Stop Counter');
    const b = join(r, 'Users', 'canbo2', 'One-Stop Counter');
    const target = join(r, 'ProgramData', 'QuayMotCua');
    oldFolder(a, 'canbo1', new Date('2026-03-01'));
    oldFolder(b, 'canbo2', new Date('2026-03-04'));
    fs.mkdirSync(target, { recursive: true }); // made empty by the installer
    const result = migrateDataDir(target, [join(r, 'missing'), a, b]);
    expect(result).toEqual({ moved: true, from: b, skipped: [a] });
    expect(whoIn(target)).toBe('canbo2');
    expect(fs.readFileSync(join(target, 'dao-tao', 'note.txt'), 'utf8')).toBe('training');
    expect(whoIn(b)).toBe('canbo2');
    expect(fs.readFileSync(join(b, MIGRATED_MARK), 'utf8')).toContain(target);
    expect(fs.existsSync(`${target}.moving`)).toBe(false);
    expect(migrateDataDir(target, [a, b])).toEqual({ moved: false, reason: 'target-has-data' });
  });

  it('leaves no half-copied folder when the copy fails, and succeeds on the next start', () => {
    const r = root();
    const old = join(r, 'old');
    const target = join(r, 'QuayMotCua');
    oldFolder(old, 'canbo1', new Date());
    const failing: MigrationFs = {
      ...fs,
      cpSync: ((src: string, dst: string) => {
        fs.mkdirSync(dst, { recursive: true });
        fs.copyFileSync(join(src, 'settings.json'), join(dst, 'settings.json'));
        throw Object.assign(new Error('ENOSPC: no space left on device (injected)'), { code: 'ENOSPC' });
      }) as typeof fs.cpSync,
    };
    expect(() => migrateDataDir(target, [old], failing)).toThrow(/ENOSPC/);
    expect(fs.existsSync(join(target, 'counter.sqlite'))).toBe(false);
    expect(fs.existsSync(join(old, MIGRATED_MARK))).toBe(false);
    expect(migrateDataDir(target, [old])).toMatchObject({ moved: true, from: old });
    expect(whoIn(target)).toBe('canbo1');
    expect(fs.existsSync(`${target}.moving`)).toBe(false);
  });

  it('has nothing to move on a new PC', () => {
    const r = root();
    expect(migrateDataDir(join(r, 'QuayMotCua'), [join(r, 'a'), join(r, 'b')])).toEqual({ moved: false, reason: 'nothing-to-move' });
  });
});
