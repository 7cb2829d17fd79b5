import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../../src-main/core.ts';

const draft = {
  id: 'draft-0001',
  updatedAt: '',
  step: 'procedure',
  applicant: { kind: 'cccd-qr', idNumber: '001190012345', fullName: 'Nguyễn Văn An', dateOfBirth: '1990-01-02', sex: 'M', warnings: [] },
  applicantTrust: 'machine-read',
  procedureCode: '1.001193',
  received: { c1: { originals: 1, certifiedCopies: 0, photocopies: 1 } },
  note: '',
};

describe('reception drafts', () => {
  it('survive a restart of the core, encrypted at rest, and can be discarded', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'osc-drafts-'));
    const a = createCore({ dataDir, host: 'web', version: '1', probes: [] });
    expect((await a.call('reception.drafts.save', draft)).ok).toBe(true);
    await a.close();

    const files = readdirSync(join(dataDir, 'drafts'));
    expect(files).toEqual(['draft-0001.draft']);
    const raw = readFileSync(join(dataDir, 'drafts', files[0] as string));
    expect(raw.includes(Buffer.from('Nguyễn'))).toBe(false);
    expect(raw.includes(Buffer.from('001190012345'))).toBe(false);

    const b = createCore({ dataDir, host: 'web', version: '1', probes: [] });
    const got = await b.call('reception.drafts.get', { id: 'draft-0001' });
    expect(got).toMatchObject({ ok: true, value: { applicant: { fullName: 'Nguyễn Văn An' }, procedureCode: '1.001193', step: 'procedure' } });
    expect(await b.call('reception.drafts.list', {})).toMatchObject({ ok: true, value: [{ id: 'draft-0001', applicantName: 'Nguyễn Văn An' }] });
    expect(await b.call('reception.drafts.discard', { id: 'draft-0001' })).toMatchObject({ ok: true, value: { discarded: true } });
    expect(await b.call('reception.drafts.get', { id: 'draft-0001' })).toMatchObject({ ok: false, error: { code: 'DRAFT_NOT_FOUND' } });
    await b.close();
  });

  it('reports a damaged draft with a code, and refuses ids that could name other files', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'osc-drafts-'));
    const c = createCore({ dataDir, host: 'web', version: '1', probes: [] });
    await c.call('reception.drafts.save', draft);
    const file = join(dataDir, 'drafts', 'draft-0001.draft');
    const bytes = readFileSync(file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
    writeFileSync(file, bytes);
    expect(await c.call('reception.drafts.get', { id: 'draft-0001' })).toMatchObject({ ok: false, error: { code: 'DRAFT_UNREADABLE' } });
    expect(await c.call('reception.drafts.save', { ...draft, id: '../../settings' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await c.close();
  });
});
