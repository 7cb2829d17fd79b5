import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../../src-main/core.ts';
import { componentKey } from '../../../src-main/domain/reception/component-key.ts';

type Core = ReturnType<typeof createCore>;

/** A reception ready to accept except for what the test varies: the applicant. */
function draftWith(applicant: Record<string, unknown>, components: number) {
  return {
    id: 'draft-bhyt',
    updatedAt: '',
    step: 'review',
    applicant,
    applicantTrust: 'machine-read',
    procedureCode: '1.001193',
    received: Object.fromEntries(Array.from({ length: components }, (_, i) => [componentKey(i), { originals: 1, certifiedCopies: 0, photocopies: 0 }])),
    note: '',
  };
}

const BHYT_ONLY = { kind: 'bhyt-qr', fullName: 'Nguyễn Văn An', dateOfBirth: '1990-01-01', sex: 'M', insurance: { cardNumber: 'DN4790123456789' }, warnings: [] };

describe('reception.accept needs a person identity with an ID number', () => {
  let core: Core | undefined;
  let dataDir = '';
  afterEach(async () => {
    await core?.close();
    core = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a BHYT QR alone with a coded Vietnamese error, and accepts once the ID number is typed', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'osc-applicant-id-'));
    core = createCore({ dataDir, host: 'web', version: '1', probes: [], trainingMode: true });
    const procedure = await core.call('procedures.get', { code: '1.001193' });
    if (!procedure.ok) throw new Error(procedure.error.code);
    const n = (procedure.value as { components: unknown[] }).components.length;
    expect((await core.call('reception.drafts.save', draftWith(BHYT_ONLY, n))).ok).toBe(true);
    const refused = await core.call('reception.accept', { draftId: 'draft-bhyt' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'RECEPTION_APPLICANT_NO_ID' } });
    expect(refused).toMatchObject({ error: { message: { vi: expect.stringMatching(/số định danh/) } } });

    // The same person once the officer typed the number as printed on the card (with spaces).
    expect((await core.call('reception.drafts.save', draftWith({ ...BHYT_ONLY, idNumber: '0010 9001 2345' }, n))).ok).toBe(true);
    const accepted = await core.call('reception.accept', { draftId: 'draft-bhyt' });
    expect(accepted.ok ? 'accepted' : accepted.error).toBe('accepted');
    if (accepted.ok) expect((accepted.value as { dossier: { applicant: { identity: { idNumber?: string } } } }).dossier.applicant.identity.idNumber).toBe('001090012345');
  }, 60_000);
});
