import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../../src-main/core.ts';
import type { Dossier } from '../../../src-main/contract/dossiers.ts';

const ID = '001090012345';
const NAME = 'Nguyễn Văn Kiểm';
const CCCD = `${ID}|012345678|${NAME}|01011990|Nam|Thôn 1, Xã Ví Dụ, Tỉnh Mẫu|01012025`;
const newCore = () => createCore({ dataDir: mkdtempSync(join(tmpdir(), 'osc-audit-')), host: 'cli', version: '1', probes: [] });

type Entry = { action: string; subject: string; reason: string; details?: { dossierIds?: string[] } };

async function call<T>(core: Core, method: string, input: unknown): Promise<T> {
  const r = await core.call(method, input, { host: 'web' });
  if (!r.ok) throw new Error(`${method}: ${r.error.code}`);
  return r.value as T;
}

let core: Core;
let dossier: Dossier;
beforeAll(async () => {
  core = newCore();
  await call(core, 'settings.set', { agency: { code: 'H01.10.01', name: 'UBND xã Tân Lập' } });
  dossier = await call<Dossier>(core, 'dossiers.accept', {
    procedureCode: '2.000908',
    procedureName: 'Cấp bản sao từ sổ gốc',
    channel: 'direct',
    applicant: { identity: { kind: 'manual', idNumber: ID, fullName: NAME, warnings: [] }, trust: 'manual' },
    summary: 'Hồ sơ thử',
    components: [],
  });
});
afterAll(() => core?.close());

describe('the audit log', () => {
  it('cannot be written by a client: audit.record is not a method', async () => {
    const r = await core.call('audit.record', { action: 'login', subject: 'user:forged' }, { host: 'web' });
    expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('names a person by a salted pseudonym, different per installation and not the plain hash of the ID', async () => {
    const other = newCore();
    try {
      const subjects: string[] = [];
      for (const c of [core, other]) {
        await call(c, 'identity.submit', { text: CCCD });
        const rows = await call<Entry[]>(c, 'audit.list', { action: 'read', limit: 20, offset: 0 });
        const row = rows.find((e) => /Đọc mã QR/.test(e.reason));
        expect(row?.subject).toMatch(/^person:[0-9a-f]{32}$/);
        subjects.push(row!.subject);
      }
      expect(subjects[0]).not.toBe(subjects[1]);
      // The old, unsalted pseudonym could be reversed by hashing every possible ID number.
      const unsalted = createHash('sha256').update(ID).digest('hex');
      for (const s of subjects) expect(unsalted.startsWith(s.slice('person:'.length, 'person:'.length + 16))).toBe(false);
    } finally {
      await other.close();
    }
  });

  it('records list, search and queue export of personal data, with the dossiers shown and no personal data', async () => {
    await call(core, 'dossiers.list', { limit: 20, offset: 0 });
    await call(core, 'dossiers.search', { query: 'Kiểm', limit: 20, offset: 0 });
    await call(core, 'queue.export', {});
    const rows = await call<Entry[]>(core, 'audit.list', { limit: 50, offset: 0 });
    const list = rows.find((e) => e.subject === 'dossiers:list');
    const search = rows.find((e) => e.subject === 'dossiers:search');
    const exported = rows.find((e) => e.subject === 'queue:export');
    expect(list).toMatchObject({ action: 'read' });
    expect(list?.details?.dossierIds).toContain(dossier.id);
    expect(search).toMatchObject({ action: 'read' });
    expect(search?.details?.dossierIds).toContain(dossier.id);
    expect(exported).toMatchObject({ action: 'export' });
    expect(JSON.stringify(rows)).not.toMatch(new RegExp(`${ID}|${NAME}|Kiểm`));
  });
});
