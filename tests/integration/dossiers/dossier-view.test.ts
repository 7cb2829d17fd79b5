import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src-main/core.ts';
import type { Dossier } from '../../../src-main/contract/dossiers.ts';
import { samplePdf } from '../../sim/pki/sample-pdf.ts';
import { call, errorCode, seedDossier, storedPdf } from './seed.ts';

let core: Core;
let dossier: Dossier;
const code = () => dossier.provisionalCode ?? '';

beforeAll(async () => {
  core = createCore({ dataDir: mkdtempSync(join(tmpdir(), 'osc-dv-')), host: 'cli', version: '1', probes: [] });
  dossier = await seedDossier(core);
}, 60_000);
afterAll(async () => core?.close());

describe('dossiers.componentPdf (real store, audited)', () => {
  it('returns the stored PDF of a component and writes a read row with the reason to the audit log', async () => {
    const c = dossier.components[0]!;
    const r = await call(core, 'dossiers.componentPdf', { dossierId: dossier.id, componentId: c.id, reason: 'Trả kết quả' }, 'officer-7');
    const bytes = Buffer.from(r.pdfBase64, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(r).toMatchObject({ componentId: c.id, name: c.name, sha256: c.pages[0]!.sha256, bytes: bytes.length });
    const audit = await call(core, 'audit.list', { subject: `dossier:${dossier.id}` });
    expect(audit[0]).toMatchObject({ action: 'read', userId: 'officer-7', reason: 'Trả kết quả', details: { componentId: c.id, sha256: c.pages[0]!.sha256 } });
  });

  it('refuses bad input with codes: unknown component, paper-only component, unknown dossier, empty reason', async () => {
    expect(await errorCode(core, 'dossiers.componentPdf', { dossierId: dossier.id, componentId: 'nope' })).toBe('DOSSIER_COMPONENT_NOT_FOUND');
    expect(await errorCode(core, 'dossiers.componentPdf', { dossierId: dossier.id, componentId: dossier.components[2]!.id })).toBe('DOSSIER_COMPONENT_NO_PDF');
    expect(await errorCode(core, 'dossiers.componentPdf', { dossierId: 'missing', componentId: 'x' })).toBe('DOSSIER_NOT_FOUND');
    expect(await errorCode(core, 'dossiers.componentPdf', { dossierId: dossier.id, componentId: dossier.components[0]!.id, reason: '   ' })).toBe('INVALID_INPUT');
  });
});

describe('dossiers.findByCode (the QR on the slip, or typed)', () => {
  it('finds the dossier from the code as typed, in lower case, with a wedge scanner’s CR/LF, or inside the tracking URL', async () => {
    const want = { id: dossier.id, code: code(), provisional: true, status: 2 };
    for (const text of [code(), `${code().toLowerCase()}\r\n`, `\t${code()}\n`, `https://dichvucong.example.gov.vn/tra-cuu/${encodeURIComponent(code())}`, `https://x.example/tc?ma=${encodeURIComponent(code())}&lang=vi`]) {
      expect(await call(core, 'dossiers.findByCode', { text })).toEqual(want);
    }
  });

  it('says DOSSIER_CODE_UNREADABLE for text without a code and DOSSIER_NOT_FOUND for a well-formed unknown code', async () => {
    expect(await errorCode(core, 'dossiers.findByCode', { text: 'xin chào' })).toBe('DOSSIER_CODE_UNREADABLE');
    expect(await errorCode(core, 'dossiers.findByCode', { text: '' })).toBe('DOSSIER_CODE_UNREADABLE');
    expect(await errorCode(core, 'dossiers.findByCode', { text: '000.00.31.H42-240520-9999' })).toBe('DOSSIER_NOT_FOUND');
    expect(await errorCode(core, 'dossiers.findByCode', { text: 42 })).toBe('INVALID_INPUT');
  });
});

describe('dossiers.componentSignatures', () => {
  it('reports every PDF component as unsigned (unknown) before signing, and skips paper-only ones', async () => {
    const list = await call(core, 'dossiers.componentSignatures', { dossierId: dossier.id });
    expect(list.map((s) => s.componentId)).toEqual(dossier.components.slice(0, 2).map((c) => c.id));
    expect(list.every((s) => s.report.status === 'unknown' && s.report.signatures.length === 0)).toBe(true);
  });
});

describe('dossiers.returnResult (trả kết quả)', () => {
  it('files the scanned result as a component, moves the status 2 → 9 → 10 with the collector in the note, and indexes its text', async () => {
    const d = await seedDossier(core, 'Lê Văn Tám');
    const session = await call(core, 'scan.open', {});
    await call(core, 'scan.import', { sessionId: session.id, files: [{ name: 'ket-qua.pdf', base64: Buffer.from(await samplePdf(2)).toString('base64') }] });
    const after = await call(core, 'dossiers.returnResult', { dossierId: d.id, source: { kind: 'scan', sessionId: session.id }, collectedBy: 'Lê Thị Hoa' }, 'officer-7');
    expect(after.status).toBe(10);
    expect(after.statusHistory.map((h) => h.status)).toEqual([1, 2, 9, 10]);
    expect(after.statusHistory.at(-1)).toMatchObject({ by: 'officer-7', note: 'Người nhận kết quả: Lê Thị Hoa' });
    const result = after.components.at(-1)!;
    expect(result).toMatchObject({ code: 'KQ', name: 'Kết quả giải quyết thủ tục hành chính' });
    const pdf = await call(core, 'dossiers.componentPdf', { dossierId: d.id, componentId: result.id });
    expect(pdf.sha256).toBe(result.pages[0]!.sha256);
    // The result's text is searchable (every sample page says "lorem ipsum").
    const found = await call(core, 'dossiers.search', { query: 'lorem', limit: 50 });
    expect(found.items.some((i) => i.id === d.id && i.matchedIn === 'page')).toBe(true);
    expect(await errorCode(core, 'dossiers.returnResult', { dossierId: d.id, source: { kind: 'scan', sessionId: session.id } })).toBe('DOSSIER_ALREADY_RETURNED');
  }, 60_000);

  it('takes a stored result PDF (e.g. fetched from the province) for a dossier already at 9', async () => {
    const d = await seedDossier(core, 'Phạm Văn Đồng');
    await call(core, 'dossiers.changeStatus', { id: d.id, status: 9 });
    const stored = await storedPdf(core, 1, 'kq');
    const after = await call(core, 'dossiers.returnResult', { dossierId: d.id, source: { kind: 'stored', sha256: stored.sha256 } });
    expect(after.statusHistory.map((h) => h.status)).toEqual([1, 2, 9, 10]);
    expect(after.components.at(-1)!.pages[0]).toMatchObject({ sha256: stored.sha256, mime: 'application/pdf' });
  }, 60_000);

  it('refuses with codes and leaves the dossier untouched: empty session, refused dossier, unknown blob, bad source', async () => {
    const d = await seedDossier(core, 'Hoàng Thị Mai');
    const empty = await call(core, 'scan.open', {});
    expect(await errorCode(core, 'dossiers.returnResult', { dossierId: d.id, source: { kind: 'scan', sessionId: empty.id } })).toBe('RESULT_EMPTY');
    expect(await errorCode(core, 'dossiers.returnResult', { dossierId: d.id, source: { kind: 'scan', sessionId: 'gone' } })).toBe('SCAN_SESSION_NOT_FOUND');
    expect(await errorCode(core, 'dossiers.returnResult', { dossierId: d.id, source: { kind: 'stored', sha256: 'a'.repeat(64) } })).toBe('RESULT_EMPTY');
    expect(await errorCode(core, 'dossiers.returnResult', { dossierId: d.id, source: { kind: 'email' } })).toBe('INVALID_INPUT');
    const unchanged = await call(core, 'dossiers.get', { id: d.id });
    expect(unchanged.status).toBe(2);
    expect(unchanged.components).toHaveLength(3);
    await call(core, 'dossiers.changeStatus', { id: d.id, status: 8 });
    const stored = await storedPdf(core, 1, 'kq2');
    expect(await errorCode(core, 'dossiers.returnResult', { dossierId: d.id, source: { kind: 'stored', sha256: stored.sha256 } })).toBe('DOSSIER_NOT_RETURNABLE');
  }, 60_000);
});
