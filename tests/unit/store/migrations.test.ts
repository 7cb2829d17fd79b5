import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { openDatabase } from '../../../src-main/store/db.ts';
import { runMigrations, orderMigrations } from '../../../src-main/store/migrations/runner.ts';
import { storeMigrations } from '../../../src-main/store/migrations/index.ts';
import { m0001 } from '../../../src-main/store/migrations/0001-procedures-dossiers.ts';
import { m0002 } from '../../../src-main/store/migrations/0002-search.ts';
import { m0003 } from '../../../src-main/store/migrations/0003-users-audit.ts';
import type { Migration } from '../../../src-main/store/migrations/migration.ts';
import { tempDir } from './helpers.ts';

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);

function fresh(): Database.Database {
  return new Database(':memory:');
}

describe('migration runner', () => {
  it('applies every store migration in one go and sets user_version', () => {
    const db = fresh();
    const r = runMigrations(db, storeMigrations);
    expect(r.applied.map((m) => m.id)).toEqual([1, 2, 3]);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(runMigrations(db, storeMigrations).applied).toEqual([]);
  });

  it('accepts gaps and other areas’ ranges, applying in number order', () => {
    const order: number[] = [];
    const mk = (id: number): Migration => ({ id, name: `m${id}`, up: (db) => { order.push(id); db.exec(`CREATE TABLE t${id} (x)`); } });
    const db = fresh();
    runMigrations(db, [mk(41), ...storeMigrations, mk(20), mk(30)]);
    expect(order).toEqual([20, 30, 41]);
    expect(db.pragma('user_version', { simple: true })).toBe(41);
    // An area added later with a lower number is still applied.
    runMigrations(db, [...storeMigrations, mk(20), mk(30), mk(41), mk(25)]);
    expect(order).toEqual([20, 30, 41, 25]);
    expect(db.pragma('user_version', { simple: true })).toBe(41);
  });

  it('rolls back all pending migrations when one fails', () => {
    const db = fresh();
    const bad: Migration = { id: 22, name: 'bad', up: (d) => d.exec('CREATE TABLE nope (x); SELECT * FROM missing_table') };
    expect(() => runMigrations(db, [...storeMigrations, bad])).toThrow(/STORE_MIGRATION_FAILED/);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(tables(db)).not.toContain('dossiers');
    expect(tables(db)).not.toContain('nope');
  });

  it('refuses duplicate or non-positive numbers', () => {
    const a: Migration = { id: 5, name: 'a', up: () => {} };
    expect(() => orderMigrations([a, { ...a, name: 'b' }])).toThrow(/STORE_MIGRATION_INVALID/);
    expect(() => orderMigrations([{ ...a, id: 0 }])).toThrow(/STORE_MIGRATION_INVALID/);
    expect(() => orderMigrations([{ ...a, id: 1.5 }])).toThrow(/STORE_MIGRATION_INVALID/);
  });

  it('survives reopening a file database', () => {
    const t = tempDir();
    const path = join(t.dir, 'x.sqlite');
    const db1 = openDatabase(path);
    runMigrations(db1, storeMigrations);
    db1.close();
    const db2 = openDatabase(path);
    expect(runMigrations(db2, storeMigrations).applied).toEqual([]);
    expect(db2.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db2.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db2.pragma('synchronous', { simple: true })).toBe(2);
    db2.close();
    t.cleanup();
  });
});

describe('0001 procedures-dossiers', () => {
  it('creates the dossier aggregate with cascades and status checks', () => {
    const db = fresh();
    db.pragma('foreign_keys = ON');
    m0001.up(db);
    expect(tables(db)).toEqual(expect.arrayContaining(['procedures', 'dossiers', 'dossier_components', 'dossier_pages', 'dossier_status_history', 'dossier_forms', 'code_sequences']));
    const now = new Date().toISOString();
    db.prepare(`INSERT INTO dossiers (id, agency_code, counter_id, procedure_code, procedure_name, channel, applicant, status, received_at, updated_at)
      VALUES ('d1', 'A', '01', '1.000001', 'P', 'direct', '{}', 2, ?, ?)`).run(now, now);
    db.prepare("INSERT INTO dossier_components (id, dossier_id, position, name) VALUES ('c1', 'd1', 1, 'n')").run();
    db.prepare("INSERT INTO dossier_pages (component_id, page_no, sha256, size, mime) VALUES ('c1', 1, ?, 1, 'image/png')").run('a'.repeat(64));
    expect(() => db.prepare("UPDATE dossiers SET status = 11 WHERE id = 'd1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO dossier_pages (component_id, page_no, sha256, size, mime) VALUES ('c1', 2, 'short', 1, 'x')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO dossier_components (id, dossier_id, position, name) VALUES ('c2', 'nope', 1, 'n')").run()).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM dossiers WHERE id = 'd1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM dossier_pages').get()).toEqual({ n: 0 });
  });
});

describe('0002 search', () => {
  it('creates contentless FTS5 tables that accept deletes', () => {
    const db = fresh();
    m0001.up(db);
    m0002.up(db);
    db.prepare("INSERT INTO search_pages (rowid, body) VALUES (1, 'nguyen van an')").run();
    expect(db.prepare("SELECT rowid FROM search_pages WHERE search_pages MATCH '\"van an\"'").all()).toEqual([{ rowid: 1 }]);
    db.prepare('DELETE FROM search_pages WHERE rowid = 1').run();
    expect(db.prepare("SELECT rowid FROM search_pages WHERE search_pages MATCH 'an'").all()).toEqual([]);
    db.prepare("INSERT INTO search_dossiers (rowid, names, numbers, procedure) VALUES (1, 'tran thi b', '0123', 'khai sinh')").run();
    expect(db.prepare("SELECT rowid FROM search_dossiers WHERE search_dossiers MATCH 'tr*'").all()).toEqual([{ rowid: 1 }]);
  });
});

describe('0003 users-audit', () => {
  it('keeps the audit log append-only and roles constrained', () => {
    const db = fresh();
    m0003.up(db);
    db.prepare("INSERT INTO audit_log (at, action) VALUES ('t', 'read')").run();
    expect(() => db.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() =>
      db.prepare("INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES ('u', 'a', 'A', 'boss', 'h', 't')").run(),
    ).toThrow(/CHECK/);
  });
});
