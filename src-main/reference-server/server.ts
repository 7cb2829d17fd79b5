import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { portalDay, toPortalDate } from '../domain/dossier/portal-date.ts';
import { FileLocks } from './file-locks.ts';
import { FaultInjector, type FaultPlan, type FaultRule } from './faults.ts';
import { OpenApiValidator } from './openapi-validator.ts';
import { err, type Reply, type UploadTarget } from './reply.ts';
import { StatusUpdates } from './status-updates.ts';
import { CounterRegistry } from './counter-registry.ts';
import { issueCode, nextChange, openServerDb, type DossierRow, type FileRow } from './server-db.ts';

/**
 * The reference one-stop server: implements openapi.yaml over plain node:http with its own SQLite,
 * issues official codes per agency per day, and injects faults on command. Used by the sync tests,
 * the bench, training mode and demos (`npm run server`).
 */
export interface ReferenceServerOptions {
  dataDir: string;
  port?: number;
  host?: string;
  /** client id → secret accepted at /token. */
  clients?: Record<string, string>;
  tokenTtlSec?: number;
  /** An upload lock whose request sent nothing for this long is taken over by the next request. */
  fileLockTtlMs?: number;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface ReferenceServer {
  url: string;
  /** Base URL of the contract (what the counter's settings hold). */
  apiUrl: string;
  db: Database.Database;
  faults: FaultInjector;
  close(): Promise<void>;
}

export const BASE_PATH = '/onestop/v1';
export const DEFAULT_CLIENTS = { 'counter-demo': 'demo-secret' };

export async function startReferenceServer(opts: ReferenceServerOptions): Promise<ReferenceServer> {
  mkdirSync(join(opts.dataDir, 'uploads'), { recursive: true });
  const db = openServerDb(join(opts.dataDir, 'onestop.sqlite'));
  const now = opts.now ?? (() => new Date());
  const clients: Record<string, string> = opts.clients ?? DEFAULT_CLIENTS;
  const ttl = opts.tokenTtlSec ?? 3600;
  const log = opts.log ?? (() => {});
  const faults = new FaultInjector();
  const contract = new OpenApiValidator();
  const statusUpdates = new StatusUpdates(db, contract, opts.dataDir, now);
  const counters = new CounterRegistry(db, now);
  const tokens = new Map<string, { clientId: string; expires: number }>();
  const fileLocks = new FileLocks(opts.fileLockTtlMs ?? 30_000);
  const partPath = (dossierId: string, fileId: string) => join(opts.dataDir, 'uploads', dossierId, `${fileId}.part`);
  const heldBytes = (p: string) => (existsSync(p) ? statSync(p).size : 0);

  const getDossier = (id: string) => db.prepare('SELECT * FROM dossiers WHERE id = ?').get(id) as DossierRow | undefined;
  const getFiles = (id: string) => db.prepare('SELECT * FROM files WHERE dossier_id = ? ORDER BY file_id').all(id) as FileRow[];
  const fileState = (f: FileRow) => ({
    TepDinhKemId: f.file_id,
    offset: f.complete ? f.size : heldBytes(partPath(f.dossier_id, f.file_id)),
    KichThuoc: f.size,
    complete: f.complete === 1,
  });

  function dossierState(d: DossierRow) {
    const progress = db.prepare('SELECT status, at, note, by_whom FROM progress WHERE dossier_id = ? ORDER BY id').all(d.id) as Array<{
      status: string;
      at: string;
      note: string;
      by_whom: string | null;
    }>;
    const results = db.prepare('SELECT doc_id, name, code, sha256, length(bytes) AS size FROM results WHERE dossier_id = ? ORDER BY doc_id').all(d.id) as Array<{
      doc_id: string;
      name: string;
      code: string | null;
      sha256: string;
      size: number;
    }>;
    return {
      id: d.id,
      committed: d.committed === 1,
      ...(d.ma_ho_so ? { MaHoSo: d.ma_ho_so } : {}),
      SoBienNhan: d.so_bien_nhan,
      TrangThaiHoSo: d.status,
      TienDo: progress.map((p) => ({ TrangThai: p.status, ThoiDiemXuLy: p.at, NoiDungXuLy: p.note, ...(p.by_whom ? { NguoiXuLy: p.by_whom } : {}) })),
      TaiLieuNop: getFiles(d.id).map(fileState),
      DanhSachGiayToKetQua: results.map((r) => ({
        GiayToId: r.doc_id,
        TenGiayTo: r.name,
        ...(r.code ? { MaGiayToKetQua: r.code } : {}),
        KichThuoc: r.size,
        MaBam: r.sha256,
      })),
    };
  }

  function authenticate(req: IncomingMessage): string | Reply {
    const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    const t = m ? tokens.get(m[1] as string) : undefined;
    if (!t || t.expires < Date.now()) return err(401, 'invalid_token', 'Mã truy cập không hợp lệ hoặc đã hết hạn.');
    return t.clientId;
  }

  function token(req: IncomingMessage, body: Buffer): Reply {
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
    const [id, secret] = basic ? Buffer.from(basic[1] as string, 'base64').toString('utf8').split(':') : [];
    const expected = id !== undefined ? clients[id] : undefined;
    const ok = expected !== undefined && secret !== undefined && secret.length === expected.length && timingSafeEqual(Buffer.from(secret), Buffer.from(expected));
    if (!ok) return err(401, 'invalid_client', 'Sai mã ứng dụng hoặc khóa bí mật.');
    if (new URLSearchParams(body.toString('utf8')).get('grant_type') !== 'client_credentials') {
      return err(400, 'unsupported_grant_type', 'Chỉ hỗ trợ grant_type=client_credentials.');
    }
    const access = randomBytes(24).toString('hex');
    tokens.set(access, { clientId: id as string, expires: Date.now() + ttl * 1000 });
    return { status: 200, body: { access_token: access, token_type: 'Bearer', expires_in: ttl } };
  }

  function upsert(clientId: string, key: string | undefined, body: Buffer): Reply {
    if (!key || contract.check('Uuid', key).length) return err(400, 'IDEMPOTENCY_KEY_REQUIRED', 'Thiếu hoặc sai Idempotency-Key (UUID của hồ sơ).');
    let hoSo: Record<string, unknown> & { TaiLieuNop: Array<{ TepDinhKemId: string; TenTepDinhKem: string; KichThuoc: number; MaBam: string }> };
    try {
      hoSo = JSON.parse(body.toString('utf8'));
    } catch {
      return err(400, 'INVALID_JSON', 'Dữ liệu không phải JSON hợp lệ.');
    }
    const problems = contract.check('HoSo', hoSo);
    if (problems.length) return err(422, 'INVALID_DOSSIER', `Hồ sơ không hợp lệ: ${problems.slice(0, 5).join('; ')}`, problems);
    const ids = hoSo.TaiLieuNop.map((f) => f.TepDinhKemId);
    if (new Set(ids).size !== ids.length) return err(422, 'DUPLICATE_FILE_ID', 'Trùng mã tệp đính kèm (TepDinhKemId).');
    return db.transaction((): Reply => {
      const existing = getDossier(key);
      if (existing && existing.client_id !== clientId) return err(422, 'KEY_OF_OTHER_CLIENT', 'Mã hồ sơ đã được đơn vị khác sử dụng.');
      if (existing?.committed) {
        db.prepare('UPDATE dossiers SET upserts = upserts + 1 WHERE id = ?').run(key);
        return { status: 200, body: { id: key, committed: true, MaHoSo: existing.ma_ho_so, files: getFiles(key).map(fileState) } };
      }
      if (existing) {
        db.prepare('UPDATE dossiers SET payload = ?, agency = ?, so_bien_nhan = ?, upserts = upserts + 1 WHERE id = ?').run(
          JSON.stringify(hoSo), hoSo.MaDonVi, hoSo.SoBienNhan, key,
        );
      } else {
        db.prepare('INSERT INTO dossiers (id, client_id, agency, so_bien_nhan, payload, upserts) VALUES (?, ?, ?, ?, ?, 1)').run(
          key, clientId, hoSo.MaDonVi, hoSo.SoBienNhan, JSON.stringify(hoSo),
        );
      }
      const old = new Map(getFiles(key).map((f) => [f.file_id, f]));
      for (const f of hoSo.TaiLieuNop) {
        const prev = old.get(f.TepDinhKemId);
        old.delete(f.TepDinhKemId);
        if (prev && prev.sha256 === f.MaBam && prev.size === f.KichThuoc) continue;
        rmSync(partPath(key, f.TepDinhKemId), { force: true });
        db.prepare('INSERT OR REPLACE INTO files (dossier_id, file_id, name, size, sha256, complete) VALUES (?, ?, ?, ?, ?, ?)').run(
          key, f.TepDinhKemId, f.TenTepDinhKem, f.KichThuoc, f.MaBam, f.KichThuoc === 0 && f.MaBam === EMPTY_SHA ? 1 : 0,
        );
      }
      for (const gone of old.keys()) {
        db.prepare('DELETE FROM files WHERE dossier_id = ? AND file_id = ?').run(key, gone);
        rmSync(partPath(key, gone), { force: true });
      }
      return { status: existing ? 200 : 201, body: { id: key, committed: false, files: getFiles(key).map(fileState) } };
    })();
  }

  function commit(clientId: string, id: string, key: string | undefined): Reply {
    if (key !== id) return err(400, 'IDEMPOTENCY_KEY_REQUIRED', 'Idempotency-Key phải là mã UUID của hồ sơ.');
    return db.transaction((): Reply => {
      const d = getDossier(id);
      if (!d || d.client_id !== clientId) return err(404, 'NOT_FOUND', 'Không tìm thấy hồ sơ.');
      db.prepare('UPDATE dossiers SET commits = commits + 1 WHERE id = ?').run(id);
      if (!d.committed) {
        const missing = getFiles(id).filter((f) => !f.complete).map((f) => f.file_id);
        if (missing.length) return err(409, 'FILES_INCOMPLETE', 'Chưa nhận đủ tệp của hồ sơ.', missing);
        const at = now();
        const code = issueCode(db, d.agency, portalDay(at));
        const received = toPortalDate(at);
        db.prepare("UPDATE dossiers SET committed = 1, ma_ho_so = ?, status = '2', received_at = ?, change_seq = ? WHERE id = ?").run(code, received, nextChange(db), id);
        db.prepare("INSERT INTO progress (dossier_id, status, at, note, by_whom) VALUES (?, '2', ?, 'Tiếp nhận hồ sơ', 'Cán bộ một cửa')").run(id, received);
      }
      const c = getDossier(id) as DossierRow;
      return { status: 200, body: { id, MaHoSo: c.ma_ho_so, TrangThaiHoSo: c.status, NgayTiepNhan: c.received_at } };
    })();
  }

  function dossierFileTarget(clientId: string, id: string, fileId: string): UploadTarget | undefined {
    const d = getDossier(id);
    const row = () => db.prepare('SELECT * FROM files WHERE dossier_id = ? AND file_id = ?').get(id, fileId) as FileRow | undefined;
    const f = d && d.client_id === clientId ? row() : undefined;
    if (!f) return undefined;
    return {
      busyKey: `${id}/${fileId}`,
      path: partPath(id, fileId),
      size: f.size,
      sha256: f.sha256,
      complete: f.complete === 1,
      markComplete: () => db.prepare('UPDATE files SET complete = 1 WHERE dossier_id = ? AND file_id = ?').run(id, fileId),
      state: () => fileState(row() as FileRow),
    };
  }

  /** Streams a PATCH body onto the part file at the offset the client claims, tus-style. */
  function appendChunk(req: IncomingMessage, res: ServerResponse, target: UploadTarget | undefined, fault: FaultRule | undefined): void {
    if (!target) return drainThen(req, () => send(req, res, err(404, 'NOT_FOUND', 'Không tìm thấy tệp của hồ sơ.')));
    if (target.complete) return drainThen(req, () => send(req, res, { status: 200, body: target.state() }));
    const path = target.path;
    const claimed = Number(req.headers['upload-offset']);
    const lock = fileLocks.take(target.busyKey, req);
    // The client left while the request waited (a slow fault): there is no one to write for or answer.
    if (lock === 'gone') return;
    if (lock === 'busy') {
      const offset = heldBytes(path);
      return drainThen(req, () => send(req, res, { status: 409, body: { error_code: 'FILE_BUSY', message: 'Tệp đang được tải lên bởi yêu cầu khác.', offset } }));
    }
    const held = heldBytes(path);
    if (!Number.isInteger(claimed) || claimed !== held) {
      lock.release();
      return drainThen(req, () => send(req, res, { status: 409, body: { error_code: 'OFFSET_MISMATCH', message: 'Vị trí tải lên không khớp với máy chủ.', offset: held } }));
    }
    mkdirSync(dirname(path), { recursive: true });
    const fd = openSync(path, 'a');
    let pos = held;
    let overflow = false;
    const length = Number(req.headers['content-length'] ?? NaN);
    const dropAt = fault?.kind === 'drop' ? held + Math.floor((Number.isFinite(length) ? length : target.size - held) * faults.fraction()) : Infinity;
    let finished = false;
    const release = () => {
      if (finished) return;
      finished = true;
      closeSync(fd);
      lock.release();
    };
    req.on('close', release);
    req.on('data', (chunk: Buffer) => {
      if (finished || overflow) return;
      // An expired lock was handed to a newer request: not one more byte from this one.
      if (lock.lost) return release();
      lock.touch();
      let part = chunk;
      if (pos + part.length > target.size) {
        overflow = true;
        return;
      }
      if (pos + part.length > dropAt) part = part.subarray(0, Math.max(0, dropAt - pos));
      writeSync(fd, part);
      pos += part.length;
      if (pos >= dropAt) {
        release();
        req.socket.destroy();
      }
    });
    req.on('end', () => {
      if (finished) return;
      release();
      if (lock.lost) return;
      if (overflow) {
        rmSync(path, { force: true });
        return send(req, res, err(400, 'FILE_TOO_LARGE', 'Tệp gửi lên lớn hơn kích thước đã khai báo.'));
      }
      if (pos === target.size) {
        const actual = createHash('sha256').update(readFileSync(path)).digest('hex');
        if (actual !== target.sha256) {
          rmSync(path, { force: true });
          return send(req, res, { status: 409, body: { error_code: 'HASH_MISMATCH', message: 'Mã băm SHA-256 của tệp không khớp; tải lại từ đầu.', offset: 0 } });
        }
        target.markComplete();
      }
      const after = target.state();
      if (fault?.kind === 'lostAck') return void req.socket.destroy();
      send(req, res, { status: 200, body: after });
    });
  }

  function changes(clientId: string, url: URL): Reply {
    const since = Number(url.searchParams.get('since') ?? 0);
    const limit = Math.min(500, Number(url.searchParams.get('limit') ?? 100));
    if (!Number.isInteger(since) || since < 0 || !Number.isInteger(limit) || limit < 1) return err(400, 'BAD_CURSOR', 'Tham số since/limit không hợp lệ.');
    const rows = db.prepare('SELECT * FROM dossiers WHERE client_id = ? AND change_seq > ? ORDER BY change_seq LIMIT ?').all(clientId, since, limit) as DossierRow[];
    const cursor = rows.length ? (rows[rows.length - 1] as DossierRow).change_seq : since;
    return { status: 200, body: { cursor, items: rows.map(dossierState) } };
  }

  /** Province-side processing for demos and tests: move a dossier on, optionally attach a result. */
  function adminStatus(id: string, body: Buffer): Reply {
    const input = JSON.parse(body.toString('utf8')) as { TrangThaiHoSo: string; NoiDungXuLy?: string; result?: { TenGiayTo: string; MaGiayToKetQua?: string; contentBase64: string } };
    const d = getDossier(id);
    if (!d?.committed) return err(404, 'NOT_FOUND', 'Không tìm thấy hồ sơ đã tiếp nhận.');
    if (contract.check('TrangThaiHoSo', input.TrangThaiHoSo).length) return err(400, 'BAD_STATUS', 'Trạng thái không hợp lệ.');
    db.transaction(() => {
      const at = toPortalDate(now());
      db.prepare('UPDATE dossiers SET status = ?, change_seq = ? WHERE id = ?').run(input.TrangThaiHoSo, nextChange(db), id);
      db.prepare("INSERT INTO progress (dossier_id, status, at, note, by_whom) VALUES (?, ?, ?, ?, 'Chuyên viên xử lý')").run(id, input.TrangThaiHoSo, at, input.NoiDungXuLy ?? '');
      if (input.result) {
        const bytes = Buffer.from(input.result.contentBase64, 'base64');
        const n = (db.prepare('SELECT count(*) AS n FROM results WHERE dossier_id = ?').get(id) as { n: number }).n;
        db.prepare('INSERT INTO results (dossier_id, doc_id, name, code, sha256, bytes) VALUES (?, ?, ?, ?, ?, ?)').run(
          id, `kq-${n + 1}`, input.result.TenGiayTo, input.result.MaGiayToKetQua ?? null, createHash('sha256').update(bytes).digest('hex'), bytes,
        );
      }
    })();
    return { status: 200, body: dossierState(getDossier(id) as DossierRow) };
  }

  /** Everything the server holds, with the hash of the bytes actually on disk (for the fault test). */
  function adminDossiers(): Reply {
    const rows = db.prepare('SELECT * FROM dossiers ORDER BY seq').all() as DossierRow[];
    return {
      status: 200,
      body: rows.map((d) => ({
        id: d.id,
        SoBienNhan: d.so_bien_nhan,
        MaHoSo: d.ma_ho_so,
        committed: d.committed === 1,
        TrangThaiHoSo: d.status,
        upserts: d.upserts,
        commits: d.commits,
        TienDo: (db.prepare('SELECT status FROM progress WHERE dossier_id = ? ORDER BY id').all(d.id) as Array<{ status: string }>).map((p) => p.status),
        statusUpdates: statusUpdates.forDossier(d.id),
        results: (db.prepare('SELECT doc_id, name, sha256, bytes FROM results WHERE dossier_id = ? ORDER BY doc_id').all(d.id) as Array<{ doc_id: string; name: string; sha256: string; bytes: Buffer }>).map(
          (r) => ({ id: r.doc_id, name: r.name, sha256: r.sha256, storedSha256: createHash('sha256').update(r.bytes).digest('hex') }),
        ),
        files: getFiles(d.id).map((f) => {
          const p = partPath(d.id, f.file_id);
          return {
            id: f.file_id,
            size: f.size,
            sha256: f.sha256,
            complete: f.complete === 1,
            storedSha256: existsSync(p) ? createHash('sha256').update(readFileSync(p)).digest('hex') : f.size === 0 ? EMPTY_SHA : null,
          };
        }),
      })),
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    if (url.pathname.startsWith('/__')) return admin(req, res, url, method);
    if (!url.pathname.startsWith(BASE_PATH)) return drainThen(req, () => send(req, res, err(404, 'NOT_FOUND', 'Không có đường dẫn này.')));
    const path = url.pathname.slice(BASE_PATH.length);
    const fault = faults.pick(method, path);
    if (fault) log(`fault ${fault.kind} on ${method} ${path}`);
    if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.delayMs ?? 2000));
    if (fault?.kind === 'error500') return drainThen(req, () => send(req, res, err(500, 'INTERNAL', 'Lỗi máy chủ (giả lập).')));
    if (fault?.kind === 'unavailable503') {
      const after = fault.retryAfterSec ?? 1;
      return drainThen(req, () => send(req, res, { ...err(503, 'UNAVAILABLE', 'Hệ thống đang bảo trì, thử lại sau.'), headers: { 'Retry-After': String(after) } }));
    }
    if (fault?.kind === 'tokenExpiry') tokens.clear();
    if (fault?.kind === 'drop' && method !== 'PATCH') return void req.socket.destroy();

    const fileMatch = /^\/dossiers\/([^/]+)\/files\/([^/]+)$/.exec(path);
    if (method === 'PATCH' && fileMatch) {
      const who = authenticate(req);
      if (typeof who !== 'string') return drainThen(req, () => send(req, res, who));
      return appendChunk(req, res, dossierFileTarget(who, decodeURIComponent(fileMatch[1] as string), decodeURIComponent(fileMatch[2] as string)), fault);
    }
    const resultMatch = /^\/dossiers\/([^/]+)\/results\/([^/]+)$/.exec(path);
    if (method === 'PATCH' && resultMatch) {
      const who = authenticate(req);
      if (typeof who !== 'string') return drainThen(req, () => send(req, res, who));
      return appendChunk(req, res, statusUpdates.resultTarget(who, decodeURIComponent(resultMatch[1] as string), decodeURIComponent(resultMatch[2] as string)), fault);
    }
    const body = await readBody(req);
    const run = (): Reply => route(req, method, path, url, body);
    let reply = run();
    // A duplicated request reaches the handler twice, as a retrying proxy or a double click would.
    if (fault?.kind === 'duplicate') reply = run();
    if (fault?.kind === 'lostAck') return void req.socket.destroy();
    send(req, res, reply);
  }

  function route(req: IncomingMessage, method: string, path: string, url: URL, body: Buffer): Reply {
    if (method === 'GET' && path === '/health') return { status: 200, body: { status: 'ok', time: toPortalDate(now()) } };
    if (method === 'POST' && path === '/token') return token(req, body);
    const who = authenticate(req);
    if (typeof who !== 'string') return who;
    const key = req.headers['idempotency-key'] as string | undefined;
    let m: RegExpExecArray | null;
    const counterReply = counters.route(who, method, path, body);
    if (counterReply) return counterReply;
    if (method === 'POST' && path === '/dossiers') return upsert(who, key, body);
    if (method === 'GET' && path === '/changes') return changes(who, url);
    if ((m = /^\/dossiers\/([^/]+)\/commit$/.exec(path)) && method === 'POST') return commit(who, decodeURIComponent(m[1] as string), key);
    if ((m = /^\/dossiers\/([^/]+)\/status$/.exec(path)) && method === 'POST') return statusUpdates.post(who, decodeURIComponent(m[1] as string), key, body);
    if ((m = /^\/dossiers\/([^/]+)\/files\/([^/]+)$/.exec(path)) && method === 'GET') {
      const f = db.prepare('SELECT f.* FROM files f JOIN dossiers d ON d.id = f.dossier_id WHERE f.dossier_id = ? AND f.file_id = ? AND d.client_id = ?').get(
        decodeURIComponent(m[1] as string), decodeURIComponent(m[2] as string), who,
      ) as FileRow | undefined;
      return f ? { status: 200, body: fileState(f) } : err(404, 'NOT_FOUND', 'Không tìm thấy tệp của hồ sơ.');
    }
    if ((m = /^\/dossiers\/([^/]+)\/results\/([^/]+)$/.exec(path)) && method === 'GET') {
      const r = db.prepare('SELECT r.bytes FROM results r JOIN dossiers d ON d.id = r.dossier_id WHERE r.dossier_id = ? AND r.doc_id = ? AND d.client_id = ?').get(
        decodeURIComponent(m[1] as string), decodeURIComponent(m[2] as string), who,
      ) as { bytes: Buffer } | undefined;
      return r ? { status: 200, raw: r.bytes, headers: { 'Content-Type': 'application/pdf' } } : err(404, 'NOT_FOUND', 'Không tìm thấy giấy tờ kết quả.');
    }
    if ((m = /^\/dossiers\/([^/]+)$/.exec(path)) && method === 'GET') {
      const d = getDossier(decodeURIComponent(m[1] as string));
      return d && d.client_id === who ? { status: 200, body: dossierState(d) } : err(404, 'NOT_FOUND', 'Không tìm thấy hồ sơ.');
    }
    return err(404, 'NOT_FOUND', 'Không có đường dẫn này.');
  }

  async function admin(req: IncomingMessage, res: ServerResponse, url: URL, method: string): Promise<void> {
    const body = await readBody(req);
    let reply: Reply;
    try {
      if (url.pathname === '/__faults' && method === 'POST') {
        faults.set(JSON.parse(body.toString('utf8')) as FaultPlan);
        reply = { status: 200, body: { ok: true } };
      } else if (url.pathname === '/__faults' && method === 'DELETE') {
        faults.clear();
        reply = { status: 200, body: { ok: true } };
      } else if (url.pathname === '/__faults' && method === 'GET') {
        reply = { status: 200, body: { fired: faults.fired } };
      } else if (url.pathname === '/__admin/dossiers' && method === 'GET') {
        reply = adminDossiers();
      } else {
        const m = /^\/__admin\/dossiers\/([^/]+)\/status$/.exec(url.pathname);
        reply = m && method === 'POST' ? adminStatus(decodeURIComponent(m[1] as string), body) : err(404, 'NOT_FOUND', 'Không có đường dẫn này.');
      }
    } catch (e) {
      reply = err(400, 'BAD_REQUEST', String(e));
    }
    send(req, res, reply);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      log(`error ${String(e)}`);
      if (!res.headersSent) send(req, res, err(500, 'INTERNAL', 'Lỗi máy chủ.'));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://${opts.host ?? '127.0.0.1'}:${port}`;
  return {
    url,
    apiUrl: `${url}${BASE_PATH}`,
    db,
    faults,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
    },
  };
}

const EMPTY_SHA = createHash('sha256').digest('hex');

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

/** Replies only after the request body is consumed, so keep-alive connections stay usable. */
function drainThen(req: IncomingMessage, fn: () => void): void {
  if (req.readableEnded) return fn();
  req.resume();
  req.once('end', fn);
}

function send(req: IncomingMessage, res: ServerResponse, r: Reply): void {
  if (res.headersSent || req.socket.destroyed) return;
  const payload = r.raw ?? (r.body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(r.body)));
  res.writeHead(r.status, {
    'Content-Type': r.raw ? 'application/octet-stream' : 'application/json; charset=utf-8',
    'Content-Length': String(payload.length),
    ...r.headers,
  });
  res.end(payload);
}

