/**
 * `npm run fixtures:schemas`: writes one database per released migration level to fixtures/schemas/,
 * built by the migrations themselves and filled with representative rows written as the code of that
 * level wrote them (plain SQL against the tables of the level, never today's repositories). The
 * upgrade tests open copies of these files with today's migrations and check every row survived.
 *
 * Levels follow the order in which migrations were released (git history), not their numbers: an
 * installation could hold 0040 before 0021 existed.
 */
import Database from 'better-sqlite3';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { storeMigrations } from '../src-main/store/migrations/index.ts';
import type { Migration } from '../src-main/store/migrations/migration.ts';
import { runMigrations } from '../src-main/store/migrations/runner.ts';
import { featureMigrations } from '../src-main/feature-list.ts';

export interface SchemaLevel {
  /** File name stem, e.g. `l2-0020`. */
  name: string;
  /** Migration ids applied at this level. */
  ids: number[];
  /** The commit that released the last migration of the level. */
  releasedIn: string;
}

export const SCHEMA_LEVELS: SchemaLevel[] = [
  { name: 'l1-store', ids: [1, 2, 3], releasedIn: '11c13dc' },
  { name: 'l2-0020', ids: [1, 2, 3, 20], releasedIn: '482595a' },
  { name: 'l3-0030', ids: [1, 2, 3, 20, 30], releasedIn: 'ad5061e' },
  { name: 'l4-0040', ids: [1, 2, 3, 20, 30, 40], releasedIn: 'd664c2b' },
  { name: 'l5-0021', ids: [1, 2, 3, 20, 21, 30, 40], releasedIn: '7beaff6' },
  { name: 'l6-0022', ids: [1, 2, 3, 20, 21, 22, 30, 40], releasedIn: 'main (sync: leases and holds)' },
];

export const FIXTURE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'schemas');

/** Every migration the fixtures draw from: the store's own and every feature's (the one registry). */
export function releasedMigrations(): Migration[] {
  return [...storeMigrations, ...featureMigrations()];
}

export const FIXTURE_AGENCY = '000.00.31.H42';
/** The password of the fixture's officer (scrypt hash below was made from it). */
export const FIXTURE_PASSWORD = 'mat-khau-co-dinh';
// A fixed hash so the files are reproducible: hashPassword(FIXTURE_PASSWORD) once.
const FIXTURE_HASH = 'scrypt$32768$8$1$AAECAwQFBgcICQoLDA0ODw==$fXrhWEjQXKN7c3Tv+qOxRfUmdWKAz1ozGhgGytpVZa4=';

const AT = '2026-03-02T02:15:00.000Z';
const sha = (c: string) => c.repeat(64);
const applicant = (name: string, idNumber: string) =>
  JSON.stringify({ identity: { kind: 'cccd-qr', fullName: name, idNumber, dateOfBirth: '1985-03-12', warnings: [] }, trust: 'machine-read', phone: '0912345678' });

/** Rows each migration's tables held in a counter of its time. */
const DATA: Record<number, (db: Database.Database) => void> = {
  1(db) {
    const proc = db.prepare('INSERT INTO procedures (code, name, field_name, data, sample, active, updated_at) VALUES (?, ?, ?, ?, 0, 1, ?)');
    proc.run('1.001193', 'Thủ tục đăng ký khai sinh', 'Hộ tịch', JSON.stringify({ code: '1.001193', time: { value: 3, unit: 'working-days' } }), AT);
    proc.run('1.000894', 'Thủ tục đăng ký kết hôn', 'Hộ tịch', JSON.stringify({ code: '1.000894', time: { value: 5, unit: 'working-days' } }), AT);
    const dossier = db.prepare(`INSERT INTO dossiers (id, provisional_code, official_code, agency_code, counter_id, procedure_code, procedure_name, channel,
      applicant, applicant_name, applicant_id_number, summary, status, received_at, due_at, accepted_by, province_confirmed_at, updated_at)
      VALUES (?, ?, ?, ?, '01', ?, ?, 'counter', ?, ?, ?, ?, ?, ?, ?, 'u-officer', ?, ?)`);
    const rows: Array<[string, string | null, string | null, string, string, string, string, number, string | null]> = [
      ['d-0001', `${FIXTURE_AGENCY}-260302-T01-0001`, `${FIXTURE_AGENCY}-260302-0041`, '1.001193', 'Nguyễn Văn An', '001085012345', 'Đăng ký khai sinh cho con', 4, '2026-03-03T08:00:00.000Z'],
      ['d-0002', `${FIXTURE_AGENCY}-260302-T01-0002`, null, '1.000894', 'Trần Thị Bình', '001190054321', 'Đăng ký kết hôn', 2, null],
      ['d-0003', `${FIXTURE_AGENCY}-260302-T01-0003`, null, '1.001193', 'Lê Đức Cường', '001078099887', 'Khai sinh quá hạn', 2, null],
    ];
    for (const [id, prov, official, proc, name, idNo, summary, status, confirmed] of rows) {
      dossier.run(id, prov, official, FIXTURE_AGENCY, proc, proc === '1.001193' ? 'Thủ tục đăng ký khai sinh' : 'Thủ tục đăng ký kết hôn', applicant(name, idNo), name, idNo, summary, status, AT, '2026-03-05T10:00:00.000Z', confirmed, AT);
      db.prepare("INSERT INTO dossier_components (id, dossier_id, position, code, name, originals, certified_copies, photocopies) VALUES (?, ?, 1, 'TK', 'Tờ khai', 1, 0, 0)").run(`c-${id}`, id);
      db.prepare("INSERT INTO dossier_pages (component_id, page_no, sha256, size, mime) VALUES (?, 1, ?, 2048, 'image/png')").run(`c-${id}`, sha(id.slice(-1)));
      for (const s of [1, 2, ...(status === 4 ? [4] : [])]) db.prepare("INSERT INTO dossier_status_history (dossier_id, status, at, by_user) VALUES (?, ?, ?, 'u-officer')").run(id, s, AT);
    }
    db.prepare("INSERT INTO dossier_forms (dossier_id, form, sha256, issued_at, by_user) VALUES ('d-0001', 'mau-01-giay-tiep-nhan', ?, ?, 'u-officer')").run(sha('f'), AT);
    db.prepare("INSERT INTO code_sequences (scope, day, last) VALUES (?, '260302', 3)").run(`provisional:${FIXTURE_AGENCY}:01`);
  },
  2(db) {
    const rows = db.prepare('SELECT id, applicant_name, applicant_id_number, provisional_code, official_code, procedure_name FROM dossiers ORDER BY id').all() as Array<Record<string, string | null>>;
    for (const r of rows) {
      const { rowid } = db.prepare('INSERT INTO search_dossier_rows (dossier_id) VALUES (?) RETURNING rowid').get(r.id) as { rowid: number };
      const folded = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();
      db.prepare('INSERT INTO search_dossiers (rowid, names, numbers, procedure) VALUES (?, ?, ?, ?)').run(
        rowid,
        folded(r.applicant_name ?? ''),
        [r.applicant_id_number, r.provisional_code, r.official_code].filter(Boolean).join(' ').toLowerCase(),
        folded(r.procedure_name ?? ''),
      );
    }
  },
  3(db) {
    db.prepare("INSERT INTO users (id, username, display_name, role, password_hash, active, created_at) VALUES ('u-officer', 'canbo1', 'Cán bộ Một', 'officer', ?, 1, ?)").run(FIXTURE_HASH, AT);
    db.prepare("INSERT INTO audit_log (at, user_id, action, subject, reason) VALUES (?, 'u-officer', 'login', 'user:u-officer', '')").run(AT);
    db.prepare("INSERT INTO audit_log (at, user_id, action, subject, reason) VALUES (?, 'u-officer', 'read', 'dossier:d-0001', 'tra cứu theo yêu cầu công dân')").run(AT);
    db.prepare("INSERT INTO store_meta (key, value) VALUES ('last_integrity_check', ?)").run(AT);
  },
  20(db) {
    const t = Date.parse(AT);
    db.prepare(`INSERT INTO sync_outbox (dossier_id, idempotency_key, state, attempts, bytes_total, bytes_done, official_code, remote_status, created_at, updated_at, sent_at, confirmed_at)
      VALUES ('d-0001', 'idem-0001', 'confirmed', 1, 2048, 2048, ?, 4, ?, ?, ?, ?)`).run(`${FIXTURE_AGENCY}-260302-0041`, t, t, t, t);
    db.prepare("INSERT INTO sync_outbox (dossier_id, idempotency_key, state, attempts, created_at, updated_at) VALUES ('d-0002', 'idem-0002', 'pending', 0, ?, ?)").run(t, t);
    db.prepare("INSERT INTO sync_outbox (dossier_id, idempotency_key, state, attempts, error_code, error_reason, created_at, updated_at) VALUES ('d-0003', 'idem-0003', 'failed-retrying', 3, 'NETWORK', 'Mất kết nối', ?, ?)").run(t, t);
    db.prepare("INSERT INTO sync_state (key, value) VALUES ('changes_cursor', 'c-000017')").run();
  },
  21(db) {
    const t = Date.parse(AT);
    db.prepare(`INSERT INTO sync_status_outbox (idempotency_key, dossier_id, from_status, to_status, changed_at, changed_by, note, results, state, created_at, updated_at)
      VALUES ('st-0001', 'd-0001', 4, 5, ?, 'u-officer', 'Chuyển xử lý', '[]', 'pending', ?, ?)`).run(AT, t, t);
  },
  22() {
    // Adds columns and constraints to the outboxes; the rows written at 0020 and 0021 are its data.
  },
  30(db) {
    db.prepare("INSERT INTO health_queue_day (day, last_number) VALUES ('2026-03-02', 2)").run();
    const checkin = db.prepare("INSERT INTO health_checkin (day, queue_number, at, source_json, identity_json, lookup_number, card_json, card_status) VALUES ('2026-03-02', ?, ?, '{\"kind\":\"qr\"}', ?, ?, '{}', ?)");
    checkin.run(1, AT, JSON.stringify({ fullName: 'Phạm Thị Dung' }), '001190011122', 'checked');
    checkin.run(2, AT, JSON.stringify({ fullName: 'Hoàng Văn Em' }), null, 'pending');
  },
  40(db) {
    const t = Date.parse(AT);
    db.prepare("INSERT INTO scan_session (id, created_at, touched_at, device_id) VALUES ('s-0001', ?, ?, 'escl:may-quet-1')").run(t, t);
    db.prepare(`INSERT INTO scan_page (id, session_id, position, side, state, original_sha, original_mime, image_sha, width, height, dpi, bytes, rotation, flags_json, words_json, text, confidence, text_source)
      VALUES ('p-0001', 's-0001', 1, 'front', 'done', ?, 'image/jpeg', ?, 2480, 3508, 300, 81234, 0, '[]', '[]', 'TỜ KHAI ĐĂNG KÝ KHAI SINH', 0.91, 'ocr')`).run(sha('a'), sha('b'));
  },
};

/** Builds one level's database at `path` (replaced if present). */
export function generateLevel(path: string, level: SchemaLevel): void {
  for (const s of ['', '-wal', '-shm', '-journal']) rmSync(path + s, { force: true });
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    // Small pages keep the committed files small; SQLite reads any page size.
    db.pragma('page_size = 1024');
    db.pragma('journal_mode = DELETE');
    db.pragma('foreign_keys = ON');
    const all = releasedMigrations();
    const chosen = level.ids.map((id) => all.find((m) => m.id === id)!);
    // Apply in release order, as the installation did, each with the data of its time.
    const applied: Migration[] = [];
    for (const m of chosen) {
      applied.push(m);
      runMigrations(db, applied);
      db.transaction(() => DATA[m.id]!(db))();
    }
    db.prepare('UPDATE schema_migrations SET applied_at = ?').run(AT);
    db.exec('VACUUM');
  } finally {
    db.close();
  }
}

function main(): void {
  const manifest = SCHEMA_LEVELS.map((level) => {
    const file = join(FIXTURE_DIR, `${level.name}.sqlite`);
    generateLevel(file, level);
    return { ...level, file: `${level.name}.sqlite` };
  });
  writeFileSync(join(FIXTURE_DIR, 'levels.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`${manifest.length} fixture databases in ${FIXTURE_DIR}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
