import Database from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { BenchRow } from './row.ts';
import { openStore, DB_FILE, type Store } from '../../src-main/store/store.ts';
import { foldText, prepareForIndex } from '../../src-main/domain/dossier/fold-text.ts';
import { compactCode } from '../../src-main/store/repos/search-index.ts';
import { searchDossiers } from '../../src-main/store/search-dossiers.ts';
import { formatOfficialCode, formatProvisionalCode } from '../../src-main/domain/codes/dossier-code.ts';

/**
 * Store bench: a generated store of 100,000 dossiers with 1,000,000 OCR'd pages (cached under
 * .tmp/ because generating it takes minutes), then accept latency and search latency on it.
 * Sizes can be lowered for a quick look: STORE_BENCH_DOSSIERS=10000.
 */
const DOSSIERS = Number(process.env.STORE_BENCH_DOSSIERS ?? 100_000);
const PAGES_PER_DOSSIER = 10;
const AGENCY = '000.00.31.H42';
const GEN_VERSION = 1;

const SURNAMES = ['Nguyễn', 'Nguyễn', 'Nguyễn', 'Trần', 'Trần', 'Lê', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quang', 'Xuân', 'Thu', 'Kim', 'Bảo'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hoa', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Phương', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Việt', 'Yến', 'Đào', 'Châu'];
const PROCEDURES: Array<[string, string]> = [
  ['1.001193', 'Đăng ký khai sinh'],
  ['1.000894', 'Đăng ký kết hôn'],
  ['1.000656', 'Đăng ký khai tử'],
  ['2.000908', 'Cấp bản sao từ sổ gốc'],
  ['2.000635', 'Cấp bản sao Trích lục hộ tịch'],
  ['2.000815', 'Chứng thực bản sao từ bản chính giấy tờ, văn bản'],
  ['2.000884', 'Chứng thực chữ ký trong các giấy tờ, văn bản'],
  ['1.001776', 'Thực hiện trợ cấp xã hội hàng tháng'],
  ['1.003554', 'Đăng ký đất đai, tài sản gắn liền với đất lần đầu'],
  ['1.004227', 'Hòa giải tranh chấp đất đai'],
];
const WORDS = (
  'cộng hòa xã hội chủ nghĩa việt nam độc lập tự do hạnh phúc giấy chứng nhận quyền sử dụng đất quyền sở hữu nhà ở tài sản gắn liền ' +
  'tờ khai đăng ký khai sinh kết hôn khai tử họ tên ngày tháng năm sinh nơi sinh giới tính dân tộc quốc tịch nơi cư trú thường trú tạm trú ' +
  'số định danh cá nhân căn cước công dân cấp ngày nơi cấp cục cảnh sát quản lý hành chính về trật tự xã hội ủy ban nhân dân xã phường ' +
  'thị trấn huyện tỉnh thành phố trung ương thôn ấp bản làng tổ dân phố đường số nhà thửa đất tờ bản đồ diện tích mét vuông mục đích ' +
  'thời hạn nguồn gốc sử dụng nhà nước giao đất có thu tiền công nhận người yêu cầu chứng thực bản sao đúng với bản chính chữ ký ' +
  'người thực hiện trợ cấp xã hội hàng tháng đối tượng bảo trợ người cao tuổi khuyết tật hộ nghèo cận nghèo mức hưởng kinh phí chăm sóc ' +
  'nuôi dưỡng quyết định chủ tịch cán bộ tư pháp hộ tịch địa chính văn hóa lao động thương binh trạm y tế giấy báo tử giấy chứng sinh ' +
  'cha mẹ con vợ chồng anh chị em ông bà quan hệ đề nghị xác nhận cam đoan chịu trách nhiệm trước pháp luật lời khai trên đây'
).split(' ');

/** Small fast deterministic PRNG (mulberry32), so the generated store is the same every time. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const idNumber = (i: number) => `0${String(10 + (i % 80)).padStart(2, '0')}${String(80 + (i % 20))}${String(i).padStart(7, '0')}`;
const nameOf = (r: () => number) => `${pick(r, SURNAMES)} ${pick(r, MIDDLE)} ${pick(r, GIVEN)}`;

function pageText(r: () => number, name: string, id: string): string {
  const words: string[] = [];
  const n = 50 + Math.floor(r() * 40);
  for (let i = 0; i < n; i++) words.push(pick(r, WORDS));
  // Most OCR'd pages carry the person's name and number, as real forms do.
  if (r() < 0.7) words.splice(Math.floor(r() * words.length), 0, 'họ và tên', name);
  if (r() < 0.4) words.splice(Math.floor(r() * words.length), 0, 'số', id);
  if (r() < 0.3) words.splice(Math.floor(r() * words.length), 0, 'người làm chứng', nameOf(r));
  return words.join(' ');
}

/** Builds the store with the real migrations, then bulk-loads rows (no fsync per row; one commit per batch). */
function generate(dir: string): { seconds: number; dossiersPerSecond: number; pagesPerSecond: number } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  openStore({ dataDir: dir }).close();
  const db = new Database(join(dir, DB_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const r = rng(42);
  const st = {
    dossier: db.prepare(`INSERT INTO dossiers (id, provisional_code, official_code, agency_code, counter_id, procedure_code, procedure_name, channel,
      applicant, applicant_name, applicant_id_number, summary, status, received_at, updated_at) VALUES (?, ?, ?, ?, '01', ?, ?, 'direct', ?, ?, ?, '', ?, ?, ?)`),
    component: db.prepare('INSERT INTO dossier_components (id, dossier_id, position, name, originals) VALUES (?, ?, ?, ?, 1)'),
    page: db.prepare("INSERT INTO dossier_pages (component_id, page_no, sha256, size, mime) VALUES (?, ?, ?, 150000, 'image/jpeg')"),
    history: db.prepare('INSERT INTO dossier_status_history (dossier_id, status, at) VALUES (?, ?, ?)'),
    searchRow: db.prepare('INSERT INTO search_dossier_rows (dossier_id) VALUES (?) RETURNING rowid'),
    searchFts: db.prepare('INSERT INTO search_dossiers (rowid, names, numbers, procedure) VALUES (?, ?, ?, ?)'),
    pageRow: db.prepare('INSERT INTO search_page_rows (dossier_id, component_id, page_no) VALUES (?, ?, ?) RETURNING rowid'),
    pageFts: db.prepare('INSERT INTO search_pages (rowid, body) VALUES (?, ?)'),
  };
  const started = performance.now();
  const start = Date.UTC(2024, 0, 2);
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const id = randomUUID();
      const name = nameOf(r);
      const idNo = idNumber(i);
      const [pcode, pname] = pick(r, PROCEDURES);
      const at = new Date(start + i * 7 * 60_000);
      const day = at.toISOString().slice(2, 10).replace(/-/g, '');
      const seq = (i % 60) + 1;
      const provisional = formatProvisionalCode({ agency: AGENCY, day, counterId: '01', sequence: seq + Math.floor(i / 60) * 100 });
      const official = r() < 0.8 ? formatOfficialCode({ agency: AGENCY, day, sequence: (i % 9999) + 1 }) + (i >= 9999 ? '' : '') : null;
      const applicant = JSON.stringify({ identity: { kind: 'cccd-qr', fullName: name, idNumber: idNo, warnings: [] }, trust: 'machine-read' });
      st.dossier.run(id, provisional, official && i < 9999 ? official : official ? `${official}-${i}` : null, AGENCY, pcode, pname, applicant, name, idNo, 2, at.toISOString(), at.toISOString());
      st.history.run(id, 1, at.toISOString());
      st.history.run(id, 2, at.toISOString());
      const rowid = (st.searchRow.get(id) as { rowid: number }).rowid;
      const codes = [provisional, official].filter((c): c is string => !!c);
      st.searchFts.run(rowid, foldText(name), [idNo, ...codes.map(foldText), ...codes.map(compactCode)].join(' '), foldText(`${pcode} ${pname}`));
      for (let c = 0; c < 2; c++) {
        const cid = randomUUID();
        st.component.run(cid, id, c + 1, c === 0 ? 'Tờ khai' : 'Giấy tờ kèm theo');
        for (let p = 1; p <= PAGES_PER_DOSSIER / 2; p++) {
          st.page.run(cid, p, (i * 16 + c * 8 + p).toString(16).padStart(64, '0'));
          const prow = (st.pageRow.get(id, cid, p) as { rowid: number }).rowid;
          st.pageFts.run(prow, prepareForIndex(pageText(r, name, idNo)));
        }
      }
    }
  });
  const BATCH = 5000;
  for (let i = 0; i < DOSSIERS; i += BATCH) {
    batch(i, Math.min(DOSSIERS, i + BATCH));
    if ((i / BATCH) % 4 === 0) console.error(`  generated ${i + BATCH} dossiers (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  const loaded = (performance.now() - started) / 1000;
  db.exec("INSERT INTO search_pages (search_pages) VALUES ('optimize'); INSERT INTO search_dossiers (search_dossiers) VALUES ('optimize');");
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  db.close();
  return { seconds: (performance.now() - started) / 1000, dossiersPerSecond: DOSSIERS / loaded, pagesPerSecond: (DOSSIERS * PAGES_PER_DOSSIER) / loaded };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

function acceptLatency(store: Store, n: number): number[] {
  const r = rng(7);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const page = store.blobs.put(Buffer.from(`page ${i} ${randomUUID()}`.repeat(100)));
    const name = nameOf(r);
    const t0 = performance.now();
    store.dossiers.accept({
      procedureCode: '1.001193',
      procedureName: 'Đăng ký khai sinh',
      applicant: { identity: { kind: 'cccd-qr', fullName: name, idNumber: idNumber(900_000 + i), warnings: [] }, trust: 'machine-read' },
      components: [{ name: 'Tờ khai', originals: 1, pages: [{ pageNo: 1, sha256: page.sha256, size: page.size, mime: 'image/jpeg' }] }],
    });
    times.push(performance.now() - t0);
  }
  return times;
}

function searchQueries(store: Store): string[] {
  const sample = store.db.prepare('SELECT applicant_name AS n, applicant_id_number AS id, coalesce(official_code, provisional_code) AS code FROM dossiers ORDER BY rowid LIMIT 40 OFFSET 5000').all() as Array<{ n: string; id: string; code: string }>;
  const qs: string[] = [];
  for (const s of sample.slice(0, 12)) qs.push(s.n, foldText(s.n));
  for (const s of sample.slice(12, 22)) qs.push(s.id, s.id.slice(0, 8));
  for (const s of sample.slice(22, 32)) qs.push(s.code);
  qs.push('nguyen van an', 'Trần Thị Hoa', 'le minh', 'khai sinh', 'chung thuc ban sao', 'dat dai', 'tro cap xa hoi');
  qs.push('giay chung nhan quyen su dung dat', 'tram y te', 'nguoi lam chung', 'thua dat to ban do', 'hoa giai', 'nguyen', 'van');
  return qs;
}

export async function bench(): Promise<BenchRow[]> {
  const dir = resolve('.tmp', `bench-store-v${GEN_VERSION}-${DOSSIERS}`);
  const marker = join(dir, 'generated.json');
  const rows: BenchRow[] = [];
  if (!existsSync(marker)) {
    console.error(`generating ${DOSSIERS} dossiers with ${DOSSIERS * PAGES_PER_DOSSIER} OCR pages in ${dir} …`);
    const g = generate(dir);
    writeFileSync(marker, JSON.stringify(g));
  }
  const g = JSON.parse((await import('node:fs')).readFileSync(marker, 'utf8')) as ReturnType<typeof generate>;
  rows.push({ area: 'store', name: `bulk load: dossiers (10 pages each, OCR indexed)`, value: g.dossiersPerSecond, unit: 'dossiers/s' });
  rows.push({ area: 'store', name: 'bulk load: OCR pages indexed', value: g.pagesPerSecond, unit: 'pages/s' });
  rows.push({ area: 'store', name: `database size (${DOSSIERS} dossiers, ${DOSSIERS * PAGES_PER_DOSSIER} pages)`, value: statSync(join(dir, DB_FILE)).size / 2 ** 20, unit: 'MB' });

  const t0 = performance.now();
  const store = openStore({ dataDir: dir, agency: () => ({ code: AGENCY, counterId: '09' }) });
  rows.push({ area: 'store', name: 'open (integrity_check + migrations) on the generated store', value: performance.now() - t0, unit: 'ms' });

  const accept = acceptLatency(store, 200);
  rows.push({ area: 'store', name: 'accept dossier p50 (synchronous=FULL, incl. hooks+index)', value: pct(accept, 50), unit: 'ms', target: '< 20 ms', met: pct(accept, 50) < 20 });
  rows.push({ area: 'store', name: 'accept dossier p95', value: pct(accept, 95), unit: 'ms', target: '< 20 ms', met: pct(accept, 95) < 20 });
  rows.push({ area: 'store', name: 'accept rate (sequential, durable)', value: 1000 / (accept.reduce((a, b) => a + b, 0) / accept.length), unit: 'dossiers/s' });

  const queries = searchQueries(store);
  for (const q of queries.slice(0, 10)) searchDossiers(store, q, 20, 0); // warm the page cache
  const times: number[] = [];
  let partial = 0;
  let slowest = { q: '', ms: 0 };
  for (let round = 0; round < 3; round++) {
    for (const q of queries) {
      const s = performance.now();
      if (searchDossiers(store, q, 20, 0).pagesPartial) partial++;
      const ms = performance.now() - s;
      times.push(ms);
      if (ms > slowest.ms) slowest = { q, ms };
    }
  }
  console.error(`  slowest search: "${slowest.q}" ${slowest.ms.toFixed(1)} ms over ${times.length} searches`);
  rows.push({ area: 'store', name: `search p50 (${queries.length} queries × 3: names, IDs, codes, procedures, OCR phrases)`, value: pct(times, 50), unit: 'ms' });
  rows.push({ area: 'store', name: 'search p95', value: pct(times, 95), unit: 'ms', target: '< 50 ms', met: pct(times, 95) < 50 });
  rows.push({ area: 'store', name: 'searches whose OCR part hit its time budget (partial)', value: (100 * partial) / times.length, unit: '%' });
  // The worst case without the budget: a phrase found on no page makes FTS5 walk every doclist.
  const full: number[] = [];
  for (const q of ['giay chung nhan quyen su dung dat', 'thua dat to ban do', 'tram y te']) {
    const s = performance.now();
    store.search.search(q, 21, Number.POSITIVE_INFINITY);
    full.push(performance.now() - s);
  }
  rows.push({ area: 'store', name: 'unbounded OCR phrase search, absent phrase (max of 3)', value: Math.max(...full), unit: 'ms' });
  store.close();
  return rows;
}
