import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_AGENCY, FIXTURE_DIR, FIXTURE_PASSWORD, SCHEMA_LEVELS, generateLevel, releasedMigrations } from '../../../scripts/fixtures-schemas.ts';
import { parseProvisionalCode } from '../../../src-main/domain/codes/dossier-code.ts';
import { searchDossiers } from '../../../src-main/store/search-dossiers.ts';
import { DB_FILE, openStore } from '../../../src-main/store/store.ts';
import { draft, tempDir } from '../../unit/store/helpers.ts';
import { appMigrations } from './app-migrations.ts';

type Dump = Record<string, string[]>;

/**
 * Every row of every ordinary table, as sorted JSON lines; with `like`, only the tables and columns
 * that dump has (a later migration may add columns, never take the old values away).
 */
function dump(path: string, like?: Record<string, string[]>): Dump {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    return Object.fromEntries(
      tables.map((t) => {
        const cols = like?.[t] ?? (db.prepare(`SELECT name FROM pragma_table_info('${t}') ORDER BY cid`).pluck().all() as string[]);
        const rows = db.prepare(`SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM "${t}"`).raw().all() as unknown[][];
        return [t, rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v))).sort()];
      }),
    );
  } finally {
    db.close();
  }
}

function columnsOf(path: string): Record<string, string[]> {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT name FROM pragma_table_info('${t}') ORDER BY cid`).pluck().all() as string[]]));
  } finally {
    db.close();
  }
}

function schema(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare("SELECT type || ' ' || name || ' ' || coalesce(sql, '') AS s FROM sqlite_master ORDER BY type, name").pluck().all() as string[]).sort();
  } finally {
    db.close();
  }
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('fixture databases at every released migration level', () => {
  it('the committed files are what the released migrations produce (a released migration was not edited)', () => {
    const t = tempDir('fixtures-');
    cleanups.push(t.cleanup);
    const manifest = JSON.parse(readFileSync(join(FIXTURE_DIR, 'levels.json'), 'utf8')) as Array<{ name: string; ids: number[] }>;
    expect(manifest.map((l) => [l.name, l.ids])).toEqual(SCHEMA_LEVELS.map((l) => [l.name, l.ids]));
    for (const level of SCHEMA_LEVELS) {
      const fresh = join(t.dir, `${level.name}.sqlite`);
      generateLevel(fresh, level);
      const committed = join(FIXTURE_DIR, `${level.name}.sqlite`);
      expect(schema(fresh), level.name).toEqual(schema(committed));
      expect(dump(fresh), level.name).toEqual(dump(committed));
    }
  });

  it('the last level holds every migration released so far (a new one needs a new level)', () => {
    expect(SCHEMA_LEVELS.at(-1)!.ids).toEqual(appMigrations().map((m) => m.id).sort((a, b) => a - b));
    expect(releasedMigrations().map((m) => m.id).sort((a, b) => a - b)).toEqual(SCHEMA_LEVELS.at(-1)!.ids);
  });

  for (const level of SCHEMA_LEVELS) {
    it(`${level.name} (${level.ids.join(', ')}) upgrades to now with every row intact and keeps working`, () => {
      const t = tempDir('upgrade-');
      cleanups.push(t.cleanup);
      const dbPath = join(t.dir, DB_FILE);
      copyFileSync(join(FIXTURE_DIR, `${level.name}.sqlite`), dbPath);
      const before = dump(dbPath);
      const oldColumns = columnsOf(dbPath);
      const all = appMigrations();
      const store = openStore({ dataDir: t.dir, agency: () => ({ code: FIXTURE_AGENCY, counterId: '01' }), migrations: all.filter((m) => m.id >= 20), checkIntegrity: 'always' });
      try {
        const missing = all.map((m) => m.id).filter((id) => !level.ids.includes(id)).sort((a, b) => a - b);
        expect(store.migration.applied.map((m) => m.id)).toEqual(missing);
        expect(store.db.pragma('user_version', { simple: true })).toBe(Math.max(...all.map((m) => m.id)));
        expect(store.startupCheck).toMatchObject({ ran: true });
        store.db.pragma('wal_checkpoint(TRUNCATE)');
        const after = dump(dbPath, oldColumns);
        // The check that just ran updates its own timestamp; every other row must be unchanged.
        const kept = (table: string, rows: string[]) => (table === 'store_meta' ? rows.filter((r) => !r.startsWith('["last_integrity_check"')) : rows);
        for (const [table, all] of Object.entries(before)) {
          const rows = kept(table, all);
          expect(after[table], `${level.name}: ${table}`).toEqual(expect.arrayContaining(rows));
          // Only the store's own bookkeeping gains rows on an upgrade.
          if (!['schema_migrations', 'store_meta'].includes(table)) expect(after[table]!.length, `${level.name}: ${table}`).toBe(rows.length);
        }
        expect(Object.keys(before).every((table) => table in after)).toBe(true);
        // Today's code reads yesterday's rows.
        expect(store.dossiers.get('d-0001')).toMatchObject({ officialCode: `${FIXTURE_AGENCY}-260302-0041`, status: 4, applicant: { identity: { fullName: 'Nguyễn Văn An' } } });
        expect(store.dossiers.getByCode(`${FIXTURE_AGENCY}-260302-T01-0002`).id).toBe('d-0002');
        expect(searchDossiers(store, 'Bình', 10, 0).items.map((i) => i.id)).toEqual(['d-0002']);
        expect(store.users.authenticate('canbo1', FIXTURE_PASSWORD).id).toBe('u-officer');
        // The day's provisional sequence continues: no code of that day is issued twice.
        const next = store.dossiers.accept({ ...draft(), receivedAt: '2026-03-02T03:00:00.000Z' });
        expect(parseProvisionalCode(next.provisionalCode!)).toMatchObject({ day: '260302', counterId: '01', sequence: 4, installationTag: store.installation.tag });
      } finally {
        store.close();
      }
    });
  }
});
