import { X509Certificate } from 'node:crypto';
import type { BenchRow } from './row.ts';
import { readChip } from '../../src-main/devices/idcard/read-chip.ts';
import { PcscReaders } from '../../src-main/devices/idcard/transport/pcsc-readers.ts';
import { AN, buildCard, mrzKeyOf } from '../../src-main/devices/idcard/simulated/card-data.ts';
import { ensurePcscd, pcscdUnavailable } from '../sim/card/pcscd.ts';
import { ViccBridge } from '../sim/card/vicc.ts';
import { VirtualChip } from '../../src-main/devices/idcard/simulated/virtual-chip.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** Full chip read (PACE + EF.COM + DG1/2/13/14/15 + SOD + passive authentication) against the virtual chip. */
export async function bench(): Promise<BenchRow[]> {
  const card = await buildCard(AN);
  const cscas = [new X509Certificate(Buffer.from(card.pki.csca.der))];
  const rows: BenchRow[] = [];
  const runs = 7;

  const inProc = async (maxResponse: number, keys: Parameters<typeof readChip>[1]) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const { result } = await readChip(new VirtualChip(card, { maxResponse }), keys, { readerId: 'sim', cscas });
      if (result.authenticity.result !== 'valid') throw new Error('PA not valid');
      times.push(performance.now() - t0);
    }
    return median(times);
  };
  const bacShort = await inProc(256, { mrz: mrzKeyOf(AN) });
  rows.push({ area: 'chip', name: 'full read in-process, BAC 3DES, short APDUs (median of 7)', value: bacShort, unit: 'ms' });
  rows.push({ area: 'chip', name: 'full read in-process, PACE AES/brainpool, short APDUs', value: await inProc(256, { can: AN.idNumber }), unit: 'ms', baseline: { name: 'BAC', value: bacShort } });
  rows.push({ area: 'chip', name: 'full read in-process, PACE, extended APDUs (1 KiB)', value: await inProc(1024, { can: AN.idNumber }), unit: 'ms', baseline: { name: 'BAC', value: bacShort } });

  if (pcscdUnavailable()) return rows;
  const pcscd = await ensurePcscd();
  const readers = new PcscReaders();
  readers.start();
  try {
    const times: number[] = [];
    let apdus = 0;
    for (let i = 0; i < 3; i++) {
      const bridge = new ViccBridge(new VirtualChip(card, { maxResponse: 1024 }));
      await bridge.insert();
      const id = await readers.waitForCard(undefined, 10_000);
      const t = await readers.connect(id);
      const t0 = performance.now();
      await readChip(t, { can: AN.idNumber }, { readerId: id, cscas });
      times.push(performance.now() - t0);
      apdus = bridge.apdus;
      await t.close();
      bridge.remove();
      const until = Date.now() + 5000;
      while (readers.list().some((r) => r.cardPresent) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    }
    const v = median(times);
    rows.push({ area: 'chip', name: `full read via pcscd+vpcd, PACE, extended (median of 3, ${apdus} APDUs)`, value: v, unit: 'ms', target: '< 5000 ms', met: v < 5000 });
    rows.push({ area: 'chip', name: 'per-APDU round trip via pcscd+vpcd', value: v / apdus, unit: 'ms' });
  } finally {
    readers.stop();
    await pcscd.stop();
  }
  return rows;
}
