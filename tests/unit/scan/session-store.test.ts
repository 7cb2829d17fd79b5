import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { runMigrations } from '../../../src-main/store/migrations/runner.ts';
import { scanMigrations } from '../../../src-main/features/scan/migrations/0040-scan-sessions.ts';
import { ScanSessionStore, type StoredPage } from '../../../src-main/features/scan/scan-session-store.ts';

/** Fake blob store (a Map): the real encrypted one is exercised by the integration tests through createCore. */
function fakeBlobs() {
  const m = new Map<string, Buffer>();
  return {
    put: (b: Uint8Array) => {
      const sha256 = createHash('sha256').update(b).digest('hex');
      m.set(sha256, Buffer.from(b));
      return { sha256 };
    },
    get: (sha: string) => m.get(sha)!,
  };
}

function setup(now = () => 1_000_000_000_000) {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  expect(runMigrations(db, scanMigrations).applied).toEqual([{ id: 40, name: 'scan-sessions' }]);
  const blobs = fakeBlobs();
  return { db, store: new ScanSessionStore(() => ({ db, blobs }), now) };
}

const page = (store: ScanSessionStore, id: string, extra: Partial<StoredPage> = {}): StoredPage => ({
  id, state: 'processing', originalSha: store.putBlob(Buffer.from(id)), originalMime: 'image/png', width: 0, height: 0, dpi: 300, bytes: 2, rotation: 0,
  componentId: null, flags: [], words: [], ...extra,
});

describe('scan session store (migration 0040)', () => {
  it('keeps the order through appends, a replacement, a removal and a move', () => {
    const { store } = setup();
    store.createSession('s');
    store.addPage('s', page(store, 'a'), ['a']);
    store.addPage('s', page(store, 'b'), ['a', 'b']);
    store.addPage('s', page(store, 'c'), ['a', 'b', 'c']);
    store.addPage('s', page(store, 'b2', { side: 'back' }), ['a', 'b2', 'c'], 'b');
    store.removePage('s', 'a', ['b2', 'c']);
    store.reorder('s', ['c', 'b2']);
    const loaded = store.load('s')!;
    expect(loaded.pages.map((p) => p.id)).toEqual(['c', 'b2']);
    expect(loaded.pages[1]).toMatchObject({ side: 'back', state: 'processing', componentId: null });
    expect(store.getBlob(loaded.pages[0]!.originalSha).toString()).toBe('c');
  });

  it('round-trips everything the pipeline and OCR found', () => {
    const { store } = setup();
    store.createSession('s');
    const p = page(store, 'a');
    store.addPage('s', p, ['a']);
    const done: StoredPage = {
      ...p, state: 'done', imageSha: store.putBlob(Buffer.from('img')), thumbSha: store.putBlob(Buffer.from('th')), width: 2480, height: 3508, bytes: 3, rotation: 90,
      componentId: 'c1', flags: [{ code: 'skewed', vi: 'Trang bị nghiêng', en: 'Skewed', measure: 2.5 }], words: [{ text: 'Hòa', confidence: 91, bbox: { x0: 1, y0: 2, x1: 3, y1: 4 } }],
      text: 'Ủy ban nhân dân xã Hòa Tiến', confidence: 88.5, textSource: 'ocr',
      analysis: { inkCoverage: 4, skewDeg: 2.5 } as unknown as StoredPage['analysis'],
    };
    store.updatePage('s', done);
    expect(store.load('s')!.pages).toEqual([done]);
  });

  it('deletes a session with its pages, and purges stale ones unless kept', () => {
    let t = 1_000_000_000_000;
    const { db, store } = setup(() => t);
    for (const id of ['old', 'kept', 'new']) store.createSession(id);
    store.addPage('old', page(store, 'p'), ['p']);
    t += 8 * 86_400_000;
    store.touch('new');
    expect(store.purgeStale(7, new Set(['kept']))).toEqual(['old']);
    expect(db.prepare('SELECT count(*) AS n FROM scan_page').get()).toEqual({ n: 0 });
    expect(store.load('old')).toBeUndefined();
    expect(store.deleteSession('kept')).toBe(true);
    expect(store.deleteSession('kept')).toBe(false);
    expect(store.load('new')).toEqual({ deviceId: undefined, pages: [] });
  });

  it('drops writes once the database is closed (shutdown), leaving the rows as they were', () => {
    const { db, store } = setup();
    store.createSession('s');
    store.addPage('s', page(store, 'a'), ['a']);
    db.close();
    expect(() => store.updatePage('s', page(store, 'a', { state: 'error' }))).not.toThrow();
    expect(store.load('s')).toBeUndefined();
  });
});
