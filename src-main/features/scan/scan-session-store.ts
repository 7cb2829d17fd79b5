import type Database from 'better-sqlite3';
import type { OcrWord, QualityFlag, ScanPage } from '../../contract/scan.ts';
import type { PageAnalysis } from '../../documents/imaging.ts';

/** What the scan area needs of the store (structural, so tests can hand in their own). */
export interface ScanStoreDeps {
  db: Database.Database;
  blobs: { put(bytes: Uint8Array): { sha256: string }; get(sha256: string): Buffer };
}

/** One page as it is kept on disk: blob addresses instead of bytes. */
export interface StoredPage {
  id: string;
  side?: 'front' | 'back';
  state: ScanPage['state'];
  originalSha: string;
  originalMime: string;
  imageSha?: string;
  thumbSha?: string;
  width: number;
  height: number;
  dpi: number;
  bytes: number;
  rotation: number;
  componentId: string | null;
  analysis?: PageAnalysis;
  flags: QualityFlag[];
  words: OcrWord[];
  text?: string;
  confidence?: number;
  textSource?: 'ocr' | 'pdf';
  error?: string;
}

interface PageRow {
  id: string;
  side: 'front' | 'back' | null;
  state: ScanPage['state'];
  original_sha: string;
  original_mime: string;
  image_sha: string | null;
  thumb_sha: string | null;
  width: number;
  height: number;
  dpi: number;
  bytes: number;
  rotation: number;
  component_id: string | null;
  analysis_json: string | null;
  flags_json: string;
  words_json: string;
  text: string | null;
  confidence: number | null;
  text_source: 'ocr' | 'pdf' | null;
  error: string | null;
}

const COLUMNS = 'id, session_id, position, side, state, original_sha, original_mime, image_sha, thumb_sha, width, height, dpi, bytes, rotation, component_id, analysis_json, flags_json, words_json, text, confidence, text_source, error';

function toParams(sessionId: string, position: number, p: StoredPage): unknown[] {
  return [
    p.id, sessionId, position, p.side ?? null, p.state, p.originalSha, p.originalMime, p.imageSha ?? null, p.thumbSha ?? null, p.width, p.height, p.dpi, p.bytes, p.rotation,
    p.componentId, p.analysis ? JSON.stringify(p.analysis) : null, JSON.stringify(p.flags), JSON.stringify(p.words), p.text ?? null, p.confidence ?? null, p.textSource ?? null, p.error ?? null,
  ];
}

function fromRow(r: PageRow): StoredPage {
  return {
    id: r.id, side: r.side ?? undefined, state: r.state, originalSha: r.original_sha, originalMime: r.original_mime, imageSha: r.image_sha ?? undefined,
    thumbSha: r.thumb_sha ?? undefined, width: r.width, height: r.height, dpi: r.dpi, bytes: r.bytes, rotation: r.rotation, componentId: r.component_id,
    analysis: r.analysis_json ? (JSON.parse(r.analysis_json) as PageAnalysis) : undefined, flags: JSON.parse(r.flags_json) as QualityFlag[],
    words: JSON.parse(r.words_json) as OcrWord[], text: r.text ?? undefined, confidence: r.confidence ?? undefined, textSource: r.text_source ?? undefined, error: r.error ?? undefined,
  };
}

/**
 * Scan sessions in SQLite, page bytes in the encrypted blob store. Every change is one short
 * transaction, and a page row is written only after its blobs are on disk, so a kill at any instant
 * leaves a session whose rows all point at readable blobs. After the store is closed (shutdown),
 * writes are dropped: the rows then still say what a restart must redo.
 */
export class ScanSessionStore {
  constructor(
    private readonly deps: () => ScanStoreDeps,
    private readonly now: () => number = Date.now,
  ) {}

  private get db(): Database.Database | undefined {
    const db = this.deps().db;
    return db.open ? db : undefined;
  }

  putBlob(bytes: Uint8Array): string {
    return this.deps().blobs.put(bytes).sha256;
  }

  getBlob(sha256: string): Buffer {
    return this.deps().blobs.get(sha256);
  }

  createSession(id: string): void {
    const t = this.now();
    this.db?.prepare('INSERT INTO scan_session (id, created_at, touched_at) VALUES (?, ?, ?)').run(id, t, t);
  }

  touch(sessionId: string, deviceId?: string): void {
    this.db?.prepare('UPDATE scan_session SET touched_at = ?, device_id = coalesce(?, device_id) WHERE id = ?').run(this.now(), deviceId ?? null, sessionId);
  }

  /** Adds (or puts in place of `replacedId`) a page, and writes the session's order, in one transaction. */
  addPage(sessionId: string, page: StoredPage, order: string[], replacedId?: string): void {
    const db = this.db;
    if (!db) return;
    db.transaction(() => {
      if (replacedId) db.prepare('DELETE FROM scan_page WHERE id = ? AND session_id = ?').run(replacedId, sessionId);
      db.prepare(`INSERT INTO scan_page (${COLUMNS}) VALUES (${COLUMNS.split(',').map(() => '?').join(', ')})`).run(...toParams(sessionId, order.indexOf(page.id), page));
      this.writeOrder(db, sessionId, order);
    }).immediate();
  }

  updatePage(sessionId: string, page: StoredPage): void {
    const db = this.db;
    if (!db) return;
    const [, , , ...values] = toParams(sessionId, 0, page);
    const sets = COLUMNS.split(', ').slice(3).map((c) => `${c} = ?`).join(', ');
    db.transaction(() => {
      db.prepare(`UPDATE scan_page SET ${sets} WHERE id = ? AND session_id = ?`).run(...values, page.id, sessionId);
      this.touch(sessionId);
    }).immediate();
  }

  removePage(sessionId: string, pageId: string, order: string[]): void {
    const db = this.db;
    if (!db) return;
    db.transaction(() => {
      db.prepare('DELETE FROM scan_page WHERE id = ? AND session_id = ?').run(pageId, sessionId);
      this.writeOrder(db, sessionId, order);
    }).immediate();
  }

  reorder(sessionId: string, order: string[]): void {
    const db = this.db;
    if (!db) return;
    db.transaction(() => this.writeOrder(db, sessionId, order)).immediate();
  }

  private writeOrder(db: Database.Database, sessionId: string, order: string[]): void {
    const set = db.prepare('UPDATE scan_page SET position = ? WHERE id = ? AND session_id = ? AND position <> ?');
    order.forEach((id, i) => set.run(i, id, sessionId, i));
    this.touch(sessionId);
  }

  load(sessionId: string): { deviceId?: string; pages: StoredPage[] } | undefined {
    const db = this.db;
    if (!db) return undefined;
    const s = db.prepare('SELECT device_id FROM scan_session WHERE id = ?').get(sessionId) as { device_id: string | null } | undefined;
    if (!s) return undefined;
    const rows = db.prepare('SELECT * FROM scan_page WHERE session_id = ? ORDER BY position, rowid').all(sessionId) as PageRow[];
    return { deviceId: s.device_id ?? undefined, pages: rows.map(fromRow) };
  }

  /** Forgets a session's rows; its blobs stay (content-addressed, a dossier may hold the same bytes). */
  deleteSession(sessionId: string): boolean {
    return (this.db?.prepare('DELETE FROM scan_session WHERE id = ?').run(sessionId).changes ?? 0) > 0;
  }

  /** Deletes sessions untouched for `days` that no reception in progress refers to; returns their ids. */
  purgeStale(days: number, keep: ReadonlySet<string>): string[] {
    const db = this.db;
    if (!db) return [];
    const cutoff = this.now() - days * 86_400_000;
    return db.transaction(() => {
      const stale = (db.prepare('SELECT id FROM scan_session WHERE touched_at < ?').all(cutoff) as Array<{ id: string }>).map((r) => r.id).filter((id) => !keep.has(id));
      const del = db.prepare('DELETE FROM scan_session WHERE id = ?');
      for (const id of stale) del.run(id);
      return stale;
    }).immediate();
  }
}
