import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_DIR, SCHEMA_LEVELS, releasedMigrations } from '../../../../scripts/fixtures-schemas.ts';
import { runMigrations, type MigrationReport } from '../../../../src-main/store/migrations/runner.ts';
import { tempDir } from '../helpers.ts';

/**
 * A copy of the committed fixture database of a released level, with foreign keys on as the app
 * opens it, and a way to apply one more migration to it exactly as the runner does at start-up.
 */
export function atLevel(name: string): { db: Database.Database; apply(id: number): MigrationReport; cleanup(): void } {
  const level = SCHEMA_LEVELS.find((l) => l.name === name)!;
  const t = tempDir('migration-');
  const path = join(t.dir, 'counter.sqlite');
  copyFileSync(join(FIXTURE_DIR, `${name}.sqlite`), path);
  const db = new Database(path);
  db.pragma('foreign_keys = ON');
  const all = releasedMigrations();
  return {
    db,
    apply: (id) => runMigrations(db, all.filter((m) => level.ids.includes(m.id) || m.id === id)),
    cleanup: () => {
      db.close();
      t.cleanup();
    },
  };
}

export function columns(db: Database.Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]).sort();
}

export function indexes(db: Database.Database, table: string): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all(table) as string[]);
}
