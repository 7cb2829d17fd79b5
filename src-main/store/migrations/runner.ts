import type Database from 'better-sqlite3';
import { StoreErrors } from '../store-errors.ts';
import type { Migration } from './migration.ts';

/** Checks a set of migrations from every area: unique positive ids, sorted by number. Gaps are fine. */
export function orderMigrations(list: readonly Migration[]): Migration[] {
  const seen = new Map<number, string>();
  for (const m of list) {
    if (!Number.isInteger(m.id) || m.id <= 0) throw StoreErrors.raise('STORE_MIGRATION_INVALID', { id: m.id, name: m.name });
    const other = seen.get(m.id);
    if (other !== undefined) throw StoreErrors.raise('STORE_MIGRATION_INVALID', { id: m.id, names: [other, m.name] });
    seen.set(m.id, m.name);
  }
  return [...list].sort((a, b) => a.id - b.id);
}

export interface MigrationReport {
  from: number;
  to: number;
  applied: Array<{ id: number; name: string }>;
}

/**
 * Applies every registered migration not yet applied, in number order, in one transaction: either
 * all of them land or the database stays exactly as it was. Gaps between numbers are normal (each
 * area owns a range); a migration registered later with a number below the current version is still
 * applied, since areas own disjoint tables. `PRAGMA user_version` ends at the highest number applied.
 */
export function runMigrations(db: Database.Database, list: readonly Migration[]): MigrationReport {
  const ordered = orderMigrations(list);
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  // Read what is applied under the write lock: two processes starting on a new folder at once must
  // not both apply the same migrations.
  return db.transaction((): MigrationReport => {
    const from = db.pragma('user_version', { simple: true }) as number;
    const applied = new Set((db.prepare('SELECT id FROM schema_migrations').all() as Array<{ id: number }>).map((r) => r.id));
    refuseNewer(db, ordered, applied);
    const pending = ordered.filter((m) => !applied.has(m.id));
    if (pending.length === 0) return { from, to: from, applied: [] };
    const to = Math.max(from, pending[pending.length - 1]!.id);
    const record = db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)');
    for (const m of pending) {
      try {
        m.up(db);
      } catch (err) {
        throw StoreErrors.raise('STORE_MIGRATION_FAILED', { id: m.id, name: m.name, reason: String(err) });
      }
      record.run(m.id, m.name, new Date().toISOString());
    }
    db.pragma(`user_version = ${to}`);
    return { from, to, applied: pending.map((m) => ({ id: m.id, name: m.name })) };
  }).immediate();
}

/**
 * A database some migration of a newer version touched: an applied id this build does not know, or
 * a schema version above its highest. Opening it could write rows the newer schema forbids, so it is
 * refused before anything is written.
 */
function refuseNewer(db: Database.Database, known: readonly Migration[], applied: ReadonlySet<number>): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  const unknown = unknownMigrations(known.map((m) => m.id), [...applied], version);
  if (unknown) throw StoreErrors.raise('STORE_TOO_NEW', unknown);
}

/** The ids and version this build does not know, or undefined when it knows all of them. */
export function unknownMigrations(known: readonly number[], applied: readonly number[], version: number): { unknown: number[]; version: number; newest: number } | undefined {
  const ids = new Set(known);
  const newest = Math.max(0, ...known);
  const unknown = applied.filter((id) => !ids.has(id)).sort((a, b) => a - b);
  return unknown.length > 0 || version > newest ? { unknown, version, newest } : undefined;
}
