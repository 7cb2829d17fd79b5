import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../../src-main/core.ts';
import type { DossierDraft, Dossier } from '../../../src-main/contract/dossiers.ts';
import type { Identity } from '../../../src-main/contract/identity.ts';
import type { CardReadResult } from '../../../src-main/contract/card.ts';
import { PcscReaders } from '../../../src-main/devices/idcard/transport/pcsc-readers.ts';
import { AN, buildCard } from '../../../src-main/devices/idcard/simulated/card-data.ts';
import { ensurePcscd, type PcscdHandle } from '../../sim/card/pcscd.ts';
import { ViccBridge } from '../../sim/card/vicc.ts';
import { VirtualChip } from '../../../src-main/devices/idcard/simulated/virtual-chip.ts';

const QR = '001090012345|123456789|NGUYỄN VĂN AN|01011990|Nam|Thôn 1, Xã Ví Dụ, Tỉnh Mẫu|01072021';

let core: Core;
let dataDir: string;

const draft = (identity: Identity, trust: DossierDraft['applicant']['trust']): DossierDraft => ({
  procedureCode: '2.000908',
  procedureName: 'Cấp bản sao từ sổ gốc',
  channel: 'direct',
  applicant: { identity, trust },
  summary: 'Hồ sơ thử',
  components: [],
});

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await core.call(method, input, { host: 'web' });
  if (!r.ok) throw new Error(`${method}: ${r.error.code}`);
  return r.value as T;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'osc-trust-'));
  core = createCore({ dataDir, host: 'cli', version: 'test', probes: [] });
  await call('settings.set', { agency: { code: 'H01.10.01', name: 'UBND xã Tân Lập' } });
});
afterAll(() => core?.close());

describe('a dossier’s trust is derived in the core', () => {
  it('stores an identity the core never read as typed, whatever the client claims', async () => {
    const claimed: Identity = { kind: 'chip', idNumber: '001090099999', fullName: 'Người Tự Khai', warnings: [] };
    const d = await call<Dossier>('dossiers.accept', draft(claimed, 'verified'));
    expect(d.applicant.trust).toBe('manual');
    expect(d.applicant.identity.kind).toBe('manual');
    const again = await call<Dossier>('dossiers.get', { id: d.id, reason: 'kiểm tra' });
    expect(again.applicant.trust).toBe('manual');
  });

  it('a QR the core parsed is machine-read, never verified', async () => {
    const identity = await call<Identity>('identity.parse', { text: QR, hint: 'auto' });
    const d = await call<Dossier>('dossiers.accept', draft(identity, 'verified'));
    expect(d.applicant).toMatchObject({ trust: 'machine-read', identity: { kind: 'cccd-qr', idNumber: '001090012345' } });
  });

  it('an identity edited after the read is no longer the read one', async () => {
    const identity = await call<Identity>('identity.parse', { text: QR, hint: 'auto' });
    const d = await call<Dossier>('dossiers.accept', draft({ ...identity, fullName: 'NGUYỄN VĂN BÌNH' }, 'machine-read'));
    expect(d.applicant.trust).toBe('manual');
  });
});

describe('chip reads through pcscd + vpcd', () => {
  let pcscd: PcscdHandle;
  let readers: PcscReaders;
  beforeAll(async () => {
    pcscd = await ensurePcscd();
    readers = new PcscReaders();
    readers.start();
  }, 30_000);
  afterAll(async () => {
    readers?.stop();
    await pcscd?.stop();
  });

  async function readCard(validPki: boolean): Promise<CardReadResult> {
    const card = await buildCard(AN, {});
    // The CSCA this PC trusts: the card's own for a valid read, none for "unknown issuer".
    const cscaDir = join(dataDir, 'csca');
    mkdirSync(cscaDir, { recursive: true });
    writeFileSync(join(cscaDir, 'csca.der'), validPki ? Buffer.from(card.pki.csca.der) : Buffer.alloc(0));
    const bridge = new ViccBridge(new VirtualChip(card, { maxResponse: 1024 }));
    await bridge.insert();
    try {
      await readers.waitForCard(undefined, 10_000);
      return await call<CardReadResult>('card.read', { can: AN.idNumber, timeoutMs: 15_000 });
    } finally {
      bridge.remove();
      const until = Date.now() + 5000;
      while (readers.list().some((r) => r.cardPresent) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('a chip read whose issuer is not trusted is machine-read only (read first: a valid read would outrank it)', async () => {
    const read = await readCard(false);
    expect(read.authenticity.result).not.toBe('valid');
    const d = await call<Dossier>('dossiers.accept', draft(read.identity, 'verified'));
    expect(d.applicant).toMatchObject({ trust: 'machine-read', identity: { kind: 'chip' } });
  }, 60_000);

  it('a chip read with valid passive authentication is verified; the same person typed is not', async () => {
    const read = await readCard(true);
    expect(read.authenticity.result).toBe('valid');
    const d = await call<Dossier>('dossiers.accept', draft(read.identity, 'manual'));
    expect(d.applicant).toMatchObject({ trust: 'verified', identity: { kind: 'chip' } });
    const typed = await call<Dossier>('dossiers.accept', draft({ kind: 'manual', idNumber: read.identity.idNumber, fullName: read.identity.fullName, warnings: [] }, 'verified'));
    expect(typed.applicant.trust).toBe('manual');
  }, 60_000);

});
