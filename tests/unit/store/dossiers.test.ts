import { afterEach, describe, expect, it } from 'vitest';
import { writeNumberingBlock } from '../../../src-main/store/repos/counter-meta.ts';
import { tempStore, draft, AGENCY } from './helpers.ts';
import type { Store } from '../../../src-main/store/store.ts';
import { parseProvisionalCode, parseOfficialCode } from '../../../src-main/domain/codes/dossier-code.ts';

let cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});
function store(agency: Parameters<typeof tempStore>[0] = {}): Store {
  const t = tempStore(agency);
  cleanups.push(t.cleanup);
  return t.store;
}

describe('dossier repository', () => {
  it('accepts a dossier and reads back the same aggregate', () => {
    const s = store();
    const page = s.blobs.put(Buffer.from('scan'));
    const accepted = s.dossiers.accept(
      draft({
        components: [{ code: 'TK', name: 'Tờ khai', originals: 1, pages: [{ pageNo: 1, sha256: page.sha256, size: page.size, mime: 'image/png' }] }],
        owner: { identity: { kind: 'chip', fullName: 'Trần Thị Bình', idNumber: '001190000001', warnings: [] }, trust: 'verified' },
        appointment: { dueAt: '2026-05-05T10:00:00+07:00', reasoning: { skipped: ['2026-04-30'] } },
      }),
    );
    expect(accepted.status).toBe(2);
    expect(accepted.statusHistory.map((h) => h.status)).toEqual([1, 2]);
    expect(parseProvisionalCode(accepted.provisionalCode!)).toMatchObject({ agency: AGENCY.code, counterId: '01', sequence: 1 });
    expect(accepted.officialCode).toBeNull();
    expect(s.dossiers.get(accepted.id)).toEqual(accepted);
    expect(s.dossiers.getByCode(accepted.provisionalCode!).id).toBe(accepted.id);
  });

  it('runs accept hooks inside the transaction: a failing hook leaves nothing behind', () => {
    const s = store();
    s.db.exec('CREATE TABLE outbox (dossier_id TEXT NOT NULL)');
    const off = s.dossiers.onAccept((tx, d) => tx.prepare('INSERT INTO outbox (dossier_id) VALUES (?)').run(d.id));
    const ok = s.dossiers.accept(draft());
    expect(s.db.prepare('SELECT dossier_id FROM outbox').all()).toEqual([{ dossier_id: ok.id }]);
    const offBoom = s.dossiers.onAccept(() => {
      throw new Error('outbox full');
    });
    expect(() => s.dossiers.accept(draft())).toThrow('outbox full');
    expect(s.dossiers.list({ limit: 10, offset: 0 }).total).toBe(1);
    expect(s.db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 1 });
    offBoom();
    off();
    // The rolled-back accept did not consume a number.
    expect(parseProvisionalCode(s.dossiers.accept(draft()).provisionalCode!)?.sequence).toBe(2);
  });

  it('refuses invalid drafts, missing pages, and a missing or bad agency code', () => {
    const s = store();
    expect(() => s.dossiers.accept({ ...draft(), procedureCode: '' })).toThrow(/DOSSIER_INVALID/);
    expect(() =>
      s.dossiers.accept(draft({ components: [{ name: 'x', pages: [{ pageNo: 1, sha256: 'b'.repeat(64), size: 1, mime: 'image/png' }] }] })),
    ).toThrow(/DOSSIER_PAGE_MISSING/);
    expect(() => store({ agency: () => ({ code: '', counterId: '01' }) }).dossiers.accept(draft())).toThrow(/AGENCY_CODE_MISSING/);
    expect(() => store({ agency: () => ({ code: 'H42', counterId: '01' }) }).dossiers.accept(draft())).not.toThrow();
    expect(() => store({ agency: () => ({ code: 'xyz', counterId: '01' }) }).dossiers.accept(draft())).toThrow(/AGENCY_CODE_INVALID/);
    expect(() => store({ agency: () => ({ code: AGENCY.code, counterId: 'a b' }) }).dossiers.accept(draft())).toThrow(/COUNTER_ID_INVALID/);
  });

  it('with delegated numbering but no block granted by the province, issues provisional codes (no official number could be proven unique)', () => {
    const s = store({ agency: () => ({ ...AGENCY, delegatedNumbering: true }) });
    const d = s.dossiers.accept(draft());
    expect(d.officialCode).toBeNull();
    expect(d.provisionalCode).toMatch(/^000\.00\.31\.H42-\d{6}-T01-[0-9A-Z]{4}-0001$/);
  });

  it('mints official codes from its granted block, a daily sequence, and falls back to provisional codes once the block is used up', () => {
    const s = store({ agency: () => ({ ...AGENCY, delegatedNumbering: true }) });
    writeNumberingBlock(s.db, { agency: AGENCY.code, first: 1001, last: 1005 });
    const day = new Date('2024-05-20T02:00:00Z');
    const block = [1, 2, 3].map(() => s.dossiers.accept(draft({ receivedAt: day.toISOString() }), day).officialCode);
    expect(block).toEqual(['000.00.31.H42-240520-1001', '000.00.31.H42-240520-1002', '000.00.31.H42-240520-1003']);
    const more = [4, 5, 6].map(() => s.dossiers.accept(draft({ receivedAt: day.toISOString() }), day));
    expect(more.map((d) => d.officialCode)).toEqual(['000.00.31.H42-240520-1004', '000.00.31.H42-240520-1005', null]);
    expect(more[2]!.provisionalCode).toMatch(/-240520-T01-[0-9A-Z]{4}-0001$/);
  });

  it('mints official codes from a per-agency daily sequence when numbering is delegated', () => {
    const s = store({ agency: () => ({ ...AGENCY, delegatedNumbering: true }) });
    writeNumberingBlock(s.db, { agency: AGENCY.code, first: 1, last: 1000 });
    const day = new Date('2024-05-20T02:00:00Z');
    const codes = [1, 2, 3].map(() => s.dossiers.accept(draft({ receivedAt: day.toISOString() }), day).officialCode);
    expect(codes).toEqual(['000.00.31.H42-240520-0001', '000.00.31.H42-240520-0002', '000.00.31.H42-240520-0003']);
    // 23:30 in Vietnam on the 20th is still the 20th; 00:30 on the 21st starts a new day.
    expect(s.dossiers.accept(draft({ receivedAt: '2024-05-20T16:30:00Z' })).officialCode).toBe('000.00.31.H42-240520-0004');
    expect(s.dossiers.accept(draft({ receivedAt: '2024-05-20T17:30:00Z' })).officialCode).toBe('000.00.31.H42-240521-0001');
  });

  it('replaces a provisional code with the official one and keeps both', () => {
    const s = store();
    const d = s.dossiers.accept(draft());
    const changes: string[] = [];
    s.dossiers.onChange((_tx, _d, c) => changes.push(c.kind));
    const after = s.dossiers.setOfficialCode(d.id, '000.00.31.H42-240520-0017');
    expect(after.officialCode).toBe('000.00.31.H42-240520-0017');
    expect(after.provisionalCode).toBe(d.provisionalCode);
    expect(s.dossiers.getByCode('000.00.31.H42-240520-0017').id).toBe(d.id);
    expect(() => s.dossiers.setOfficialCode(d.id, 'not a code')).toThrow(/DOSSIER_CODE_INVALID/);
    const other = s.dossiers.accept(draft());
    expect(() => s.dossiers.setOfficialCode(other.id, '000.00.31.H42-240520-0017')).toThrow(/DOSSIER_CODE_CONFLICT/);
    expect(changes).toEqual(['official-code']);
    expect(s.dossiers.list({ limit: 5, offset: 0 }).items.find((x) => x.id === d.id)).toMatchObject({ provisional: false, code: '000.00.31.H42-240520-0017' });
  });

  it('moves through national statuses and refuses moves out of terminal ones', () => {
    const s = store();
    const d = s.dossiers.accept(draft());
    s.dossiers.changeStatus(d.id, 4, 'u1');
    s.dossiers.changeStatus(d.id, 5, 'u1', 'Thiếu giấy chứng sinh');
    s.dossiers.changeStatus(d.id, 4);
    s.dossiers.changeStatus(d.id, 9);
    const done = s.dossiers.changeStatus(d.id, 10);
    expect(done.statusHistory.map((h) => h.status)).toEqual([1, 2, 4, 5, 4, 9, 10]);
    expect(done.statusHistory[3]!.note).toBe('Thiếu giấy chứng sinh');
    expect(() => s.dossiers.changeStatus(d.id, 4)).toThrow(/DOSSIER_STATUS_INVALID/);
    expect(() => s.dossiers.changeStatus('nope', 4)).toThrow(/DOSSIER_NOT_FOUND/);
  });

  it('records issued forms and the province confirmation once', () => {
    const s = store();
    const d = s.dossiers.accept(draft());
    const withForm = s.dossiers.recordForm(d.id, 'mau-01', 'c'.repeat(64), 'u1');
    expect(withForm.forms).toEqual([expect.objectContaining({ form: 'mau-01', sha256: 'c'.repeat(64), by: 'u1' })]);
    const t1 = new Date('2026-01-01T00:00:00Z');
    expect(s.dossiers.markProvinceConfirmed(d.id, t1).provinceConfirmedAt).toBe(t1.toISOString());
    expect(s.dossiers.markProvinceConfirmed(d.id, new Date('2026-02-01T00:00:00Z')).provinceConfirmedAt).toBe(t1.toISOString());
  });

  it('lists newest first with paging and a status filter', () => {
    const s = store();
    for (let i = 0; i < 25; i++) s.dossiers.accept(draft({ receivedAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() }, `Người ${i}`));
    const p1 = s.dossiers.list({ limit: 10, offset: 0 });
    const p3 = s.dossiers.list({ limit: 10, offset: 20 });
    expect(p1.total).toBe(25);
    expect(p1.items[0]!.applicantName).toBe('Người 24');
    expect(p3.items.map((x) => x.applicantName)).toEqual(['Người 4', 'Người 3', 'Người 2', 'Người 1', 'Người 0']);
    s.dossiers.changeStatus(p1.items[0]!.id, 4);
    expect(s.dossiers.list({ status: 4, limit: 10, offset: 0 }).items.map((x) => x.id)).toEqual([p1.items[0]!.id]);
    expect(parseOfficialCode(p1.items[0]!.code)).toBeUndefined();
  });
});
