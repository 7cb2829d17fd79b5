import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ScanErrors, type ScanCaps, type ScanSession, type ScanSettings, type OcrWord } from '../../contract/scan.ts';
import { CounterError } from '../../contract/errors.ts';
import type { DeviceProbe } from '../../devices/probe.ts';
import { driverOf, type RawPage, type ScanDriver } from '../../devices/scanner/driver.ts';
import { importBytes, importFile } from '../../devices/scanner/file-import.ts';
import type { OcrEngine } from '../../documents/ocr-engine.ts';
import { scaleWords, type OcrInput } from '../../documents/ocr-prep.ts';
import { qualityFlags } from '../../documents/quality.ts';
import { buildSearchablePdf } from '../../documents/pdf-build.ts';
import { rotateImage, thumbnail, analysePage } from '../../documents/imaging.ts';
import { preparePage } from './scan-pipeline.ts';
import type { ScanSessionStore, StoredPage } from './scan-session-store.ts';

/** A page in memory: what is kept on disk, plus the bytes this process made and its OCR job. */
interface PageRec extends Omit<StoredPage, 'originalSha'> {
  /** Unset only when there is no store (memory-only sessions). */
  originalSha?: string;
  ocrProgress: number;
  /** Bytes in memory while this process made them; a page restored from disk reads its blobs. */
  original?: Buffer;
  image?: Buffer;
  thumb?: Buffer;
  abort: AbortController;
}

interface SessionRec {
  id: string;
  pages: PageRec[];
  state: ScanSession['state'];
  deviceId?: string;
  run?: AbortController;
  running?: Promise<void>;
  /** Page preparation runs one page at a time per session, in arrival order. */
  chain: Promise<void>;
  ocrJobs: Set<Promise<unknown>>;
  lastError?: ScanSession['lastError'];
}

export interface ScanServiceOptions {
  dataDir: string;
  drivers: ScanDriver[];
  ocr: () => OcrEngine;
  emit: (session: ScanSession) => void;
  /** OSD orientation through native tesseract (off in tests that do not need it). */
  osd?: boolean;
  /** Hands a built PDF and the page texts to the store, once it exists (see the report). */
  onPdfBuilt?: (pdf: { bytes: Uint8Array; sha256: string; componentId: string | null; dossierId?: string; pageTexts: string[] }) => boolean;
  /** Keeps sessions on disk (SQLite + encrypted blobs) so they survive a crash; without it, memory only. */
  persist?: ScanSessionStore;
}

/** Scan sessions: pages from any driver or file, the page pipeline, OCR in the background, PDFs. */
export class ScanService {
  private readonly sessions = new Map<string, SessionRec>();
  /** Set while the core shuts down: aborted OCR is then not recorded as failed, so a restart redoes it. */
  private closing = false;
  constructor(private readonly opts: ScanServiceOptions) {}

  probes(): DeviceProbe[] {
    return this.opts.drivers.map((d) => ({ kind: 'scanner' as const, driver: d.name, probe: () => d.listDevices() }));
  }

  private driver(deviceId: string): ScanDriver {
    const d = this.opts.drivers.find((x) => x.name === driverOf(deviceId));
    if (!d) throw ScanErrors.raise('SCAN_DEVICE_NOT_FOUND', { deviceId });
    return d;
  }

  caps(deviceId: string): Promise<ScanCaps> {
    return this.driver(deviceId).caps(deviceId);
  }

  open(): ScanSession {
    const s: SessionRec = { id: randomUUID(), pages: [], state: 'idle', chain: Promise.resolve(), ocrJobs: new Set() };
    this.opts.persist?.createSession(s.id);
    this.sessions.set(s.id, s);
    return this.snapshot(s);
  }

  private session(id: string): SessionRec {
    const s = this.sessions.get(id) ?? this.restore(id);
    if (!s) throw ScanErrors.raise('SCAN_SESSION_NOT_FOUND');
    return s;
  }

  /** Loads a session a previous process left on disk, and queues again the work it had not finished. */
  private restore(id: string): SessionRec | undefined {
    const persist = this.opts.persist;
    const stored = persist?.load(id);
    if (!persist || !stored) return undefined;
    const s: SessionRec = { id, pages: stored.pages.map(fromStored), state: 'idle', deviceId: stored.deviceId, chain: Promise.resolve(), ocrJobs: new Set() };
    this.sessions.set(id, s);
    persist.touch(id);
    for (const p of s.pages) {
      if (p.state === 'processing') {
        const raw = (): RawPage => ({ bytes: this.original(p), mime: p.originalMime, dpi: p.dpi, side: p.side, textLayer: p.textSource === 'pdf' ? { text: p.text ?? '', words: p.words } : undefined });
        s.chain = s.chain.then(() => this.prepare(s, p, raw));
      } else if (p.state === 'ocr') {
        p.ocrProgress = 0;
        this.startOcr(s, p);
      }
    }
    return s;
  }

  private original(p: PageRec): Buffer {
    return p.original ?? this.opts.persist!.getBlob(p.originalSha!);
  }

  private image(p: PageRec): Buffer | undefined {
    return p.image ?? (p.imageSha ? this.opts.persist!.getBlob(p.imageSha) : undefined);
  }

  private thumb(p: PageRec): Buffer | undefined {
    return p.thumb ?? (p.thumbSha ? this.opts.persist!.getBlob(p.thumbSha) : undefined);
  }

  private hasImage(p: PageRec): boolean {
    return !!(p.image ?? p.imageSha);
  }

  /** Writes a page's new image and thumbnail as blobs (before the row that names them). */
  private storeImages(p: PageRec): void {
    const persist = this.opts.persist;
    if (!persist || !p.image) return;
    p.imageSha = persist.putBlob(p.image);
    if (p.thumb) p.thumbSha = persist.putBlob(p.thumb);
  }

  private save(s: SessionRec, p: PageRec): void {
    if (!this.closing && s.pages.includes(p)) this.opts.persist?.updatePage(s.id, toStored(p));
  }

  private page(s: SessionRec, pageId: string): PageRec {
    const p = s.pages.find((x) => x.id === pageId);
    if (!p) throw ScanErrors.raise('SCAN_PAGE_NOT_FOUND');
    return p;
  }

  get(id: string): ScanSession {
    return this.snapshot(this.session(id));
  }

  snapshot(s: SessionRec): ScanSession {
    return {
      id: s.id,
      state: s.state,
      deviceId: s.deviceId,
      lastError: s.lastError,
      pages: s.pages.map((p, i) => ({
        id: p.id, order: i + 1, side: p.side, state: p.state, ocrProgress: p.ocrProgress, width: p.width, height: p.height, dpi: p.dpi,
        rotation: p.rotation, bytes: p.bytes, mime: 'image/jpeg', componentId: p.componentId, flags: p.flags,
        text: p.text, confidence: p.confidence, textSource: p.textSource, error: p.error,
      })),
    };
  }

  private changed(s: SessionRec): void {
    this.opts.emit(this.snapshot(s));
  }

  run(sessionId: string, deviceId: string, settings: ScanSettings, replacePageId?: string, componentId?: string): void {
    const s = this.session(sessionId);
    if (s.state !== 'idle') throw ScanErrors.raise('SCAN_ALREADY_RUNNING');
    const driver = this.driver(deviceId);
    const ac = new AbortController();
    s.run = ac;
    s.state = 'scanning';
    s.deviceId = deviceId;
    s.lastError = undefined;
    this.opts.persist?.touch(s.id, deviceId);
    let replaceAt = replacePageId ? s.pages.findIndex((p) => p.id === replacePageId) : -1;
    if (replaceAt >= 0) componentId ??= s.pages[replaceAt]!.componentId ?? undefined;
    this.changed(s);
    s.running = driver
      .scan(deviceId, settings, {
        page: (raw) => {
          // A rescan replaces the bad page in place; any further pages follow it.
          const at = replaceAt;
          if (replaceAt >= 0) replaceAt = -1;
          this.addPage(s, raw, componentId ?? null, at);
        },
      }, ac.signal)
      .catch((err: unknown) => {
        const e = err instanceof CounterError ? err : ScanErrors.raise('SCAN_DEVICE_ERROR', { reason: String(err) });
        s.lastError = { code: e.code, vi: e.messages.vi, en: e.messages.en };
      })
      .finally(() => {
        s.state = 'idle';
        s.run = undefined;
        this.changed(s);
      });
  }

  cancel(sessionId: string): ScanSession {
    const s = this.session(sessionId);
    if (s.run) {
      s.state = 'cancelling';
      s.run.abort();
    }
    for (const p of s.pages) if (p.state !== 'done') p.abort.abort();
    return this.snapshot(s);
  }

  async importFiles(sessionId: string, paths: string[], files: Array<{ name: string; base64: string }>, componentId?: string): Promise<ScanSession> {
    const s = this.session(sessionId);
    const raws: RawPage[] = [];
    for (const p of paths) raws.push(...(await importFile(p)));
    for (const f of files) raws.push(...(await importBytes(Buffer.from(f.base64, 'base64'), f.name)));
    for (const r of raws) this.addPage(s, r, componentId ?? null, -1);
    await s.chain;
    return this.snapshot(s);
  }

  private addPage(s: SessionRec, raw: RawPage, componentId: string | null, replaceAt: number): void {
    const rec: PageRec = {
      id: randomUUID(), side: raw.side, state: 'processing', ocrProgress: 0, original: raw.bytes, originalMime: raw.mime,
      width: 0, height: 0, dpi: raw.dpi, bytes: raw.bytes.length, rotation: 0, componentId, flags: [], words: [], abort: new AbortController(),
    };
    // A PDF's text layer is kept from the start, so a restart can prepare the page again without OCR.
    if (raw.textLayer) Object.assign(rec, { text: raw.textLayer.text, words: raw.textLayer.words, textSource: 'pdf' });
    // On disk before anyone is told the page exists: original blob first, then its row.
    if (this.opts.persist) rec.originalSha = this.opts.persist.putBlob(raw.bytes);
    let replaced: PageRec | undefined;
    if (replaceAt >= 0 && s.pages[replaceAt]) {
      replaced = s.pages[replaceAt]!;
      replaced.abort.abort();
      s.pages[replaceAt] = rec;
    } else s.pages.push(rec);
    this.opts.persist?.addPage(s.id, toStored(rec), s.pages.map((p) => p.id), replaced?.id);
    this.changed(s);
    s.chain = s.chain.then(() => this.prepare(s, rec, raw));
  }

  private async prepare(s: SessionRec, rec: PageRec, rawOrLoad: RawPage | (() => RawPage)): Promise<void> {
    try {
      const raw = typeof rawOrLoad === 'function' ? rawOrLoad() : rawOrLoad;
      const p = await preparePage(raw, { osd: this.opts.osd ?? true, detectRotation: (img) => this.opts.ocr().detectRotation(img) });
      Object.assign(rec, { image: p.image, thumb: p.thumb, width: p.width, height: p.height, dpi: p.dpi, bytes: p.image.length, analysis: p.analysis, rotation: p.rotation });
      this.storeImages(rec);
      rec.flags = qualityFlags(p.analysis);
      if (raw.textLayer) {
        Object.assign(rec, { text: raw.textLayer.text, words: raw.textLayer.words, confidence: 100, textSource: 'pdf', state: 'done', ocrProgress: 1 });
      } else if (rec.flags.some((f) => f.code === 'blank')) {
        Object.assign(rec, { text: '', state: 'done', ocrProgress: 1 });
      } else {
        rec.state = 'ocr';
        this.startOcr(s, rec, p.ocr);
      }
    } catch (err) {
      rec.state = 'error';
      rec.error = err instanceof CounterError ? err.messages.vi : String(err);
    }
    this.save(s, rec);
    this.changed(s);
  }

  /** `input`: the lossless OCR image of a fresh page; otherwise (a rotation, a restart) the kept image. */
  private startOcr(s: SessionRec, rec: PageRec, input?: OcrInput): void {
    let lastEmit = 0;
    const ac = rec.abort;
    // Inside the promise: a page restored from disk reads its image blob here, and a missing blob fails the page, not the caller.
    const job = Promise.resolve()
      .then(() => this.opts.ocr().recognize({
        image: input?.image ?? this.image(rec)!,
        dpi: input?.dpi ?? rec.dpi,
        signal: ac.signal,
        onProgress: (p) => {
          rec.ocrProgress = p;
          if (p - lastEmit >= 0.25) {
            lastEmit = p;
            this.changed(s);
          }
        },
      }))
      .then(
        (r) => {
          if (rec.abort !== ac) return; // superseded by a rotation: that job's text counts
          const words = input ? scaleWords(r.words, input.width / rec.width) : r.words; // boxes on the kept image
          Object.assign(rec, { text: r.text, words, confidence: r.confidence, textSource: 'ocr', state: 'done', ocrProgress: 1 });
          if (rec.analysis) rec.flags = qualityFlags(rec.analysis, r.confidence);
          this.save(s, rec);
        },
        (err: unknown) => {
          if (rec.abort !== ac) return;
          rec.state = 'error';
          rec.error = err instanceof CounterError ? err.messages.vi : String(err);
          this.save(s, rec);
        },
      )
      .finally(() => {
        s.ocrJobs.delete(job);
        this.changed(s);
      });
    s.ocrJobs.add(job);
  }

  /** Resolves once the scan has stopped and every page is prepared and recognised. */
  async wait(sessionId: string, timeoutMs: number): Promise<ScanSession> {
    const s = this.session(sessionId);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const pending = [s.running, s.chain, ...s.ocrJobs].filter(Boolean);
      const busy = s.state !== 'idle' || s.ocrJobs.size > 0 || s.pages.some((p) => p.state === 'processing' || p.state === 'ocr');
      if (!busy) return this.snapshot(s);
      if (Date.now() > deadline) throw ScanErrors.raise('SCAN_TIMEOUT');
      await Promise.race([Promise.allSettled(pending), new Promise((r) => setTimeout(r, 200))]);
    }
  }

  async pageImage(sessionId: string, pageId: string, variant: 'thumb' | 'page') {
    const p = this.page(this.session(sessionId), pageId);
    const img = variant === 'thumb' ? (this.thumb(p) ?? (await thumbnail(this.original(p)))) : (this.image(p) ?? this.original(p));
    const mime = variant === 'page' && !this.hasImage(p) ? p.originalMime : 'image/jpeg';
    return { dataUrl: `data:${mime};base64,${img.toString('base64')}`, width: p.width, height: p.height };
  }

  pageWords(sessionId: string, pageId: string): OcrWord[] {
    return this.page(this.session(sessionId), pageId).words;
  }

  async edit(sessionId: string, pageId: string, edit: { op: 'rotate'; degrees: 90 | 180 | 270 } | { op: 'delete' } | { op: 'move'; toOrder: number } | { op: 'assign'; componentId: string | null }): Promise<ScanSession> {
    const s = this.session(sessionId);
    const p = this.page(s, pageId);
    const order = () => s.pages.map((x) => x.id);
    if (edit.op === 'delete') {
      p.abort.abort();
      s.pages.splice(s.pages.indexOf(p), 1);
      this.opts.persist?.removePage(s.id, p.id, order());
    } else if (edit.op === 'move') {
      s.pages.splice(s.pages.indexOf(p), 1);
      s.pages.splice(Math.min(edit.toOrder - 1, s.pages.length), 0, p);
      this.opts.persist?.reorder(s.id, order());
    } else if (edit.op === 'assign') {
      p.componentId = edit.componentId;
      this.save(s, p);
    } else if (this.hasImage(p)) {
      // The text must follow the picture: recognise the rotated page again.
      p.abort.abort();
      p.abort = new AbortController();
      p.image = await rotateImage(this.image(p)!, edit.degrees);
      p.thumb = await thumbnail(p.image);
      p.bytes = p.image.length;
      this.storeImages(p);
      p.rotation = (p.rotation + edit.degrees) % 360;
      if (edit.degrees !== 180) [p.width, p.height] = [p.height, p.width];
      p.analysis = await analysePage(p.image);
      p.words = [];
      if (p.textSource !== 'pdf' && !p.flags.some((f) => f.code === 'blank')) {
        p.state = 'ocr';
        p.ocrProgress = 0;
        this.startOcr(s, p);
      }
      this.save(s, p);
    }
    this.changed(s);
    return this.snapshot(s);
  }

  async buildPdf(sessionId: string, componentId: string | null, outPath?: string, dossierId?: string) {
    const s = this.session(sessionId);
    await this.wait(sessionId, 300_000);
    const pages = s.pages.filter((p) => this.hasImage(p) && (componentId === null || p.componentId === componentId));
    if (pages.length === 0) throw ScanErrors.raise('SCAN_NO_PAGES');
    const { bytes, pdfa } = await buildSearchablePdf(pages.map((p) => ({ image: this.image(p)!, mime: 'image/jpeg', width: p.width, height: p.height, dpi: p.dpi, words: p.words })), { title: componentId ?? 'Hồ sơ quét' });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    let path = outPath;
    const stored = this.opts.onPdfBuilt?.({ bytes, sha256, componentId, dossierId, pageTexts: pages.map((p) => p.text ?? '') }) ?? false;
    if (!path && !stored) {
      const dir = join(this.opts.dataDir, 'scans', s.id);
      mkdirSync(dir, { recursive: true });
      path = join(dir, `${(componentId ?? 'all').replace(/[^\w.-]/g, '_')}.pdf`);
    }
    if (path) writeFileSync(path, bytes);
    return { componentId, pages: pages.length, bytes: bytes.length, sha256, path, pdfa, stored };
  }

  pageTexts(sessionId: string, pageIds?: string[]): string {
    const s = this.session(sessionId);
    return s.pages.filter((p) => !pageIds || pageIds.includes(p.id)).map((p) => p.text ?? '').join('\n');
  }

  /** Forgets a session for good: its rows go; its blobs stay (a dossier may hold the same bytes). */
  closeSession(sessionId: string): boolean {
    const s = this.sessions.get(sessionId);
    if (s) {
      this.cancel(sessionId);
      this.sessions.delete(sessionId);
    }
    const deleted = this.opts.persist?.deleteSession(sessionId) ?? false;
    return !!s || deleted;
  }

  /** Purges sessions untouched for `days` that no reception in progress still refers to. */
  purgeStale(days: number, referenced: Iterable<string>): string[] {
    const keep = new Set([...referenced, ...this.sessions.keys()]);
    return this.opts.persist?.purgeStale(days, keep) ?? [];
  }

  /** Shutdown: stops the work in memory; what is on disk stays for the next start. */
  async close(): Promise<void> {
    this.closing = true;
    for (const id of [...this.sessions.keys()]) this.cancel(id);
    this.sessions.clear();
  }
}

function toStored(p: PageRec): StoredPage {
  if (!p.originalSha) throw new Error('page has no stored original');
  return {
    id: p.id, side: p.side, state: p.state, originalSha: p.originalSha, originalMime: p.originalMime, imageSha: p.imageSha, thumbSha: p.thumbSha, width: p.width,
    height: p.height, dpi: p.dpi, bytes: p.bytes, rotation: p.rotation, componentId: p.componentId, analysis: p.analysis, flags: p.flags, words: p.words,
    text: p.text, confidence: p.confidence, textSource: p.textSource, error: p.error,
  };
}

function fromStored(p: StoredPage): PageRec {
  return { ...p, ocrProgress: p.state === 'done' ? 1 : 0, abort: new AbortController() };
}
