import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createCore, type Core } from '../../../src-main/core.ts';
import type { ScanSession } from '../../../src-main/contract/scan.ts';
import { FIXTURES, tmp } from './helpers.ts';

const openCore = (dataDir: string) => createCore({ dataDir, host: 'cli', version: 'test', probes: [] });

async function call<T>(core: Core, method: string, input: unknown): Promise<T> {
  const r = await core.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** What must come back after a restart: order, sides, assignments, rotation, flags and text. */
const essence = (s: ScanSession) => s.pages.map(({ id, order, side, state, width, height, rotation, componentId, flags, text, confidence, textSource }) => ({ id, order, side, state, width, height, rotation, componentId, flags: flags.map((f) => f.code), text, confidence, textSource }));

describe('scan sessions on disk', () => {
  it('come back after a restart with the same pages, order, assignments and text; close deletes them', async () => {
    const dataDir = tmp('osc-scan-persist-');
    const a = openCore(dataDir);
    const { id } = await call<ScanSession>(a, 'scan.open', {});
    await call(a, 'scan.import', { sessionId: id, paths: [join(FIXTURES, 'form-khai-sinh.jpg'), join(FIXTURES, 'blank-back.jpg')], componentId: 'to-khai' });
    await call(a, 'scan.import', { sessionId: id, paths: [join(FIXTURES, 'card-back-mrz.jpg')] });
    const before0 = await call<ScanSession>(a, 'scan.wait', { sessionId: id, timeoutMs: 60_000 });
    const [form, blank, card] = before0.pages;
    await call(a, 'scan.editPage', { sessionId: id, pageId: card!.id, edit: { op: 'move', toOrder: 1 } });
    await call(a, 'scan.editPage', { sessionId: id, pageId: card!.id, edit: { op: 'assign', componentId: 'cccd' } });
    await call(a, 'scan.editPage', { sessionId: id, pageId: blank!.id, edit: { op: 'rotate', degrees: 180 } });
    const before = await call<ScanSession>(a, 'scan.get', { sessionId: id });
    const thumbBefore = await call<{ dataUrl: string }>(a, 'scan.pageImage', { sessionId: id, pageId: form!.id, variant: 'thumb' });
    expect(before.pages.map((p) => p.id)).toEqual([card!.id, form!.id, blank!.id]);
    expect(before.pages.find((p) => p.id === form!.id)!.text).toMatch(/KHAI SINH/);
    await a.close();

    const b = openCore(dataDir);
    const after = await call<ScanSession>(b, 'scan.get', { sessionId: id });
    expect(essence(after)).toEqual(essence(before));
    expect(after.pages.map((p) => p.componentId)).toEqual(['cccd', 'to-khai', 'to-khai']);
    expect(after.pages[2]!.rotation).toBe(180);
    expect(await call(b, 'scan.pageImage', { sessionId: id, pageId: form!.id, variant: 'thumb' })).toEqual(thumbBefore);
    expect(await call<unknown[]>(b, 'scan.pageWords', { sessionId: id, pageId: form!.id })).not.toHaveLength(0);
    // Edits and PDFs work on the restored session.
    await call(b, 'scan.editPage', { sessionId: id, pageId: blank!.id, edit: { op: 'delete' } });
    const pdf = await call<{ pages: number; stored: boolean }>(b, 'scan.buildPdf', { sessionId: id, componentId: 'to-khai' });
    expect(pdf).toMatchObject({ pages: 1, stored: true });
    await b.close();

    const c = openCore(dataDir);
    expect((await call<ScanSession>(c, 'scan.get', { sessionId: id })).pages.map((p) => p.id)).toEqual([card!.id, form!.id]);
    expect(await call(c, 'scan.close', { sessionId: id })).toEqual({ closed: true });
    expect(await c.call('scan.get', { sessionId: id })).toMatchObject({ ok: false, error: { code: 'SCAN_SESSION_NOT_FOUND' } });
    await c.close();
    const db = new Database(join(dataDir, 'counter.sqlite'), { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM scan_page').get()).toEqual({ n: 0 });
    db.close();
  }, 90_000);

  it('recognises again a page whose OCR had not finished when the core stopped', async () => {
    const dataDir = tmp('osc-scan-requeue-');
    const a = openCore(dataDir);
    const { id } = await call<ScanSession>(a, 'scan.open', {});
    // import resolves once the page is prepared; whether its OCR also finishes before close is a race
    // either way, so the stop mid-OCR is made certain: the row is put back as a killed process leaves it.
    const imported = await call<ScanSession>(a, 'scan.import', { sessionId: id, paths: [join(FIXTURES, 'receipt-hen-tra.jpg')] });
    await a.close();
    const db = new Database(join(dataDir, 'counter.sqlite'));
    const reset = db.prepare("UPDATE scan_page SET state = 'ocr', text = NULL, confidence = NULL, text_source = NULL, words_json = '[]' WHERE id = ?").run(imported.pages[0]!.id);
    db.close();
    expect(reset.changes).toBe(1);

    const b = openCore(dataDir);
    expect((await call<ScanSession>(b, 'scan.get', { sessionId: id })).pages[0]!.state).toBe('ocr');
    const done = await call<ScanSession>(b, 'scan.wait', { sessionId: id, timeoutMs: 60_000 });
    expect(done.pages[0]).toMatchObject({ state: 'done', textSource: 'ocr' });
    expect(done.pages[0]!.text).toMatch(/hẹn trả/i);
    await b.close();
  }, 90_000);

  it('purges sessions untouched for a week at start-up unless a draft refers to them', async () => {
    const dataDir = tmp('osc-scan-retention-');
    const a = openCore(dataDir);
    const kept = (await call<ScanSession>(a, 'scan.open', {})).id;
    const old = (await call<ScanSession>(a, 'scan.open', {})).id;
    const fresh = (await call<ScanSession>(a, 'scan.open', {})).id;
    await call(a, 'reception.drafts.save', {
      id: 'draft-0001', updatedAt: '', step: 'components', scanSessionId: kept, received: {}, note: '',
    });
    await a.close();
    const db = new Database(join(dataDir, 'counter.sqlite'));
    db.prepare('UPDATE scan_session SET touched_at = ? WHERE id IN (?, ?)').run(Date.now() - 8 * 86_400_000, kept, old);
    db.close();

    const b = openCore(dataDir);
    expect(await b.call('scan.get', { sessionId: old })).toMatchObject({ ok: false, error: { code: 'SCAN_SESSION_NOT_FOUND' } });
    expect(await b.call('scan.get', { sessionId: kept })).toMatchObject({ ok: true });
    expect(await b.call('scan.get', { sessionId: fresh })).toMatchObject({ ok: true });
    await b.close();
  }, 30_000);
});
