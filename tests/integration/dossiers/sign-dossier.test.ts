import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src-main/core.ts';
import type { Dossier } from '../../../src-main/contract/dossiers.ts';
import { createSoftHsm, initToken, SOFTHSM_MODULE } from '../../sim/pki/softhsm.ts';
import { createTestPki } from '../../sim/pki/test-pki.ts';
import { call, errorCode, seedDossier } from './seed.ts';
import { pdfsig } from '../../sim/pki/pdfsig.ts';

const PIN = '246810';
let core: Core;
let dossier: Dossier;

beforeAll(async () => {
  const pki = createTestPki();
  const hsm = createSoftHsm();
  initToken(hsm, 'Officer', PIN, [{ party: pki.officer, id: '01' }], [pki.caDerPath]);
  core = createCore({ dataDir: mkdtempSync(join(tmpdir(), 'osc-dvs-')), host: 'cli', version: '1', probes: [] });
  await call(core, 'settings.set', { signing: { trustAnchorsPem: [pki.caPem], pkcs11Modules: [SOFTHSM_MODULE], tsaUrl: '', checkRevocation: false } });
  dossier = await seedDossier(core);
}, 90_000);
afterAll(async () => core?.close());

describe('signing.signDossier through the dossier store (SoftHSM2 token)', () => {
  it('a wrong PIN signs nothing and leaves the components as they were', async () => {
    // Compared with the components just before, not with the seed: the signing case may have run first.
    const before = await call(core, 'dossiers.get', { id: dossier.id });
    const r = await core.call('signing.signDossier', { dossierId: dossier.id, key: { kind: 'pkcs11', tokenLabel: 'Officer', certId: '01', pin: '000000' } });
    // The token refuses the login before any component is read: the whole call fails with the code.
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('PIN_INCORRECT');
    const same = await call(core, 'dossiers.get', { id: dossier.id });
    expect(same.components.map((c) => c.pages[0]?.sha256)).toEqual(before.components.map((c) => c.pages[0]?.sha256));
  });

  it('signs every PDF component with one PIN; the store points at the signed copies and they verify valid (pdfsig agrees)', async () => {
    const r = await call(core, 'signing.signDossier', { dossierId: dossier.id, key: { kind: 'pkcs11', tokenLabel: 'Officer', certId: '01', pin: PIN }, options: { reason: 'Số hóa bản sao' } });
    expect(r.failed).toEqual([]);
    expect(r.signed.sort()).toEqual(dossier.components.slice(0, 2).map((c) => c.id).sort());
    const after = await call(core, 'dossiers.get', { id: dossier.id });
    after.components.slice(0, 2).forEach((c, i) => expect(c.pages[0]!.sha256).not.toBe(dossier.components[i]!.pages[0]!.sha256));
    const sigs = await call(core, 'dossiers.componentSignatures', { dossierId: dossier.id });
    expect(sigs.map((s) => [s.report.status, s.report.signatures[0]?.signerName])).toEqual([
      ['valid', 'Nguyễn Thị Hồng Nhung'],
      ['valid', 'Nguyễn Thị Hồng Nhung'],
    ]);
    const pdf = await call(core, 'dossiers.componentPdf', { dossierId: dossier.id, componentId: after.components[0]!.id });
    expect(pdf.sha256).toBe(after.components[0]!.pages[0]!.sha256);
    const file = join(mkdtempSync(join(tmpdir(), 'osc-dvs-out-')), 'signed.pdf');
    writeFileSync(file, Buffer.from(pdf.pdfBase64, 'base64'));
    expect(pdfsig(file)).toContain('Signature is Valid.');
  }, 60_000);

  it('signDossier of an unknown dossier says DOSSIER_NOT_FOUND', async () => {
    expect(await errorCode(core, 'signing.signDossier', { dossierId: 'nope', key: { kind: 'pkcs11', certId: '01', pin: PIN } })).toBe('DOSSIER_NOT_FOUND');
  });
});
