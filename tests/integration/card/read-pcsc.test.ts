import { X509Certificate } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../../src-main/core.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readChip } from '../../../src-main/devices/idcard/read-chip.ts';
import { PcscReaders } from '../../../src-main/devices/idcard/transport/pcsc-readers.ts';
import { AN, buildCard, mrzKeyOf, type CardImage } from '../../../src-main/devices/idcard/simulated/card-data.ts';
import { ensurePcscd, runningPcscd, type PcscdHandle } from '../../sim/card/pcscd.ts';
import { ViccBridge } from '../../sim/card/vicc.ts';
import { VirtualChip } from '../../../src-main/devices/idcard/simulated/virtual-chip.ts';

// The real PC/SC path: pcsc-mini → libpcsclite → pcscd → vpcd driver → TCP → our vicc bridge → virtual chip.
let pcscd: PcscdHandle;
let readers: PcscReaders;
let card: CardImage;
// Decided before this file starts its own: a pcscd this file did not start is not its to stop, so
// the replug case is reported as skipped (with the reason) instead of passing without running.
const foreignPcscd = runningPcscd();

beforeAll(async () => {
  pcscd = await ensurePcscd();
  readers = new PcscReaders();
  readers.start();
  card = await buildCard(AN, { cardAccess: null });
}, 30_000);

afterAll(async () => {
  readers?.stop();
  await pcscd?.stop();
});

async function withCard<T>(chip: VirtualChip, run: (readerId: string, bridge: ViccBridge) => Promise<T>): Promise<T> {
  const bridge = new ViccBridge(chip);
  await bridge.insert();
  try {
    const readerId = await readers.waitForCard(undefined, 10_000);
    return await run(readerId, bridge);
  } finally {
    bridge.remove();
    // Let pcscd see the card leave before the next test inserts one.
    const until = Date.now() + 5000;
    while (readers.list().some((r) => r.cardPresent) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  }
}

/** Connects to the card on `readerId`, reads it, and always disconnects. */
async function readVia(readerId: string, keys: Parameters<typeof readChip>[1], opts: Partial<Parameters<typeof readChip>[2]> = {}) {
  const t = await readers.connect(readerId);
  try {
    return await readChip(t, keys, { readerId, cscas: [], ...opts });
  } finally {
    await t.close();
  }
}

describe('reading the virtual chip through pcscd + vpcd', () => {
  it('reads with PACE-CAN and checks passive authentication', async () => {
    const full = await buildCard(AN, { pki: card.pki });
    const { result } = await withCard(new VirtualChip(full, { maxResponse: 1024 }), async (readerId, bridge) => {
      const t = await readers.connect(readerId);
      try {
        const r = await readChip(t, { can: AN.idNumber }, { readerId, cscas: [new X509Certificate(Buffer.from(card.pki.csca.der))] });
        expect(bridge.apdus).toBeGreaterThan(20);
        return r;
      } finally {
        await t.close();
      }
    });
    expect(result.readerId).toMatch(/Virtual PCD/);
    expect(result.access).toBe('pace');
    expect(result.identity.fullName).toBe('Nguyễn Văn An');
    expect(result.authenticity.result).toBe('valid');
    expect(result.face?.mime).toBe('image/jpeg');
  }, 30_000);

  it('reads with BAC in short-length APDUs', async () => {
    const { result } = await withCard(new VirtualChip(card), (readerId) => readVia(readerId, { mrz: mrzKeyOf(AN) }, { skipFace: true }));
    expect(result.access).toBe('bac');
    expect(result.identity.idNumber).toBe('001090012345');
    expect(result.authenticity.result).toBe('unknown-issuer');
  }, 30_000);

  it('a chip that answers 6700 to extended length is read through pcscd with short APDUs after a fresh PACE', async () => {
    const full = await buildCard(AN, { pki: card.pki });
    const chip = new VirtualChip(full, { maxResponse: 1024, refuseExtended: 'status' });
    const read = await withCard(chip, (readerId) => readVia(readerId, { can: AN.idNumber }, { cscas: [new X509Certificate(Buffer.from(card.pki.csca.der))] }));
    expect(read.apduLength).toBe('short');
    expect(chip.refusedExtended).toBe(1);
    expect(read.result.access).toBe('pace');
    expect(read.result.authenticity.result).toBe('valid');
  }, 30_000);

  it('a card pulled off the reader mid-read is CARD_REMOVED', async () => {
    const err = await withCard(new VirtualChip(card, { removeAfter: 12 }), (readerId) => readVia(readerId, { mrz: mrzKeyOf(AN) }).catch((e: unknown) => e));
    expect(err).toMatchObject({ code: 'CARD_REMOVED' });
  }, 30_000);

  const replug = 'recovers by itself when the PC/SC service goes away and comes back (reader replug)';
  it.skipIf(foreignPcscd !== undefined)(foreignPcscd ? `${replug} — skipped: a pcscd this test did not start runs (pid ${foreignPcscd})` : replug, async () => {
    expect(pcscd.started).toBe(true);
    await pcscd.stop();
    const gone = Date.now() + 5000;
    while (readers.list().length > 0 && Date.now() < gone) await new Promise((r) => setTimeout(r, 50));
    expect(readers.list()).toEqual([]);
    pcscd = await ensurePcscd();
    const back = Date.now() + 15_000;
    while (readers.list().length === 0 && Date.now() < back) await new Promise((r) => setTimeout(r, 100));
    expect(readers.list().length).toBeGreaterThan(0);
    const { result } = await withCard(new VirtualChip(card), (readerId) => readVia(readerId, { mrz: mrzKeyOf(AN) }, { skipFace: true }));
    expect(result.identity.fullName).toBe('Nguyễn Văn An');
  }, 40_000);

  it('card.read remembers a reader that refused extended length: the next read starts short', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'chip-core-'));
    const core = createCore({ dataDir, host: 'cli', version: 'test' });
    const chip = new VirtualChip(await buildCard(AN, { pki: card.pki }), { maxResponse: 1024, refuseExtended: 'status' });
    try {
      const bridge = new ViccBridge(chip);
      await bridge.insert();
      try {
        for (let i = 0; i < 2; i++) {
          const r = await core.call('card.read', { can: AN.idNumber, timeoutMs: 10_000 });
          expect(r.ok).toBe(true);
        }
        expect(chip.refusedExtended).toBe(1);
      } finally {
        bridge.remove();
        const until = Date.now() + 5000;
        while (readers.list().some((r) => r.cardPresent) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 40_000);

  it('card.read through the core: contract validation, CSCA from <dataDir>/csca, events', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'chip-core-'));
    mkdirSync(join(dataDir, 'csca'));
    writeFileSync(join(dataDir, 'csca', 'test-csca.der'), card.pki.csca.der);
    const core = createCore({ dataDir, host: 'cli', version: 'test' });
    const seen: string[] = [];
    core.bus.subscribe((e) => seen.push(e));
    try {
      const bad = await core.call('card.read', { can: '12' });
      expect(bad.ok).toBe(false);
      const bridge = new ViccBridge(new VirtualChip(card));
      await bridge.insert();
      try {
        const r = await core.call('card.read', { mrz: mrzKeyOf(AN), timeoutMs: 10_000 });
        expect(r.ok).toBe(true);
        const value = (r as { value: { identity: { fullName: string }; authenticity: { result: string } } }).value;
        expect(value.identity.fullName).toBe('Nguyễn Văn An');
        expect(value.authenticity.result).toBe('valid');
        expect(seen).toContain('card.read');
      } finally {
        bridge.remove();
      }
    } finally {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});
